import type { Collection } from 'mongodb';
import type { ClaimedOutbox, DeliveryFailure, OutboxStore } from '../../ports/outbox-store.js';
import { toCaseState } from './case-document.js';
import { OutboxDueIndex } from './outbox-due-index.js';
import type { CaseModels, StoredCase } from './models.js';

/** Hints looked at per poll: enough to get past cases other replicas hold. */
const CANDIDATES = 50;

const dateOrNull = (value: unknown): Date | null => (value instanceof Date ? value : null);

/**
 * Outbox entries are addressed by array index (`outbox.3.state`) together with their id
 * in the filter: FerretDB 1.x has neither the positional `$` operator nor arrayFilters,
 * and entries are only ever appended, so an index never points at another entry.
 */
export class MongoOutboxStore implements OutboxStore {
  private readonly cases: Collection<StoredCase>;
  private readonly due: OutboxDueIndex;
  /** The hint counter read when this store claimed each case it now holds. */
  private readonly claimedAt = new Map<string, number>();

  constructor(models: CaseModels) {
    this.cases = models.Case.collection as unknown as Collection<StoredCase>;
    this.due = OutboxDueIndex.of(models);
  }

  /**
   * Leases the most overdue case among the due hints. Each candidate is claimed on the
   * case document itself (its `outboxDue` and lease decide); a hint whose case turns out
   * not to be due, and is not leased by another worker, is settled on the way.
   */
  async claimDue(now: Date, leaseUntil: Date, owner: string): Promise<ClaimedOutbox | undefined> {
    for (const hint of await this.due.candidates(now, CANDIDATES)) {
      const doc = await this.cases.findOneAndUpdate(
        {
          _id: hint.caseId,
          outboxDue: { $lte: now },
          $or: [{ outboxLeaseUntil: null }, { outboxLeaseUntil: { $lt: now } }],
        },
        { $set: { outboxLeaseUntil: leaseUntil, outboxLeaseOwner: owner } },
        { returnDocument: 'after' },
      );
      if (doc) {
        this.claimedAt.set(hint.caseId, hint.n);
        const state = toCaseState(doc);
        return { state, outboxSeq: state.outboxSeq };
      }
      const current = await this.cases.findOne(
        { _id: hint.caseId },
        { projection: { outboxDue: 1, outboxLeaseUntil: 1 } },
      );
      const lease = current?.outboxLeaseUntil;
      if (lease instanceof Date && lease >= now) continue; // another worker has it
      await this.due.settle(hint.caseId, hint.n, dateOrNull(current?.outboxDue));
    }
    return undefined;
  }

  /** Restores due hints a crash may have lost (at start and every minute). */
  recover(): Promise<number> {
    return this.due.sweep();
  }

  async markDelivered(
    caseId: string,
    index: number,
    entryId: string,
    at: Date,
    options: { resolutionSent: boolean },
  ) {
    await this.cases.updateOne(
      { _id: caseId, [`outbox.${index}.id`]: entryId },
      {
        $set: {
          [`outbox.${index}.state`]: 'delivered',
          [`outbox.${index}.deliveredAt`]: at,
          ...(options.resolutionSent ? { resolutionSentAt: at } : {}),
        },
        // Stamping the resolution as sent changes state, so the version moves too.
        $inc: Object.fromEntries([
          [`outbox.${index}.attempts`, 1],
          ...(options.resolutionSent ? [['version', 1]] : []),
        ]),
      },
    );
  }

  async markFailed(caseId: string, index: number, entryId: string, failure: DeliveryFailure) {
    await this.cases.updateOne(
      { _id: caseId, [`outbox.${index}.id`]: entryId },
      {
        $set: {
          [`outbox.${index}.state`]: failure.dead ? 'dead' : 'pending',
          [`outbox.${index}.attempts`]: failure.attempts,
          [`outbox.${index}.nextAttemptAt`]: failure.nextAttemptAt,
          [`outbox.${index}.lastError`]: failure.error.slice(0, 500),
        },
      },
    );
  }

  async release(caseId: string, owner: string, outboxSeq: number, nextDue: Date | null) {
    const released = await this.cases.updateOne(
      { _id: caseId, outboxLeaseOwner: owner, outboxSeq },
      { $set: { outboxDue: nextDue, outboxLeaseUntil: null, outboxLeaseOwner: null } },
    );
    if (released.matchedCount === 0) {
      // New entries arrived while we worked: keep their due time, just free the lease.
      await this.cases.updateOne(
        { _id: caseId, outboxLeaseOwner: owner },
        {
          $set: { outboxLeaseUntil: null, outboxLeaseOwner: null },
        },
      );
    }
    const n = this.claimedAt.get(caseId);
    this.claimedAt.delete(caseId);
    if (n === undefined) return;
    // Released as planned: the case is due at `nextDue`. Otherwise new entries set it.
    const due =
      released.matchedCount > 0
        ? nextDue
        : dateOrNull(
            (await this.cases.findOne({ _id: caseId }, { projection: { outboxDue: 1 } }))
              ?.outboxDue,
          );
    await this.due.settle(caseId, n, due);
  }
}
