import type { Collection } from 'mongodb';
import type { ClaimedOutbox, DeliveryFailure, OutboxStore } from '../../ports/outbox-store.js';
import { toCaseState } from './case-document.js';
import type { CaseModels, StoredCase } from './models.js';

/**
 * Outbox entries are addressed by array index (`outbox.3.state`) together with their id
 * in the filter: FerretDB 1.x has neither the positional `$` operator nor arrayFilters,
 * and entries are only ever appended, so an index never points at another entry.
 */
export class MongoOutboxStore implements OutboxStore {
  private readonly cases: Collection<StoredCase>;

  constructor(models: CaseModels) {
    this.cases = models.Case.collection as unknown as Collection<StoredCase>;
  }

  async claimDue(now: Date, leaseUntil: Date, owner: string): Promise<ClaimedOutbox | undefined> {
    const doc = await this.cases.findOneAndUpdate(
      {
        outboxDue: { $lte: now },
        $or: [{ outboxLeaseUntil: null }, { outboxLeaseUntil: { $lt: now } }],
      },
      { $set: { outboxLeaseUntil: leaseUntil, outboxLeaseOwner: owner } },
      { sort: { outboxDue: 1 }, returnDocument: 'after' },
    );
    if (!doc) return undefined;
    const state = toCaseState(doc);
    return { state, outboxSeq: state.outboxSeq };
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
  }
}
