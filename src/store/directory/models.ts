/**
 * Mongoose models of the master-data collections, built per connection so that tests
 * and tools can each use their own database. Documents use string `_id`s (UUIDs) and
 * never leave src/store: the repository maps them to domain entities.
 */
import { Schema, type Connection, type Model, type SchemaDefinition } from 'mongoose';
import type { DirectoryInputs, DirectoryKind } from '../../domain/directory.js';

/**
 * What is stored per kind: the validated input plus the ids of the records it refers to.
 * Installation access notes are stored here and nowhere else.
 */
export interface DirectoryRecords extends Omit<
  DirectoryInputs,
  'contacts' | 'installations' | 'contracts'
> {
  contacts: DirectoryInputs['contacts'] & { organizationId: string };
  installations: DirectoryInputs['installations'] & { organizationId: string; productId: string };
  contracts: DirectoryInputs['contracts'] & { organizationId: string };
}

/** A stored document as read back; its fields are validated by zod on the way out. */
export interface StoredDocument {
  _id: string;
  createdAt?: Date;
  updatedAt?: Date;
  [field: string]: unknown;
}

export type DirectoryModels = Readonly<Record<DirectoryKind, Model<StoredDocument>>>;

const required = { type: String, required: true } as const;
const optional = { type: String } as const;
// `default: undefined` keeps mongoose from inventing empty arrays, so stored documents
// equal what was written and unchanged imports compare equal.
const strings = { type: [String], default: undefined } as const;

const routingRule = new Schema(
  {
    products: strings,
    modules: strings,
    organizations: strings,
    keywords: strings,
    priorities: strings,
  },
  { _id: false },
);

// Either a calendar name or a zone, days and hours (domain/directory.ts validates which).
const workingHours = new Schema(
  { calendar: optional, timeZone: optional, days: strings, from: optional, to: optional },
  { _id: false },
);

const definitions: Record<DirectoryKind, SchemaDefinition> = {
  organizations: {
    key: required,
    name: required,
    slackTeamIds: strings,
    teamsTenantIds: strings,
    accountOwnerEmail: optional,
    notes: optional,
  },
  products: {
    key: required,
    name: required,
    versions: strings,
    modules: strings,
    packages: strings,
    sessions: strings,
    toolset: optional,
    database: optional,
  },
  queues: {
    key: required,
    name: required,
    managerEmail: optional,
    members: strings,
    triageChannel: optional,
    escalationChannel: optional,
    routing: { type: [routingRule], default: undefined },
    isDefault: { type: Boolean },
    assignment: {
      type: new Schema(
        {
          strategy: optional,
          skills: { type: Boolean },
          capacity: { type: Number },
          handOnWhenAway: { type: Boolean },
        },
        { _id: false },
      ),
      default: undefined,
    },
    rota: {
      type: new Schema(
        {
          people: strings,
          every: optional,
          startsOn: optional,
          at: optional,
          timeZone: optional,
          // `pool`, or `{ statuses: [...] }`: validated by the domain's schema on the way in.
          takes: { type: Schema.Types.Mixed },
        },
        { _id: false },
      ),
      default: undefined,
    },
  },
  agents: {
    email: required,
    name: required,
    roles: strings,
    queues: strings,
    skills: {
      type: new Schema({ products: strings, modules: strings }, { _id: false }),
      default: undefined,
    },
    slackUserId: optional,
    teamsAadObjectId: optional,
    active: { type: Boolean },
    workingHours: { type: workingHours, default: undefined },
  },
  contacts: {
    email: required,
    name: required,
    organizationId: required,
    organizationKey: required,
    phone: optional,
    slackTeamId: optional,
    slackUserId: optional,
    teamsAadObjectId: optional,
    locale: optional,
    timeZone: optional,
  },
  installations: {
    organizationId: required,
    organizationKey: required,
    productId: required,
    productKey: required,
    version: required,
    environment: required,
    supportKey: optional,
    accessNotes: optional,
  },
  contracts: {
    key: required,
    organizationId: required,
    organizationKey: required,
    level: required,
    slaPolicy: required,
    startsOn: required,
    expiresOn: required,
    supportKeys: strings,
    // Amounts in minor units, validated by the domain's schema on the way in and out.
    rates: { type: Schema.Types.Mixed, default: undefined },
  },
};

/**
 * Unique indexes on natural keys, plain indexes for lookups. No partial, sparse, TTL or
 * text indexes: FerretDB 1.x cannot build them. That is why `supportKey` ("unique when
 * present") has a plain index and its uniqueness is enforced by import validation.
 */
const indexes: Record<DirectoryKind, ReadonlyArray<[Record<string, 1>, { unique?: boolean }?]>> = {
  organizations: [[{ key: 1 }, { unique: true }], [{ slackTeamIds: 1 }], [{ teamsTenantIds: 1 }]],
  products: [[{ key: 1 }, { unique: true }]],
  queues: [[{ key: 1 }, { unique: true }]],
  agents: [[{ email: 1 }, { unique: true }], [{ slackUserId: 1 }], [{ teamsAadObjectId: 1 }]],
  contacts: [
    [{ email: 1 }, { unique: true }],
    [{ slackTeamId: 1, slackUserId: 1 }],
    [{ teamsAadObjectId: 1 }],
    [{ organizationId: 1 }],
  ],
  installations: [
    [{ organizationKey: 1, productKey: 1, version: 1, environment: 1 }, { unique: true }],
    [{ supportKey: 1 }],
    [{ organizationId: 1 }],
  ],
  contracts: [[{ key: 1 }, { unique: true }], [{ supportKeys: 1 }], [{ organizationId: 1 }]],
};

// Prefixed so they never collide with another store's model on a shared connection.
const modelName = (kind: DirectoryKind): string => `directory.${kind}`;

const buildSchema = (kind: DirectoryKind): Schema => {
  const schema = new Schema(
    { _id: required, ...definitions[kind], createdAt: Date, updatedAt: Date },
    // Indexes are created by ensureDirectoryIndexes only, so a deploy decides when.
    { collection: kind, autoIndex: false, autoCreate: false, versionKey: false },
  );
  for (const [fields, options] of indexes[kind]) schema.index(fields, options ?? {});
  return schema;
};

// One schema object per kind: connection.model() returns the existing model for the same schema.
const schemas = Object.fromEntries(
  Object.keys(definitions).map((kind) => [kind, buildSchema(kind as DirectoryKind)]),
) as Record<DirectoryKind, Schema>;

/** The fields a record of this kind may have (everything but `_id` and the timestamps). */
export const recordFields = (kind: DirectoryKind): string[] => Object.keys(definitions[kind]);

export function createDirectoryModels(connection: Connection): DirectoryModels {
  const model = (kind: DirectoryKind): Model<StoredDocument> =>
    (connection.models[modelName(kind)] as Model<StoredDocument> | undefined) ??
    connection.model<StoredDocument>(modelName(kind), schemas[kind], kind);
  return {
    organizations: model('organizations'),
    products: model('products'),
    queues: model('queues'),
    agents: model('agents'),
    contacts: model('contacts'),
    installations: model('installations'),
    contracts: model('contracts'),
  };
}

/** Creates the collections and their indexes; safe to run at every start. */
export async function ensureDirectoryIndexes(models: DirectoryModels): Promise<void> {
  // One after the other: FerretDB's SQLite backend serialises DDL anyway.
  for (const model of Object.values(models)) await model.createIndexes();
}
