import { isDeepStrictEqual } from 'node:util';
import {
  agentSchema,
  contactInputSchema,
  contactSchema,
  contractSchema,
  installationSchema,
  naturalKeyOf,
  organizationSchema,
  productSchema,
  queueInputSchema,
  queueSchema,
  type Contact,
  type DirectoryEntities,
  type DirectoryKind,
  type Organization,
  type Queue,
} from '../../../src/domain/directory.js';
import { importDirectory, type ImportTarget } from '../../../src/import/index.js';
import type { DirectoryRepository, UpsertCounts } from '../../../src/ports/directory-repository.js';

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

// As the store's entity schemas: a field that is not part of an entity (access notes)
// never leaves the directory.
const ENTITY_SCHEMAS = {
  organizations: organizationSchema,
  products: productSchema,
  queues: queueSchema,
  agents: agentSchema,
  contacts: contactSchema,
  installations: installationSchema,
  contracts: contractSchema,
} as const;

type Records = { [K in DirectoryKind]: Map<string, Record<string, unknown> & { id: string }> };
type Seed = Partial<{ [K in DirectoryKind]: readonly DirectoryEntities[K][] }>;

const email = (value: string) => value.trim().toLowerCase();
const byField =
  (...fields: string[]) =>
  (a: Record<string, unknown>, b: Record<string, unknown>): number => {
    for (const field of fields) {
      const [x, y] = [String(a[field] ?? ''), String(b[field] ?? '')];
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };

/**
 * Master data in maps, with the Mongo repository's lookups and sort orders. Seed it with
 * entities, or with import rows through `seedDirectory` (the real import's validation).
 */
export class InMemoryDirectory implements DirectoryRepository {
  private readonly records = Object.fromEntries(
    Object.keys(ENTITY_SCHEMAS).map((kind) => [kind, new Map()]),
  ) as Records;
  private ids = 0;

  constructor(
    seed: Seed = { organizations: [ACME], contacts: [CAROL_CONTACT], queues: [GENERAL] },
  ) {
    for (const [kind, entities] of Object.entries(seed) as [
      DirectoryKind,
      readonly { id: string }[],
    ][])
      for (const entity of entities)
        this.records[kind].set(naturalKeyOf(kind, entity), { ...entity });
  }

  /** Where `importDirectory` writes: records are upserted by natural key, as in Mongo. */
  readonly target: ImportTarget = {
    list: async <K extends DirectoryKind>(kind: K) => this.all(kind),
    upsert: async (kind, records) => this.upsert(kind, records),
  };

  private all<K extends DirectoryKind>(kind: K): DirectoryEntities[K][] {
    return [...this.records[kind].values()].map(
      (record) => ENTITY_SCHEMAS[kind].parse(record) as DirectoryEntities[K],
    );
  }

  private find<K extends DirectoryKind>(
    kind: K,
    predicate: (entity: DirectoryEntities[K]) => boolean,
  ): DirectoryEntities[K] | undefined {
    return this.all(kind).find(predicate);
  }

  private upsert(kind: DirectoryKind, records: readonly object[]): UpsertCounts {
    const counts = { inserted: 0, updated: 0, unchanged: 0 };
    for (const record of records) {
      const key = naturalKeyOf(kind, record as Record<string, unknown>);
      const existing = this.records[kind].get(key);
      const next = { ...record, id: existing?.id ?? `${kind}-${(this.ids += 1)}` };
      if (existing && isDeepStrictEqual(existing, next)) counts.unchanged += 1;
      else counts[existing ? 'updated' : 'inserted'] += 1;
      this.records[kind].set(key, next);
    }
    return counts;
  }

  getOrganization = async (id: string) => this.find('organizations', (o) => o.id === id);
  findOrganizationByKey = async (key: string) => this.find('organizations', (o) => o.key === key);
  findOrganizationBySlackTeam = async (teamId: string) =>
    this.find('organizations', (o) => o.slackTeamIds.includes(teamId));
  findOrganizationByTeamsTenant = async (tenantId: string) =>
    this.find('organizations', (o) => o.teamsTenantIds?.includes(email(tenantId)) ?? false);
  listOrganizations = async () => this.all('organizations').sort(byField('key'));

  getContact = async (id: string) => this.find('contacts', (c) => c.id === id);
  findContactByEmail = async (address: string) =>
    this.find('contacts', (c) => c.email === email(address));
  findContactBySlackUser = async (teamId: string, userId: string) =>
    this.find('contacts', (c) => c.slackTeamId === teamId && c.slackUserId === userId);
  findContactByTeamsUser = async (aadObjectId: string) =>
    this.find('contacts', (c) => c.teamsAadObjectId === email(aadObjectId));
  addContact = async ({
    organizationId,
    ...contact
  }: Parameters<DirectoryRepository['addContact']>[0]): Promise<Contact> => {
    const input = contactInputSchema.parse(contact);
    const key = naturalKeyOf('contacts', input);
    if (!this.records.contacts.has(key))
      this.records.contacts.set(key, {
        ...input,
        organizationId,
        id: `contacts-${(this.ids += 1)}`,
      });
    return (await this.findContactByEmail(input.email))!;
  };

  getAgent = async (id: string) => this.find('agents', (a) => a.id === id);
  findAgentByEmail = async (address: string) =>
    this.find('agents', (a) => a.email === email(address));
  findAgentBySlackUser = async (userId: string) =>
    this.find('agents', (a) => a.slackUserId === userId);
  findAgentByTeamsUser = async (aadObjectId: string) =>
    this.find('agents', (a) => a.teamsAadObjectId === email(aadObjectId));
  listAgents = async () => this.all('agents').sort(byField('email'));

  listQueues = async () => this.all('queues').sort(byField('key'));
  findQueueByKey = async (key: string) => this.find('queues', (q) => q.key === key);
  upsertQueues = async (queues: Parameters<DirectoryRepository['upsertQueues']>[0]) =>
    this.upsert(
      'queues',
      queues.map((queue) => queueInputSchema.parse(queue)),
    );

  findProductByKey = async (key: string) => this.find('products', (p) => p.key === key);
  listProducts = async () => this.all('products').sort(byField('key'));

  getInstallation = async (id: string) => this.find('installations', (i) => i.id === id);
  listInstallations = async (organizationId: string) =>
    this.all('installations')
      .filter((i) => i.organizationId === organizationId)
      .sort(byField('productKey', 'version', 'environment'));
  findInstallationBySupportKey = async (supportKey: string) =>
    this.find('installations', (i) => i.supportKey === supportKey.trim().toUpperCase());
  getInstallationAccessNotes = async (installationId: string) => {
    const record = [...this.records.installations.values()].find((i) => i.id === installationId);
    return typeof record?.accessNotes === 'string' ? record.accessNotes : undefined;
  };

  listContracts = async (organizationId: string) =>
    this.all('contracts')
      .filter((c) => c.organizationId === organizationId)
      .sort((a, b) => b.expiresOn.localeCompare(a.expiresOn) || a.key.localeCompare(b.key));
  findContractBySupportKey = async (supportKey: string) =>
    this.all('contracts')
      .filter((c) => c.supportKeys.includes(supportKey.trim().toUpperCase()))
      .sort((a, b) => b.expiresOn.localeCompare(a.expiresOn) || a.key.localeCompare(b.key))[0];
}

/** A directory filled through the real import, kind by kind, from rows as in a CSV. */
export const seedDirectory = async (
  rows: Partial<Record<DirectoryKind, readonly object[]>>,
): Promise<InMemoryDirectory> => {
  const directory = new InMemoryDirectory({});
  for (const [kind, kindRows] of Object.entries(rows) as [DirectoryKind, object[]][]) {
    const report = await importDirectory({ kind, rows: kindRows, target: directory.target });
    if (!report.ok) throw new Error(`seed ${kind} failed: ${JSON.stringify(report.issues)}`);
  }
  return directory;
};
