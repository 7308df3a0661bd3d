import type { Collection } from 'mongodb';
import type { CaseModels, StoredCase } from './models.js';

export interface DueHint {
  readonly caseId: string;
  readonly due: Date;
  /** Bumped by every write that adds notifications; guards clean-up against a race. */
  readonly n: number;
}

/** `n` of a hint this process holds in memory only (see `touchNew`). */
export const LOCAL = -1;

// One index per case collection in a process, so the repository's new cases reach the
// delivery loop's candidates (the model is cached per connection).
const shared = new WeakMap<object, OutboxDueIndex>();

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
 *
 * A new case is due at once and this process's delivery loop is the first to look: while
 * that loop runs, a new case's hint is kept in memory only (`touchNew`), and written to
 * the collection only if its delivery must wait for a retry. That saves intake a write
 * (one of four: `npm run bench:core`). A crash before delivery leaves the case to the
 * sweep, which runs when the restarted loop starts, and every minute on other replicas.
 */
export class OutboxDueIndex {
  private readonly hints: Collection<{ _id: string; due: Date; n: number }>;
  private readonly cases: Collection<StoredCase>;
  /** New cases this process wrote, due at these times, not yet claimed. */
  private readonly local = new Map<string, Date>();
  /** Whether this process's delivery loop asks for candidates (the CLI never does). */
  private polled = false;

  static of(models: CaseModels): OutboxDueIndex {
    let index = shared.get(models.Case);
    if (!index) shared.set(models.Case, (index = new OutboxDueIndex(models)));
    return index;
  }

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

  /** After inserting a new case with notifications: kept here when this process delivers. */
  async touchNew(caseId: string, due: Date): Promise<void> {
    if (this.polled) this.local.set(caseId, due);
    else await this.touch(caseId, due);
  }

  /** This process's new cases first, then the most overdue hints. */
  async candidates(now: Date, limit: number): Promise<DueHint[]> {
    this.polled = true;
    const local: DueHint[] = [];
    for (const [caseId, due] of this.local)
      if (due <= now && local.length < limit) local.push({ caseId, due, n: LOCAL });
    const docs = await this.hints
      .find({ due: { $lte: now } })
      .sort({ due: 1 })
      .limit(limit)
      .toArray();
    return [...local, ...docs.map((doc) => ({ caseId: doc._id, due: doc.due, n: doc.n ?? 0 }))];
  }

  /**
   * Brings a hint in line with its case after a worker looked at it: removed when nothing
   * is pending, moved to the case's next due time otherwise — unless a change touched it
   * since `n` was read, in which case that change's hint stands.
   */
  async settle(caseId: string, n: number, due: Date | null): Promise<void> {
    if (n === LOCAL) {
      // Looked at: from now on the shared hints carry it, if it is still due.
      this.local.delete(caseId);
      if (due !== null) await this.touch(caseId, due);
      return;
    }
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
