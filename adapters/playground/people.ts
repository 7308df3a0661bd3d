import type { ContactList } from '../../src/ports/contact-list.js';
import type { DirectoryLookups } from '../shared/deps.js';

/** Someone from the directory a visitor may act as. */
export interface Person {
  readonly email: string;
  readonly name: string;
  readonly role: 'customer' | 'agent';
  readonly organization?: string;
}

/** What the playground is given: who a visitor may act as. */
export interface PeopleLookups {
  readonly listAgents: DirectoryLookups['listAgents'];
  readonly listContacts: ContactList['listContacts'];
}

/** The people of the imported data. */
export const listPeople = async (people: PeopleLookups): Promise<Person[]> => {
  const agents = (await people.listAgents()).filter((a) => a.active);
  const contacts = await people.listContacts(500);
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
