import type { Connection } from 'mongoose';
import { z } from 'zod';
import type { DirectoryRepository } from '../../src/ports/directory-repository.js';

/** Someone from the directory a visitor may act as. */
export interface Person {
  readonly email: string;
  readonly name: string;
  readonly role: 'customer' | 'agent';
  readonly organization?: string;
}

const contactRow = z.object({
  email: z.string(),
  name: z.string(),
  organizationKey: z.string().optional(),
});

/**
 * The people of the imported data. The directory port has no "list contacts" (nothing
 * else needs one), so the playground reads the contacts collection itself, read-only.
 */
export const listPeople = async (
  directory: DirectoryRepository,
  connection: Connection,
): Promise<Person[]> => {
  const agents = (await directory.listAgents()).filter((a) => a.active);
  const rows = await connection
    .collection('contacts')
    .find({}, { projection: { email: 1, name: 1, organizationKey: 1 } })
    .limit(500)
    .toArray();
  const contacts = rows
    .map((row) => contactRow.safeParse(row))
    .flatMap((r) => (r.success ? [r.data] : []))
    .sort((a, b) => a.email.localeCompare(b.email));
  return [
    ...contacts.map((c) => ({
      email: c.email,
      name: c.name,
      role: 'customer' as const,
      ...(c.organizationKey ? { organization: c.organizationKey } : {}),
    })),
    ...agents.map((a) => ({ email: a.email, name: a.name, role: 'agent' as const })),
  ];
};
