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
  /**
   * A case number skipped over is looked up once it has stayed missing this long: within
   * one replica, concurrent intakes reach the index a little out of number order, and
   * their gaps fill by themselves within milliseconds.
   */
  readonly gapGraceMs: number;
  readonly grouping: CaseGrouperOptions;
}

export const DEFAULT_RECENT_CASES: RecentCasesOptions = {
  recentDays: 7,
  catchUpEveryMs: 30_000,
  clockSkewMs: 60_000,
  maxCases: 5_000,
  gapGraceMs: 1_000,
  grouping: DEFAULT_GROUPING,
};

const CLOSED = new Set(['solved', 'closed']);
const seqOf = (number: string): number | undefined => {
  const digits = /(\d+)$/.exec(number)?.[1];
  return digits === undefined ? undefined : Number(digits);
};

/** Missing numbers are looked up one by one up to this many; more reads what changed. */
const MAX_LOOKUPS = 20;

/**
 * This replica's index of the titles of open and recent cases, for "Looks like CASE-1040
 * and 2 others" at intake. Built from the database at start (`warm`) or at the first
 * intake, then kept in step instead of rebuilt per case:
 * - the new case itself is added at once;
 * - cases opened through other replicas show as a gap in the case numbers: the missing
 *   numbers are looked up by number (an index lookup). Concurrent intakes of this replica
 *   reach the index slightly out of order too, so a gap seen while intakes follow each
 *   other closely waits `gapGraceMs` (they fill it themselves) before it is looked up;
 * - status changes (a solved case leaves once it is older than `recentDays`) are read
 *   from `updatedAt` after `catchUpEveryMs`, in the background of the intake that notices.
 * Measured with `npm run bench:core`: reading what changed at every gap (as this did
 * before) made concurrent intakes wait on a query that grew with the collection, from
 * 14.3 intakes/s with 700 cases stored to 2.7/s with 4,200.
 * Similarity is the case grouper's: a case is alike when it scores at least
 * `minShareOfSelf` of the score the new case gives itself.
 */
export class RecentCases implements SimilarCases {
  private index = new KbIndex();
  private tracked = new Map<string, CaseHeadline>();
  private loaded = false;
  /** When the last read started (this replica's clock): the next one reads from there. */
  private lastReadAt = 0;
  /** When the latest intake reached the index: a gap seen long after it is not our own. */
  private lastIntakeAt = Number.NEGATIVE_INFINITY;
  private highestSeq = Number.NEGATIVE_INFINITY;
  /** Case numbers skipped over and not seen since, by sequence: the number and since when. */
  private readonly missing = new Map<number, { number: string; since: number }>();
  private reading: Promise<void> | undefined;
  private lookingUp: Promise<void> | undefined;

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

  /** Resolves once no read or lookup is under way (what an intake started in the background). */
  async idle(): Promise<void> {
    while (this.reading || this.lookingUp)
      await (this.reading ?? this.lookingUp)?.catch(() => undefined);
  }

  async similarTo(target: CaseHeadline): Promise<string[]> {
    const seq = seqOf(target.number);
    const now = this.deps.clock.now().getTime();
    if (!this.loaded) await this.read();
    else {
      const tooMany = seq !== undefined && this.noteGap(target.number, seq);
      const due = now - this.lastReadAt >= this.options.catchUpEveryMs;
      // In the background: the read covers everything changed in the last minute or so,
      // which under a burst is thousands of cases (a 2 s stall of one intake in every 200
      // at concurrency 8 with 4,200 stored); this intake answers from the index as it is.
      // A failed read is tried again by the next intake.
      if ((seq === undefined || tooMany || due) && !this.reading)
        this.read().catch(() => undefined);
      await this.lookUpMissing(now);
    }
    this.track(target, now);
    this.lastIntakeAt = Math.max(this.lastIntakeAt, now);
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

  /** Records the numbers between the highest seen and `seq`; true when too many to look up. */
  private noteGap(number: string, seq: number): boolean {
    if (!Number.isFinite(this.highestSeq) || seq <= this.highestSeq + 1) return false;
    if (seq - this.highestSeq - 1 + this.missing.size > MAX_LOOKUPS) return true;
    const prefix = number.slice(0, number.length - String(seq).length);
    for (let at = this.highestSeq + 1; at < seq; at += 1)
      this.missing.set(at, { number: `${prefix}${at}`, since: this.lastIntakeAt });
    return false;
  }

  /** Looks up the missing numbers that are due; one lookup at a time, nobody else waits. */
  private async lookUpMissing(now: number): Promise<void> {
    if (this.lookingUp) return;
    const due = [...this.missing].filter(([, gap]) => now - gap.since >= this.options.gapGraceMs);
    if (due.length === 0) return;
    this.lookingUp = (async () => {
      for (const [seq, gap] of due) {
        const found = await this.deps.cases.findByNumber(gap.number);
        this.missing.delete(seq); // not there (a number an intake used up): never will be
        if (found) this.track(found, now);
      }
    })().finally(() => {
      this.lookingUp = undefined;
    });
    await this.lookingUp;
  }

  /** One read at a time. */
  private read(): Promise<void> {
    this.reading ??= this.readChanges().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async readChanges(): Promise<void> {
    const now = this.deps.clock.now().getTime();
    const { maxCases, clockSkewMs } = this.options;
    const changed = this.loaded
      ? await this.deps.cases.list({
          updatedSince: new Date(Math.max(0, this.lastReadAt - clockSkewMs)),
          limit: maxCases,
        })
      : undefined;
    if (!changed || changed.length >= maxCases) {
      // First read, or too much changed to follow: read the open and recent cases afresh,
      // into a new index that replaces the old one when complete.
      const fresh = await this.deps.cases.list({
        unsolvedOrCreatedSince: new Date(now - this.recentMs),
        limit: maxCases,
      });
      this.index = new KbIndex();
      this.tracked = new Map();
      for (const headline of fresh) this.track(headline, now);
    } else for (const headline of changed) this.track(headline, now);
    for (const headline of this.tracked.values())
      if (!this.isRecent(headline, now)) this.forget(headline.id);
    this.missing.clear(); // what was missing is read, or was never stored
    this.loaded = true;
    this.lastReadAt = now;
  }

  private track(headline: CaseHeadline, now: number): void {
    const known = this.tracked.get(headline.id);
    if (known && known.updatedAt.getTime() > headline.updatedAt.getTime()) return; // older copy
    const seq = seqOf(headline.number);
    if (seq !== undefined) {
      this.missing.delete(seq);
      if (seq > this.highestSeq) this.highestSeq = seq;
    }
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
