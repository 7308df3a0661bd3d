/** The contacts list behind the playground's "act as" choices, on the real database. */
import type { Connection } from 'mongoose';
import { createMongoContactList } from '../../../src/store/directory/mongo-contact-list.js';
import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';

describe('contact list (real database)', () => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await connectTestDatabase('contact_list');
    await connection.collection('contacts').insertMany([
      { email: 'zoe@globex.test', name: 'Zoe Park', organizationKey: 'globex' },
      { email: 'carol@acme.test', name: 'Carol Diaz', organizationKey: 'acme' },
      { email: 'sam@nowhere.test', name: 'Sam Ito' },
      // Written by hand, not by the import: no name, so it cannot be shown.
      { email: 'broken@acme.test' },
    ]);
  });
  afterAll(async () => closeTestDatabase(connection));

  it('lists contacts by email, with their organization, leaving out what it cannot show', async () => {
    const contacts = await createMongoContactList(connection).listContacts(10);
    expect(contacts).toEqual([
      { email: 'carol@acme.test', name: 'Carol Diaz', organizationKey: 'acme' },
      { email: 'sam@nowhere.test', name: 'Sam Ito' },
      { email: 'zoe@globex.test', name: 'Zoe Park', organizationKey: 'globex' },
    ]);
  });

  it('reads no more than the limit', async () => {
    expect(await createMongoContactList(connection).listContacts(2)).toHaveLength(2);
  });
});
