import {
  countsFor,
  EVIDENCE_HALF_LIFE_MS,
  EVIDENCE_PER_ARTICLE,
  evidenceWeight,
  type EvidenceRecord,
} from '../domain/kb/evidence.js';
import { analyze } from './analyze.js';
import type { LearnedLookup } from './top-k-scorer.js';

/** One analysed term: each article's net weight for it, and how many held records give it. */
interface Posting {
  readonly term: string;
  readonly weights: Map<string, number>;
  readonly counts: Map<string, number>;
}

interface Held {
  readonly record: EvidenceRecord;
  readonly postings: readonly Posting[];
  /** The record's weight at `asOf`, when it was added. */
  readonly weight: number;
  readonly asOf: number;
}

// Every weight fades at the same rate, so fading them all is one multiplication; doing it
// once a day keeps an add cheap and errs by under 0.8% at a 90-day half-life.
const REFRESH_MS = 24 * 60 * 60 * 1000;

const fade = (ms: number): number => 0.5 ** (ms / EVIDENCE_HALF_LIFE_MS);

/**
 * What the index has learned from use, in memory: per analysed term, the net weight of
 * each article's evidence (customers' words that it solved, minus declines). Bounded per
 * article and side (`perArticle` newest for, as many against), idempotent by record key,
 * and faded to the time of the last `add`. `postings(term)` is one map lookup, as the
 * scorer asks it for each query term of every search.
 */
export class LearnedEvidence {
  private readonly byTerm = new Map<string, Posting>();
  private readonly held = new Map<string, Held>();
  /** `+slug` / `-slug` → held records of that side, oldest first. */
  private readonly sides = new Map<string, Held[]>();
  private readonly positives = new Map<string, number>();
  /** The time every weight in `byTerm` is faded to. */
  private asOf = Number.NaN;

  constructor(private readonly perArticle = EVIDENCE_PER_ARTICLE) {}

  /** Records held (after bounds). */
  get size(): number {
    return this.held.size;
  }

  /** Adds records not held yet, keeping the bound; returns how many changed what is held. */
  add(records: Iterable<EvidenceRecord>, now: Date): number {
    this.fadeTo(now.getTime());
    let added = 0;
    for (const record of records) if (this.addOne(record)) added += 1;
    return added;
  }

  /** Articles whose evidence contains `term` (analysed), with their net weight. */
  postings(term: string): ReadonlyMap<string, number> | undefined {
    return this.byTerm.get(term)?.weights;
  }

  /** How many held records say the article answered a question. */
  solved(slug: string): number {
    return this.positives.get(slug) ?? 0;
  }

  /**
   * How many of those questions share at least `shared` of `terms` (analysed; all of them
   * when there are fewer) with this one: "solved 7 similar questions" on the agent card.
   * At most `perArticle` records are read.
   */
  solvedWith(slug: string, terms: ReadonlySet<string>, shared = 1): number {
    const needed = Math.max(1, Math.min(shared, terms.size));
    let similar = 0;
    for (const held of this.sides.get(`+${slug}`) ?? []) {
      let common = 0;
      for (const posting of held.postings) if (terms.has(posting.term)) common += 1;
      if (common >= needed) similar += 1;
    }
    return similar;
  }

  private addOne(record: EvidenceRecord): boolean {
    if (this.held.has(record.key)) return false;
    const weight = evidenceWeight(record.kind, record.at, new Date(this.asOf));
    if (weight === 0) return false;
    const sideKey = `${countsFor(record.kind) ? '+' : '-'}${record.slug}`;
    const side = this.sides.get(sideKey) ?? [];
    const at = record.at.getTime();
    // Full and older than everything held: the bound would drop it at once.
    if (side.length >= this.perArticle && at <= (side[0]?.record.at.getTime() ?? 0)) return false;
    const postings = [...new Set(analyze(record.text))].map((term) => this.posting(term));
    const held: Held = { record, postings, weight, asOf: this.asOf };
    let i = side.length;
    while (i > 0 && (side[i - 1]?.record.at.getTime() ?? 0) > at) i -= 1;
    side.splice(i, 0, held);
    this.sides.set(sideKey, side);
    this.held.set(record.key, held);
    this.apply(held, 1);
    if (side.length > this.perArticle) {
      const oldest = side.shift();
      if (oldest) this.drop(oldest);
    }
    return true;
  }

  private drop(held: Held): void {
    this.held.delete(held.record.key);
    this.apply(held, -1);
  }

  /** Adds (`sign` 1) or takes away (-1) a record's weight, as faded now, on each term. */
  private apply(held: Held, sign: 1 | -1): void {
    const { slug } = held.record;
    const weight = sign * held.weight * fade(this.asOf - held.asOf);
    for (const posting of held.postings) {
      const count = (posting.counts.get(slug) ?? 0) + sign;
      if (count > 0) {
        posting.counts.set(slug, count);
        posting.weights.set(slug, (posting.weights.get(slug) ?? 0) + weight);
      } else {
        posting.counts.delete(slug);
        posting.weights.delete(slug);
      }
    }
    if (countsFor(held.record.kind)) {
      const solved = (this.positives.get(slug) ?? 0) + sign;
      if (solved > 0) this.positives.set(slug, solved);
      else this.positives.delete(slug);
    }
    if (sign < 0)
      for (const posting of held.postings)
        if (posting.counts.size === 0) this.byTerm.delete(posting.term);
  }

  private posting(term: string): Posting {
    let posting = this.byTerm.get(term);
    if (!posting) {
      posting = { term, weights: new Map(), counts: new Map() };
      this.byTerm.set(term, posting);
    }
    return posting;
  }

  private fadeTo(now: number): void {
    if (Number.isNaN(this.asOf)) {
      this.asOf = now;
      return;
    }
    if (now - this.asOf < REFRESH_MS) return;
    const factor = fade(now - this.asOf);
    for (const posting of this.byTerm.values())
      for (const [slug, weight] of posting.weights) posting.weights.set(slug, weight * factor);
    this.asOf = now;
  }
}

/**
 * The scorer's view of what was learned: by the index's short ids, each term's articles
 * with their net weight. `isCommon(articles)`: the term is in too many articles' evidence
 * to be worth reading (the planner's rule for common words).
 */
export const lookupOf = (
  learned: LearnedEvidence,
  shortIdOf: (slug: string) => number | undefined,
  isCommon: (articles: number) => boolean,
): LearnedLookup => ({
  articlesWith: (term) => {
    const count = learned.postings(term)?.size ?? 0;
    return isCommon(count) ? 0 : count;
  },
  forEach: (term, visit) => {
    const postings = learned.postings(term);
    if (!postings) return;
    for (const [slug, net] of postings) {
      const shortId = shortIdOf(slug);
      if (shortId !== undefined) visit(net, shortId);
    }
  },
});
