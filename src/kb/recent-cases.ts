import type { CaseRepository } from '../ports/case-repository.js';
import type { Clock } from '../ports/clock.js';
import type { CaseHeadline, SimilarCases } from '../ports/knowledge-base.js';
import { alikeHits, caseEntry, DEFAULT_GROUPING, type CaseGrouperOptions } from './case-grouper.js';
import { KbIndex } from './kb-index.js';

export interface RecentCasesOptions {
  /** Solved and closed cases count while they are younger than this. */
  readonly recentDays: number;
  /** Re-read what changed at least this often (at the next intake, not on a timer). */
  readonly catchUpEveryMs: number;
  /**
   * Each read starts this far before the previous one did: other replicas' clocks drift,
   * and a write may become visible a little after its `updatedAt`.
   */
  readonly clockSkewMs: number;
  /** At most this many cases per read; a catch-up that fills it reloads from scratch. */
  readonly maxCases: number;
  readonly grouping: CaseGrouperOptions;
}

export const DEFAULT_RECENT_CASES: RecentCasesOptions = {
  recentDays: 7,
  catchUpEveryMs: 30_000,
  clockSkewMs: 60_000,
  maxCases: 5_000,
  grouping: DEFAULT_GROUPING,
};

const CLOSED = new Set(['solved', 'closed']);
const seqOf = (number: string): number | undefined => {
  const digits = /(\d+)$/.exec(number)?.[1];
  return digits === undefined ? undefined : Number(digits);
};

/**
 * This replica's index of the titles of open and recent cases, for "Looks like CASE-1040
 * and 2 others" at intake. Built from the database at start (`warm`) or at the first
 * intake, then kept in step
 * instead of rebuilt per case (which cost a query of up to 2,000 cases and an index build
 * on the event loop for every new case):
 * - the new case itself is added at once;
 * - cases opened through other replicas show as a gap in the case numbers: the next
 *   intake then reads the cases whose `updatedAt` is after the previous read started
 *   (minus clock skew): only what changed since, however many cases are open;
 * - status changes (a solved case leaves once it is older than `recentDays`) are read the
 *   same way at the first intake after `catchUpEveryMs`.
 * Similarity is the case grouper's: a case is alike when it scores at least
 * `minShareOfSelf` of the score the new case gives itself.
 */
export class RecentCases implements SimilarCases {
  private readonly index = new KbIndex();
  private readonly tracked = new Map<string, CaseHeadline>();
  private loaded = false;
  /** When the last read started (this replica's clock): the next one reads from there. */
  private lastReadAt = 0;
  private highestSeq = Number.NEGATIVE_INFINITY;
  private reading: Promise<void> | undefined;

  constructor(
    private readonly deps: { readonly cases: CaseRepository; readonly clock: Clock },
    private readonly options: RecentCasesOptions = DEFAULT_RECENT_CASES,
  ) {}

  /** Cases in the index (open or recent as of the last read). */
  get size(): number {
    return this.tracked.size;
  }

  /** Loads the index ahead of the first intake (at start), so no new case waits for it. */
  async warm(): Promise<void> {
    if (!this.loaded) await this.read();
  }

  async similarTo(target: CaseHeadline): Promise<string[]> {
    const seq = seqOf(target.number);
    const now = this.deps.clock.now().getTime();
    const openedElsewhere = seq === undefined || seq > this.highestSeq + 1;
    if (!this.loaded || openedElsewhere || now - this.lastReadAt >= this.options.catchUpEveryMs)
      await this.read();
    else if (this.reading) await this.reading; // a reload in progress has emptied the index
    this.track(target, now);
    return this.alike(target, now);
  }

  private alike(target: CaseHeadline, now: number): string[] {
    const numbers: string[] = [];
    for (const hit of alikeHits(this.index, target.id, target.title, this.options.grouping)) {
      const other = this.tracked.get(hit.slug);
      if (other && this.isRecent(other, now)) numbers.push(other.number);
    }
    return numbers;
  }

  /** One read at a time; an intake arriving meanwhile waits for it. */
  private read(): Promise<void> {
    this.reading ??= this.readChanges().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async readChanges(): Promise<void> {
    const now = this.deps.clock.now().getTime();
    const { maxCases, clockSkewMs } = this.options;
    let changed = this.loaded
      ? await this.deps.cases.list({
          updatedSince: new Date(Math.max(0, this.lastReadAt - clockSkewMs)),
          limit: maxCases,
        })
      : undefined;
    if (!changed || changed.length >= maxCases) {
      // First read, or too much changed to follow: read the open and recent cases afresh.
      for (const id of this.tracked.keys()) this.index.remove(id);
      this.tracked.clear();
      changed = await this.deps.cases.list({
        unsolvedOrCreatedSince: new Date(now - this.recentMs),
        limit: maxCases,
      });
    }
    for (const headline of changed) this.track(headline, now);
    for (const headline of this.tracked.values())
      if (!this.isRecent(headline, now)) this.forget(headline.id);
    this.loaded = true;
    this.lastReadAt = now;
  }

  private track(headline: CaseHeadline, now: number): void {
    const known = this.tracked.get(headline.id);
    if (known && known.updatedAt.getTime() > headline.updatedAt.getTime()) return; // older copy
    const seq = seqOf(headline.number);
    if (seq !== undefined && seq > this.highestSeq) this.highestSeq = seq;
    if (!this.isRecent(headline, now)) {
      if (known) this.forget(headline.id);
      return;
    }
    this.tracked.set(headline.id, pick(headline));
    if (known?.title !== headline.title)
      this.index.upsert([caseEntry(headline.id, headline.title)]);
  }

  private forget(id: string): void {
    this.tracked.delete(id);
    this.index.remove(id);
  }

  private isRecent(headline: CaseHeadline, now: number): boolean {
    return (
      !CLOSED.has(headline.statusCategory) || headline.createdAt.getTime() >= now - this.recentMs
    );
  }

  private get recentMs(): number {
    return this.options.recentDays * 86_400_000;
  }
}

// Only what the search needs: a case summary or a whole case may come in.
const pick = (headline: CaseHeadline): CaseHeadline => ({
  id: headline.id,
  number: headline.number,
  title: headline.title,
  statusCategory: headline.statusCategory,
  createdAt: headline.createdAt,
  updatedAt: headline.updatedAt,
});
