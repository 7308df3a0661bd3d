/**
 * Hand-written in-memory ports for use-case unit tests: the same contracts as the Mongo
 * stores (src/store), kept in maps, so a test drives real use cases with no database. The
 * contract suites in test/contracts run against both, so the two cannot drift apart.
 */
import type { CaseChange, CaseState, OutboxEntry } from '../../../src/domain/case/types.js';
import { priorityRank } from '../../../src/domain/priority.js';
import {
  CASE_SUMMARY_FIELDS,
  type CaseListFilter,
  type CaseRepository,
  type CaseSummary,
  type InsertResult,
  type ReportedCase,
} from '../../../src/ports/case-repository.js';
import type {
  ClaimedOutbox,
  DeliveryFailure,
  OutboxStore,
} from '../../../src/ports/outbox-store.js';

export { InMemoryChatLinks } from './chat-links.js';
export { ManualClock, sequentialIds } from './clock.js';

/** Delivery bookkeeping the Mongo store keeps beside a case (`outboxDue`, the lease). */
interface Delivery {
  due: Date | null;
  leaseUntil: Date | null;
  leaseOwner: string | null;
}

// What a store hands out is a copy, as a database read is: a use case that mutated what
// it read must not change what is stored.
const copy = <T>(value: T): T => structuredClone(value);

/** Applies a change as the Mongo update does: `$set`, `$unset` for nulls, `$push`, `$inc`. */
const applyChange = (
  state: CaseState,
  change: CaseChange,
  outbox: readonly OutboxEntry[],
): CaseState => {
  const next: Record<string, unknown> = { ...state };
  for (const [key, value] of Object.entries(change.set)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return {
    ...(next as unknown as CaseState),
    version: state.version + 1,
    minutesLogged: state.minutesLogged + change.addMinutes,
    events: [...state.events, ...change.events],
    attachments: [...state.attachments, ...change.attachments],
    outbox: [...state.outbox, ...outbox],
  };
};

const matches = (c: CaseState, filter: CaseListFilter): boolean =>
  (!filter.status || c.status === filter.status) &&
  (!filter.statusCategories?.length || filter.statusCategories.includes(c.statusCategory)) &&
  (!filter.queueKey || c.queueKey === filter.queueKey) &&
  (!filter.organizationId || c.organizationId === filter.organizationId) &&
  (!filter.organizationKey || c.organizationKey === filter.organizationKey) &&
  // As the Mongo query: `unassigned` replaces an `assigneeId` filter given with it.
  (filter.unassigned
    ? c.assigneeId === undefined
    : !filter.assigneeId || c.assigneeId === filter.assigneeId) &&
  (!filter.contactId || c.contactId === filter.contactId) &&
  (!filter.updatedSince || c.updatedAt >= filter.updatedSince) &&
  (!filter.unsolvedOrCreatedSince ||
    !['solved', 'closed'].includes(c.statusCategory) ||
    c.createdAt >= filter.unsolvedOrCreatedSince);

// Urgent first, then oldest first; the id breaks ties so the order is total.
const byListOrder = (a: CaseState, b: CaseState): number =>
  priorityRank(a.priority) - priorityRank(b.priority) ||
  a.createdAt.getTime() - b.createdAt.getTime() ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const toSummary = (c: CaseState): CaseSummary =>
  Object.fromEntries([
    ['id', c.id],
    ...CASE_SUMMARY_FIELDS.filter((k) => c[k] !== undefined).map((k) => [k, copy(c[k])]),
  ]) as CaseSummary;

/** Cases, their intake keys, their counter and their outbox, as one store. */
export class InMemoryCases implements CaseRepository, OutboxStore {
  /** The stored cases; a test may seed one directly (its outbox is then not due). */
  readonly byId = new Map<string, CaseState>();
  private readonly claims = new Map<string, string>();
  private readonly deliveries = new Map<string, Delivery>();
  private seq = 0;
  /** Every commit that changed a case, in order: what a test counts to prove "nothing". */
  readonly commits: { readonly caseId: string; readonly change: CaseChange }[] = [];

  async nextSeq(start: number): Promise<number> {
    return start + (this.seq += 1);
  }

  async insert(state: CaseState): Promise<InsertResult> {
    const all = [...this.byId.values()];
    const existing = this.byId.get(state.id) ?? all.find((c) => c.intakeKey === state.intakeKey);
    if (existing) return { inserted: false, existing: copy(existing) };
    // A unique index on the number, as in Mongo: a clash is a bug, not a replay.
    if (all.some((c) => c.number === state.number))
      throw new Error(`duplicate case number ${state.number}`);
    this.byId.set(state.id, copy(state));
    const pending = state.outbox.some((e) => e.state === 'pending');
    this.deliveries.set(state.id, {
      due: pending ? new Date(state.createdAt) : null,
      leaseUntil: null,
      leaseOwner: null,
    });
    return { inserted: true };
  }

  findById = async (id: string) => this.read((c) => c.id === id);
  findByNumber = async (number: string) => this.read((c) => c.number === number.toUpperCase());
  findByIntakeKey = async (intakeKey: string) => this.read((c) => c.intakeKey === intakeKey);

  async claimIntakeKey(intakeKey: string, caseId: string): Promise<string> {
    const owner = this.claims.get(intakeKey);
    if (owner) return owner;
    this.claims.set(intakeKey, caseId);
    return caseId;
  }

  async findByIntakeClaim(intakeKey: string) {
    const owner = this.claims.get(intakeKey);
    return owner ? this.findById(owner) : undefined;
  }

  async releaseIntakeKey(intakeKey: string, caseId: string): Promise<void> {
    if (this.claims.get(intakeKey) === caseId) this.claims.delete(intakeKey);
  }

  async commit(
    id: string,
    expectedVersion: number,
    change: CaseChange,
    outbox: readonly OutboxEntry[],
  ): Promise<CaseState | undefined> {
    const current = this.byId.get(id);
    if (!current || current.version !== expectedVersion) return undefined;
    const after = applyChange(current, copy(change), copy(outbox));
    this.byId.set(id, after);
    this.commits.push({ caseId: id, change: copy(change) });
    if (outbox.length > 0) this.delivery(id).due = new Date(outbox[0]!.nextAttemptAt);
    return copy(after);
  }

  async list(filter: CaseListFilter): Promise<CaseSummary[]> {
    return this.select(filter).map(toSummary);
  }

  async count(filter: CaseListFilter): Promise<number> {
    return [...this.byId.values()].filter((c) => matches(c, filter)).length;
  }

  async listStates(filter: CaseListFilter): Promise<CaseState[]> {
    return this.select(filter).map(copy);
  }

  async *scanStates(filter: CaseListFilter): AsyncIterable<ReportedCase> {
    const all = [...this.byId.values()].filter((c) => matches(c, filter));
    for (const state of all) {
      const { outbox: _outbox, attachments: _attachments, ...reported } = copy(state);
      yield reported;
    }
  }

  // The outbox side (OutboxStore): the same lease rules as MongoOutboxStore.

  async claimDue(now: Date, leaseUntil: Date, owner: string): Promise<ClaimedOutbox | undefined> {
    const due = [...this.deliveries.entries()]
      .filter(([, d]) => d.due !== null && d.due <= now && !(d.leaseUntil && d.leaseUntil >= now))
      .sort(([, a], [, b]) => a.due!.getTime() - b.due!.getTime());
    const first = due[0];
    if (!first) return undefined;
    const [caseId, delivery] = first;
    delivery.leaseUntil = new Date(leaseUntil);
    delivery.leaseOwner = owner;
    const state = copy(this.byId.get(caseId)!);
    return { state, outboxSeq: state.outbox.length };
  }

  async markDelivered(
    caseId: string,
    index: number,
    entryId: string,
    at: Date,
    options: { resolutionSent: boolean },
  ): Promise<void> {
    this.updateEntry(caseId, index, entryId, (entry) => ({
      ...entry,
      state: 'delivered',
      deliveredAt: new Date(at),
      attempts: entry.attempts + 1,
    }));
    const state = this.byId.get(caseId);
    if (!options.resolutionSent || state?.outbox[index]?.id !== entryId) return;
    // Stamping the resolution as sent changes state, so the version moves too.
    this.byId.set(caseId, { ...state, resolutionSentAt: new Date(at), version: state.version + 1 });
  }

  async markFailed(
    caseId: string,
    index: number,
    entryId: string,
    failure: DeliveryFailure,
  ): Promise<void> {
    this.updateEntry(caseId, index, entryId, (entry) => ({
      ...entry,
      state: failure.dead ? 'dead' : 'pending',
      attempts: failure.attempts,
      nextAttemptAt: new Date(failure.nextAttemptAt),
      lastError: failure.error.slice(0, 500),
    }));
  }

  async release(caseId: string, owner: string, outboxSeq: number, nextDue: Date | null) {
    const delivery = this.deliveries.get(caseId);
    if (!delivery || delivery.leaseOwner !== owner) return;
    // New entries arrived while the worker held the lease: keep their due time.
    if (this.byId.get(caseId)?.outbox.length === outboxSeq)
      delivery.due = nextDue && new Date(nextDue);
    delivery.leaseUntil = null;
    delivery.leaseOwner = null;
  }

  async recover(): Promise<number> {
    return [...this.deliveries.values()].filter((d) => d.due !== null).length;
  }

  private read(predicate: (c: CaseState) => boolean): CaseState | undefined {
    const found = [...this.byId.values()].find(predicate);
    return found && copy(found);
  }

  private select(filter: CaseListFilter): CaseState[] {
    return [...this.byId.values()]
      .filter((c) => matches(c, filter))
      .sort(byListOrder)
      .slice(0, filter.limit ?? 100);
  }

  private delivery(caseId: string): Delivery {
    let delivery = this.deliveries.get(caseId);
    if (!delivery) {
      delivery = { due: null, leaseUntil: null, leaseOwner: null };
      this.deliveries.set(caseId, delivery);
    }
    return delivery;
  }

  private updateEntry(
    caseId: string,
    index: number,
    entryId: string,
    update: (entry: OutboxEntry) => OutboxEntry,
  ): void {
    const state = this.byId.get(caseId);
    const entry = state?.outbox[index];
    if (!state || entry?.id !== entryId) return;
    const outbox = [...state.outbox];
    outbox[index] = update(entry);
    this.byId.set(caseId, { ...state, outbox });
  }
}
