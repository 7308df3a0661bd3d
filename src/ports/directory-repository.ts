import type {
  Agent,
  Contact,
  ContactInput,
  Contract,
  Installation,
  Organization,
  Product,
  Queue,
  QueueInput,
} from '../domain/directory.js';

/** What an upsert by natural key did; unchanged records keep their `updatedAt`. */
export interface UpsertCounts {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

/**
 * Master data as the use cases see it. Every lookup resolves to `undefined` when nothing
 * matches. Entities carry both the ids and the natural keys of what they refer to
 * (a contact has `organizationId` and `organizationKey`), so one lookup is usually enough.
 */
export interface DirectoryRepository {
  getOrganization(id: string): Promise<Organization | undefined>;
  findOrganizationByKey(key: string): Promise<Organization | undefined>;
  /** The customer organization a Slack Connect team belongs to. */
  findOrganizationBySlackTeam(teamId: string): Promise<Organization | undefined>;
  /** The customer organization a Microsoft tenant (its Teams chats and channels) belongs to. */
  findOrganizationByTeamsTenant(tenantId: string): Promise<Organization | undefined>;
  listOrganizations(): Promise<Organization[]>;

  getContact(id: string): Promise<Contact | undefined>;
  /** Case-insensitive: emails are stored lower-case. */
  findContactByEmail(email: string): Promise<Contact | undefined>;
  findContactBySlackUser(teamId: string, userId: string): Promise<Contact | undefined>;
  findContactByTeamsUser(aadObjectId: string): Promise<Contact | undefined>;
  /**
   * Adds one contact (someone from a customer's own chat workspace who wrote to us). An
   * email already on file is left as it is and that contact is returned.
   */
  addContact(contact: ContactInput & { readonly organizationId: string }): Promise<Contact>;

  getAgent(id: string): Promise<Agent | undefined>;
  findAgentByEmail(email: string): Promise<Agent | undefined>;
  findAgentBySlackUser(userId: string): Promise<Agent | undefined>;
  findAgentByTeamsUser(aadObjectId: string): Promise<Agent | undefined>;
  /** Every agent, inactive ones included (callers filter on `active`), sorted by email. */
  listAgents(): Promise<Agent[]>;

  /** Sorted by key. */
  listQueues(): Promise<Queue[]>;
  findQueueByKey(key: string): Promise<Queue | undefined>;
  /** Creates or updates queues by key (config queues are synced at start); never deletes. */
  upsertQueues(queues: readonly QueueInput[]): Promise<UpsertCounts>;

  findProductByKey(key: string): Promise<Product | undefined>;
  listProducts(): Promise<Product[]>;

  getInstallation(id: string): Promise<Installation | undefined>;
  /** Installations of one organization, sorted by product, version and environment. */
  listInstallations(organizationId: string): Promise<Installation[]>;
  /** Case-insensitive: support keys are stored upper-case. */
  findInstallationBySupportKey(supportKey: string): Promise<Installation | undefined>;
  /**
   * Access and dial-in notes are for agents only, so they never appear on `Installation`.
   * The caller must have checked that the actor is staff.
   */
  getInstallationAccessNotes(installationId: string): Promise<string | undefined>;

  /** Contracts of one organization, latest expiry first. */
  listContracts(organizationId: string): Promise<Contract[]>;
  /**
   * The contract covering a support key. When renewals share a key, the one that expires
   * last wins; whether it is still valid is the caller's decision (it owns the clock).
   */
  findContractBySupportKey(supportKey: string): Promise<Contract | undefined>;
}
