import type { Collection } from 'mongodb';
import type { CaseModels, StoredCase } from './models.js';

export interface DueHint {
  readonly caseId: string;
  readonly due: Date;
  /** Bumped by every write that adds notifications; guards clean-up against a race. */
  readonly n: number;
}

/**
 * A small collection naming the cases whose outbox may be due, so the delivery loop
 * polls a handful of documents instead of querying every case (FerretDB 1.x scans the
 * whole collection for any filter other than `_id`; on MongoDB it saves an index walk
 * over the cases too).
 *
 * It is a hint: the case document's `outboxDue` and lease stay the truth, so a hint that
 * is early only costs a look, and one that is missing is restored by `sweep`. The order
 * of writes keeps it from going missing in a race: a change writes the case first and
 * then `touch`es the hint (bumping `n`); the worker clears a hint only if `n` is still
 * what it read, so a change that lands meanwhile keeps (or re-creates) its hint. Only a
 * crash between a change and its `touch` leaves a case without a hint, until the next
 * sweep (at start and every minute).
 */
export class OutboxDueIndex {
  private readonly hints: Collection<{ _id: string; due: Date; n: number }>;
  private readonly cases: Collection<StoredCase>;

  constructor(models: CaseModels) {
    this.hints = models.OutboxDue.collection as unknown as Collection<{
      _id: string;
      due: Date;
      n: number;
    }>;
    this.cases = models.Case.collection as unknown as Collection<StoredCase>;
  }

  /** After a write that queued notifications: the case is due no later than `due`. */
  async touch(caseId: string, due: Date): Promise<void> {
    await this.hints.updateOne(
      { _id: caseId },
      { $min: { due }, $inc: { n: 1 } },
      { upsert: true },
    );
  }

  /** The most overdue hints first. */
  async candidates(now: Date, limit: number): Promise<DueHint[]> {
    const docs = await this.hints
      .find({ due: { $lte: now } })
      .sort({ due: 1 })
      .limit(limit)
      .toArray();
    return docs.map((doc) => ({ caseId: doc._id, due: doc.due, n: doc.n ?? 0 }));
  }

  /**
   * Brings a hint in line with its case after a worker looked at it: removed when nothing
   * is pending, moved to the case's next due time otherwise — unless a change touched it
   * since `n` was read, in which case that change's hint stands.
   */
  async settle(caseId: string, n: number, due: Date | null): Promise<void> {
    if (due === null) await this.hints.deleteOne({ _id: caseId, n });
    else await this.hints.updateOne({ _id: caseId, n }, { $set: { due } });
  }

  /** Restores missing hints from the cases (one query over the cases). */
  async sweep(): Promise<number> {
    const pending = await this.cases
      .find({ outboxDue: { $ne: null } }, { projection: { outboxDue: 1 } })
      .toArray();
    for (const doc of pending) {
      const due = doc.outboxDue;
      if (!(due instanceof Date)) continue;
      await this.hints.updateOne(
        { _id: doc._id },
        { $min: { due }, $setOnInsert: { n: 0 } },
        { upsert: true },
      );
    }
    return pending.length;
  }
}
