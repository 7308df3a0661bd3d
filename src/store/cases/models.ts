import mongoose, { Schema, type Connection, type Model } from 'mongoose';

// Subdocuments keep no `_id` of their own: ids are ours, and `.` never appears in keys.
const actorSchema = new Schema(
  { kind: String, id: String, name: String, role: String },
  { _id: false },
);

const eventSchema = new Schema(
  {
    id: { type: String, required: true },
    type: { type: String, required: true },
    at: { type: Date, required: true },
    actor: { type: actorSchema, required: true },
    visibility: { type: String, required: true },
    minutes: Number,
    text: String,
    data: Schema.Types.Mixed,
  },
  { _id: false },
);

const outboxSchema = new Schema(
  {
    id: { type: String, required: true },
    topic: { type: String, required: true },
    audience: { type: String, required: true },
    eventId: String,
    createdAt: { type: Date, required: true },
    state: { type: String, required: true },
    attempts: { type: Number, required: true },
    nextAttemptAt: { type: Date, required: true },
    deliveredAt: Date,
    lastError: String,
  },
  { _id: false },
);

// A long chat message kept whole; the case field or event holds its start.
const attachmentSchema = new Schema(
  {
    id: { type: String, required: true },
    name: String,
    mediaType: String,
    text: String,
    visibility: String,
    eventId: String,
    field: String,
    createdAt: Date,
  },
  { _id: false },
);

const taskSchema = new Schema(
  {
    id: String,
    title: String,
    status: String,
    assigneeId: String,
    assigneeName: String,
    handover: String,
    createdAt: Date,
    completedAt: Date,
  },
  { _id: false },
);

/**
 * One document per case: its state, its history (`events`) and its undelivered
 * notifications (`outbox`), so one atomic update covers all three.
 */
export const caseSchema = new Schema(
  {
    _id: { type: String, required: true },
    number: { type: String, required: true },
    seq: { type: Number, required: true },
    version: { type: Number, required: true },
    intakeKey: { type: String, required: true },
    title: String,
    description: String,
    impact: String,
    expectation: String,
    organizationId: String,
    organizationKey: String,
    contactId: String,
    contactName: String,
    productKey: String,
    productVersion: String,
    module: String,
    installationId: String,
    supportKey: String,
    contractId: String,
    contractLevel: String,
    slaPolicy: String,
    escalationLevel: Number,
    flags: [String],
    queueKey: String,
    assigneeId: String,
    assigneeName: String,
    status: String,
    statusCategory: String,
    priority: String,
    priorityRank: Number,
    resolution: new Schema(
      { type: { type: String }, text: String, docLink: String, article: String },
      { _id: false },
    ),
    resolutionSentAt: Date,
    tasks: [taskSchema],
    linkedIssues: [new Schema({ url: String, title: String }, { _id: false })],
    minutesLogged: Number,
    origin: new Schema(
      { channel: String, address: String, messageId: String, workspace: String },
      { _id: false },
    ),
    createdAt: Date,
    updatedAt: Date,
    firstResponseAt: Date,
    solvedAt: Date,
    closedAt: Date,
    events: [eventSchema],
    attachments: [attachmentSchema],
    outbox: [outboxSchema],
    // Delivery bookkeeping: the earliest time an outbox entry is due, a lease, and a
    // counter of entries ever queued so a worker can tell whether new ones arrived.
    outboxDue: Date,
    outboxSeq: Number,
    outboxLeaseUntil: Date,
    outboxLeaseOwner: String,
  },
  { collection: 'cases', versionKey: false, autoIndex: false, minimize: false },
);

caseSchema.index({ number: 1 }, { unique: true });
caseSchema.index({ intakeKey: 1 }, { unique: true });
caseSchema.index({ outboxDue: 1 });
caseSchema.index({ statusCategory: 1, priorityRank: 1, createdAt: 1 });
caseSchema.index({ queueKey: 1, statusCategory: 1 });
caseSchema.index({ organizationId: 1, statusCategory: 1 });
caseSchema.index({ assigneeId: 1, statusCategory: 1 });
caseSchema.index({ updatedAt: 1 }); // replicas follow changes (similar-case search)

const counterSchema = new Schema(
  { _id: { type: String, required: true }, seq: { type: Number, required: true } },
  { collection: 'counters', versionKey: false, autoIndex: false },
);

/**
 * Idempotency keys of intake (a Slack event id, a modal submission id) → the case they
 * created. Keyed by `_id` so the check is one primary-key lookup on any server.
 */
const processedEventSchema = new Schema(
  { _id: { type: String, required: true }, caseId: { type: String, required: true }, at: Date },
  { collection: 'processedEvents', versionKey: false, autoIndex: false },
);

/**
 * Which cases may have notifications due: one small document per such case, keyed by
 * the case id (see OutboxDueIndex). A hint only; the case document stays the truth.
 */
const outboxDueSchema = new Schema(
  { _id: { type: String, required: true }, due: Date, n: Number },
  { collection: 'outboxDue', versionKey: false, autoIndex: false },
);
outboxDueSchema.index({ due: 1 });

export interface CaseModels {
  readonly Case: Model<Record<string, unknown>>;
  readonly OutboxDue: Model<{ _id: string; due: Date; n: number }>;
  readonly Counter: Model<{ _id: string; seq: number }>;
  readonly ProcessedEvent: Model<{ _id: string; caseId: string; at: Date }>;
}

/** Models bound to one connection (tests use one database per file). */
export const createCaseModels = (connection: Connection = mongoose.connection): CaseModels => {
  // Mongoose's inferred model types are unwieldy; documents are validated on read instead.
  const model = <T>(name: string, schema: Schema): Model<T> =>
    (connection.models[name] ?? connection.model(name, schema)) as unknown as Model<T>;
  return {
    Case: model('Case', caseSchema),
    OutboxDue: model('OutboxDue', outboxDueSchema),
    Counter: model('Counter', counterSchema),
    ProcessedEvent: model('ProcessedEvent', processedEventSchema),
  };
};

export const ensureCaseIndexes = async (models: CaseModels): Promise<void> => {
  await models.Case.createIndexes();
  await models.OutboxDue.createIndexes();
  // Created up front so concurrent first cases never race on the counter's upsert.
  await models.Counter.updateOne({ _id: 'case' }, { $setOnInsert: { seq: 0 } }, { upsert: true });
};

/** A case document as the driver sees it: our string id, the rest validated on read. */
export interface StoredCase {
  _id: string;
  [field: string]: unknown;
}
