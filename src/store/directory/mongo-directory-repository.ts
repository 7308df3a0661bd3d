import type { QueryFilter } from 'mongoose';
import { randomUUID } from 'node:crypto';
import {
  contactInputSchema,
  queueInputSchema,
  supportKeySchema,
  type DirectoryEntities,
  type DirectoryKind,
} from '../../domain/directory.js';
import type { DirectoryRepository } from '../../ports/directory-repository.js';
import { toEntity } from './entities.js';
import type { DirectoryModels, StoredDocument } from './models.js';
import { upsertByNaturalKey } from './upsert.js';

type Filter = QueryFilter<StoredDocument>;
type Sort = Record<string, 1 | -1>;

const normalizeEmail = (email: string): string => email.trim().toLowerCase();
const normalizeGuid = (id: string): string => id.trim().toLowerCase();
// A key that fails the schema can match nothing; normalise the way it was stored.
const normalizeSupportKey = (key: string): string =>
  supportKeySchema.safeParse(key).data ?? key.trim().toUpperCase();

export function createMongoDirectoryRepository(models: DirectoryModels): DirectoryRepository {
  const one = async <K extends DirectoryKind>(
    kind: K,
    filter: Filter,
    sort: Sort = { _id: 1 },
  ): Promise<DirectoryEntities[K] | undefined> => {
    const document = await models[kind].findOne(filter).sort(sort).lean<StoredDocument>();
    return document === null ? undefined : toEntity(kind, document);
  };
  const many = async <K extends DirectoryKind>(
    kind: K,
    filter: Filter,
    sort: Sort,
  ): Promise<DirectoryEntities[K][]> => {
    const documents = await models[kind].find(filter).sort(sort).lean<StoredDocument[]>();
    return documents.map((document) => toEntity(kind, document));
  };

  return {
    getOrganization: (id) => one('organizations', { _id: id }),
    findOrganizationByKey: (key) => one('organizations', { key }),
    findOrganizationBySlackTeam: (teamId) => one('organizations', { slackTeamIds: teamId }),
    findOrganizationByTeamsTenant: (tenantId) =>
      one('organizations', { teamsTenantIds: normalizeGuid(tenantId) }),
    listOrganizations: () => many('organizations', {}, { key: 1 }),

    getContact: (id) => one('contacts', { _id: id }),
    findContactByEmail: (email) => one('contacts', { email: normalizeEmail(email) }),
    findContactBySlackUser: (teamId, userId) =>
      one('contacts', { slackTeamId: teamId, slackUserId: userId }),
    findContactByTeamsUser: (aadObjectId) =>
      one('contacts', { teamsAadObjectId: normalizeGuid(aadObjectId) }),

    addContact: async ({ organizationId, ...contact }) => {
      const now = new Date();
      try {
        await models.contacts.create({
          _id: randomUUID(),
          ...contactInputSchema.parse(contact),
          organizationId,
          createdAt: now,
          updatedAt: now,
        });
      } catch (error) {
        // The unique email index: someone added them first (an import, a second message).
        if ((error as { code?: unknown }).code !== 11000) throw error;
      }
      const stored = await one('contacts', { email: normalizeEmail(contact.email) });
      if (!stored) throw new Error(`contact ${contact.email} was not stored`);
      return stored;
    },

    getAgent: (id) => one('agents', { _id: id }),
    findAgentByEmail: (email) => one('agents', { email: normalizeEmail(email) }),
    findAgentBySlackUser: (userId) => one('agents', { slackUserId: userId }),
    findAgentByTeamsUser: (aadObjectId) =>
      one('agents', { teamsAadObjectId: normalizeGuid(aadObjectId) }),
    listAgents: () => many('agents', {}, { email: 1 }),

    listQueues: () => many('queues', {}, { key: 1 }),
    findQueueByKey: (key) => one('queues', { key }),
    // Re-parsed so a caller that built QueueInput by hand still gets defaults and checks.
    upsertQueues: (queues) =>
      upsertByNaturalKey(
        models,
        'queues',
        queues.map((queue) => queueInputSchema.parse(queue)),
      ),

    findProductByKey: (key) => one('products', { key }),
    listProducts: () => many('products', {}, { key: 1 }),

    getInstallation: (id) => one('installations', { _id: id }),
    listInstallations: (organizationId) =>
      many('installations', { organizationId }, { productKey: 1, version: 1, environment: 1 }),
    findInstallationBySupportKey: (supportKey) =>
      one('installations', { supportKey: normalizeSupportKey(supportKey) }),
    getInstallationAccessNotes: async (installationId) => {
      const document = await models.installations
        .findOne({ _id: installationId }, { accessNotes: 1 })
        .lean<StoredDocument>();
      const notes = document?.accessNotes;
      return typeof notes === 'string' ? notes : undefined;
    },

    listContracts: (organizationId) =>
      many('contracts', { organizationId }, { expiresOn: -1, key: 1 }),
    findContractBySupportKey: (supportKey) =>
      one('contracts', { supportKeys: normalizeSupportKey(supportKey) }, { expiresOn: -1, key: 1 }),
  };
}
