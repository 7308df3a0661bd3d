import type { Connection } from 'mongoose';
import { z } from 'zod';
import type { ContactList, ContactListing } from '../../ports/contact-list.js';

const contactRow = z.object({
  email: z.string(),
  name: z.string(),
  organizationKey: z.string().optional(),
});

/**
 * The `contacts` collection, read only. The directory port has no "list contacts"
 * (intake finds a contact by who wrote), so the list is a port of its own.
 */
export const createMongoContactList = (connection: Connection): ContactList => ({
  async listContacts(limit) {
    const rows = await connection
      .collection('contacts')
      .find({}, { projection: { email: 1, name: 1, organizationKey: 1 } })
      .limit(limit)
      .toArray();
    return rows
      .map((row) => contactRow.safeParse(row))
      .flatMap((r): ContactListing[] => (r.success ? [r.data] : []))
      .sort((a, b) => a.email.localeCompare(b.email));
  },
});
