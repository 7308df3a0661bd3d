import type { Collection, Document, Filter, UpdateFilter } from 'mongodb';
import type { CaseChange, CaseState, OutboxEntry } from '../../domain/case/types.js';
import { priorityRank } from '../../domain/priority.js';
import {
  CASE_SUMMARY_FIELDS,
  type CaseListFilter,
  type CaseRepository,
  type CaseSummary,
  type InsertResult,
  type ReportedCase,
} from '../../ports/case-repository.js';
import { OutboxDueIndex } from './outbox-due-index.js';
import { toCaseState, toReportedCase } from './case-document.js';
import type { CaseModels, StoredCase } from './models.js';
import { isDuplicateKey } from '../../infra/mongo-connection.js';

export const toCaseDocument = (state: CaseState): StoredCase => {
  const { id, ...rest } = state;
  return {
    _id: id,
    ...rest,
    priorityRank: priorityRank(state.priority),
    outboxSeq: state.outbox.length,
    outboxDue: state.outbox.some((e) => e.state === 'pending') ? state.createdAt : null,
  };
};

/** The update that applies one change; nulls unset optional fields. */
export const toCaseUpdate = (
  change: CaseChange,
  outbox: readonly OutboxEntry[],
): UpdateFilter<StoredCase> => {
  const $set: Document = {};
  const $unset: Document = {};
  for (const [key, value] of Object.entries(change.set)) {
    if (value === null) $unset[key] = '';
    else if (value !== undefined) $set[key] = value;
  }
  if (change.set.priority) $set.priorityRank = priorityRank(change.set.priority);
  const $inc: Document = { version: 1 };
  if (change.addMinutes) $inc.minutesLogged = change.addMinutes;
  const $push: Document = { events: { $each: [...change.events] } };
  if (change.attachments.length > 0) $push.attachments = { $each: [...change.attachments] };
  if (outbox.length > 0) {
    $push.outbox = { $each: [...outbox] };
    $inc.outboxSeq = outbox.length;
    $set.outboxDue = outbox[0]!.nextAttemptAt;
  }
  return { $set, $inc, $push, ...(Object.keys($unset).length ? { $unset } : {}) };
};

const SUMMARY_PROJECTION = {
  events: 0,
  outbox: 0,
  tasks: 0,
  description: 0,
  attachments: 0,
} as const;

const toSummary = (doc: Document): CaseSummary => {
  const { _id, ...rest } = doc;
  return Object.fromEntries([
    ['id', _id],
    ...CASE_SUMMARY_FIELDS.filter((k) => rest[k] != null).map((k) => [k, rest[k]]),
  ]) as CaseSummary;
};

// What a report never reads: the outbox grows with every notification a case caused.
const REPORT_PROJECTION = { outbox: 0, attachments: 0, outboxSeq: 0 } as const;
// Documents per round trip: a few MB of histories at a time, whatever the total.
const SCAN_BATCH = 500;

const listQuery = (filter: CaseListFilter): Filter<StoredCase> => {
  const query: Filter<StoredCase> = {};
  if (filter.status) query.status = filter.status;
  if (filter.statusCategories?.length) query.statusCategory = { $in: [...filter.statusCategories] };
  if (filter.queueKey) query.queueKey = filter.queueKey;
  if (filter.organizationId) query.organizationId = filter.organizationId;
  if (filter.organizationKey) query.organizationKey = filter.organizationKey;
  if (filter.assigneeId) query.assigneeId = filter.assigneeId;
  if (filter.contactId) query.contactId = filter.contactId;
  if (filter.unassigned) query.assigneeId = null;
  if (filter.updatedSince) query.updatedAt = { $gte: filter.updatedSince };
  if (filter.unsolvedOrCreatedSince) {
    query.$or = [
      { statusCategory: { $nin: ['solved', 'closed'] } },
      { createdAt: { $gte: filter.unsolvedOrCreatedSince } },
    ];
  }
  return query;
};

export class MongoCaseRepository implements CaseRepository {
  private readonly cases: Collection<StoredCase>;
  private readonly due: OutboxDueIndex;

  constructor(private readonly models: CaseModels) {
    this.cases = models.Case.collection as unknown as Collection<StoredCase>;
    this.due = OutboxDueIndex.of(models);
  }

  async nextSeq(start: number): Promise<number> {
    const counters = this.models.Counter.collection as unknown as Collection<{
      _id: string;
      seq: number;
    }>;
    const counter = await counters.findOneAndUpdate(
      { _id: 'case' },
      { $inc: { seq: 1 } },
      { upsert: true, returnDocument: 'after' },
    );
    return start + (counter?.seq as number);
  }

  async insert(state: CaseState): Promise<InsertResult> {
    try {
      await this.cases.insertOne(toCaseDocument(state));
      const pending = state.outbox.find((entry) => entry.state === 'pending');
      if (pending) await this.due.touchNew(state.id, pending.nextAttemptAt);
      return { inserted: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing =
        (await this.findById(state.id)) ?? (await this.findByIntakeKey(state.intakeKey));
      if (!existing) throw error;
      return { inserted: false, existing };
    }
  }

  async claimIntakeKey(intakeKey: string, caseId: string): Promise<string> {
    const keys = this.models.ProcessedEvent.collection as unknown as Collection<{
      _id: string;
      caseId: string;
      at: Date;
    }>;
    try {
      await keys.insertOne({ _id: intakeKey, caseId, at: new Date() });
      return caseId;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const owner = await keys.findOne({ _id: intakeKey });
      if (!owner) throw error;
      return owner.caseId;
    }
  }

  async findByIntakeClaim(intakeKey: string): Promise<CaseState | undefined> {
    const owner = await this.models.ProcessedEvent.collection.findOne({ _id: intakeKey as never });
    return owner ? this.findById(String(owner.caseId)) : undefined;
  }

  async releaseIntakeKey(intakeKey: string, caseId: string): Promise<void> {
    await this.models.ProcessedEvent.collection.deleteOne({ _id: intakeKey as never, caseId });
  }

  findById = (id: string) => this.findOne({ _id: id });
  findByNumber = (number: string) => this.findOne({ number: number.toUpperCase() });
  findByIntakeKey = (intakeKey: string) => this.findOne({ intakeKey });

  async commit(
    id: string,
    expectedVersion: number,
    change: CaseChange,
    outbox: readonly OutboxEntry[],
  ) {
    const after = await this.cases.findOneAndUpdate(
      { _id: id, version: expectedVersion },
      toCaseUpdate(change, outbox),
      { returnDocument: 'after' },
    );
    // After the case write, so a worker settling the hint meanwhile cannot drop it.
    if (after && outbox.length > 0) await this.due.touch(id, outbox[0]!.nextAttemptAt);
    return after ? toCaseState(after) : undefined;
  }

  async list(filter: CaseListFilter): Promise<CaseSummary[]> {
    return (await this.find(filter, SUMMARY_PROJECTION)).map(toSummary);
  }

  async count(filter: CaseListFilter): Promise<number> {
    return this.cases.countDocuments(listQuery(filter));
  }

  async listStates(filter: CaseListFilter): Promise<CaseState[]> {
    return (await this.find(filter)).map(toCaseState);
  }

  async *scanStates(filter: CaseListFilter): AsyncIterable<ReportedCase> {
    const cursor = this.cases.find(listQuery(filter), {
      projection: REPORT_PROJECTION,
      batchSize: SCAN_BATCH,
    });
    try {
      for await (const doc of cursor) yield toReportedCase(doc);
    } finally {
      await cursor.close();
    }
  }

  private find(filter: CaseListFilter, projection?: Readonly<Record<string, 0 | 1>>) {
    return this.cases
      .find(listQuery(filter), projection ? { projection } : {})
      .sort({ priorityRank: 1, createdAt: 1 })
      .limit(filter.limit ?? 100)
      .toArray();
  }

  private async findOne(query: Filter<StoredCase>): Promise<CaseState | undefined> {
    const doc = await this.cases.findOne(query);
    return doc ? toCaseState(doc) : undefined;
  }
}
