import type {
  Contact,
  Contract,
  Installation,
  Organization,
  Queue,
} from '../../../src/domain/directory.js';
import type { DirectoryRepository } from '../../../src/ports/directory-repository.js';

/** The smallest directory a case can be opened in: one customer, one queue. */
export const ACME: Organization = { id: 'org-acme', key: 'acme', name: 'Acme', slackTeamIds: [] };
export const CAROL_CONTACT: Contact = {
  id: 'contact-carol',
  organizationId: ACME.id,
  organizationKey: ACME.key,
  email: 'carol@acme.example',
  name: 'Carol',
};
export const GENERAL: Queue = {
  id: 'queue-general',
  key: 'general',
  name: 'General',
  members: [],
  routing: [],
  isDefault: true,
};

/** Master data held in arrays; what a test does not seed is simply not found. */
export class InMemoryDirectory implements DirectoryRepository {
  constructor(
    private readonly data: {
      organizations?: Organization[];
      contacts?: Contact[];
      queues?: Queue[];
      installations?: Installation[];
      contracts?: Contract[];
    } = { organizations: [ACME], contacts: [CAROL_CONTACT], queues: [GENERAL] },
  ) {}

  private get organizations() {
    return this.data.organizations ?? [];
  }
  private get contacts() {
    return this.data.contacts ?? [];
  }

  getOrganization = async (id: string) => this.organizations.find((o) => o.id === id);
  findOrganizationByKey = async (key: string) => this.organizations.find((o) => o.key === key);
  findOrganizationBySlackTeam = async (teamId: string) =>
    this.organizations.find((o) => o.slackTeamIds.includes(teamId));
  findOrganizationByTeamsTenant = async (tenantId: string) =>
    this.organizations.find((o) => o.teamsTenantIds?.includes(tenantId));
  listOrganizations = async () => [...this.organizations];

  getContact = async (id: string) => this.contacts.find((c) => c.id === id);
  findContactByEmail = async (email: string) =>
    this.contacts.find((c) => c.email === email.toLowerCase());
  findContactBySlackUser = async (teamId: string, userId: string) =>
    this.contacts.find((c) => c.slackTeamId === teamId && c.slackUserId === userId);
  findContactByTeamsUser = async (aadObjectId: string) =>
    this.contacts.find((c) => c.teamsAadObjectId === aadObjectId);
  addContact = async (): Promise<Contact> => {
    throw new Error('not part of these tests');
  };

  getAgent = async () => undefined;
  findAgentByEmail = async () => undefined;
  findAgentBySlackUser = async () => undefined;
  findAgentByTeamsUser = async () => undefined;
  listAgents = async () => [];

  listQueues = async () => [...(this.data.queues ?? [])];
  findQueueByKey = async (key: string) => this.data.queues?.find((q) => q.key === key);
  upsertQueues = async () => ({ inserted: 0, updated: 0, unchanged: 0 });

  findProductByKey = async () => undefined;
  listProducts = async () => [];

  getInstallation = async (id: string) => this.data.installations?.find((i) => i.id === id);
  listInstallations = async (organizationId: string) =>
    (this.data.installations ?? []).filter((i) => i.organizationId === organizationId);
  findInstallationBySupportKey = async (supportKey: string) =>
    this.data.installations?.find((i) => i.supportKey === supportKey.toUpperCase());
  getInstallationAccessNotes = async () => undefined;

  listContracts = async (organizationId: string) =>
    (this.data.contracts ?? []).filter((c) => c.organizationId === organizationId);
  findContractBySupportKey = async (supportKey: string) =>
    this.data.contracts?.find((c) => c.supportKeys.includes(supportKey.toUpperCase()));
}
