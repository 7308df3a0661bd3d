import type { MiniSearchInternals } from './minisearch-internals.js';

export interface ScoredTerm {
  readonly term: string;
  readonly weight: number;
  /** Which word of the query this term stands for (corrections share their word's). */
  readonly source: number;
}

/** Evidence learned from use, per term: each article's net weight (see LearnedEvidence). */
export interface LearnedLookup {
  /** How many articles have evidence with the term (its rarity, like a document frequency). */
  articlesWith(term: string): number;
  forEach(term: string, visit: (net: number, shortId: number) => void): void;
}

export interface Scored {
  readonly shortId: number;
  readonly score: number;
}

// MiniSearch's BM25+ defaults, so scores stay on the scale MiniSearch would give.
const K = 1.2;
const B = 0.7;
const D = 0.5;
/** Weight of learned evidence against a field's BM25 (the title's boost is 2; more only raised the confidence of wrong articles in npm run eval:kb). */
const LEARNED_BOOST = 1;

/**
 * BM25 over MiniSearch's postings into reusable typed arrays, then the best `limit`.
 * Like MiniSearch, a document's score is multiplied by the number of query words it
 * matches, so articles that answer more of the question come first.
 */
export class TopKScorer {
  private scores = new Float64Array(1024);
  private words = new Int32Array(1024);
  private touched = new Int32Array(1024);

  constructor(
    private readonly internals: MiniSearchInternals,
    private readonly fieldBoost: ReadonlyMap<number, number>,
  ) {}

  score(
    terms: readonly ScoredTerm[],
    /** The article's field lengths if it may be returned, otherwise undefined. */
    lengthsIfAllowed: (shortId: number) => readonly number[] | undefined,
    limit: number,
    /** Bits of the query words every result must contain (quoted phrases). */
    requiredWords = 0,
    /**
     * Evidence learned from use for a term: per article (short id), a net weight that adds
     * to its score (solved questions with the word) or takes from it ("still need help").
     */
    learned?: LearnedLookup,
  ): Scored[] {
    this.ensureCapacity(this.internals._nextId);
    const { _index: tree, _avgFieldLength: averages } = this.internals;
    const total = this.internals._documentCount;
    const { scores, words, touched } = this;
    let touchedCount = 0;
    for (const { term, weight, source } of terms) {
      const postings = tree.get(term);
      if (!postings) continue;
      const bit = wordBit(source);
      for (const [fieldId, docs] of postings) {
        const boost = (this.fieldBoost.get(fieldId) ?? 0) * weight;
        if (boost === 0) continue;
        const idf = Math.log(1 + (total - docs.size + 0.5) / (docs.size + 0.5));
        const average = averages[fieldId] ?? 1;
        // forEach, not for-of: no [key, value] array per posting on this hot path.
        docs.forEach((frequency, shortId) => {
          const fieldLength = lengthsIfAllowed(shortId)?.[fieldId];
          if (fieldLength === undefined) return; // discarded or filtered out
          const norm = K * (1 - B + (B * fieldLength) / average);
          const value = boost * idf * (D + (frequency * (K + 1)) / (frequency + norm));
          if (words[shortId] === 0) touched[touchedCount++] = shortId;
          scores[shortId] = (scores[shortId] ?? 0) + value;
          words[shortId] = (words[shortId] ?? 0) | bit;
        });
      }
    }
    // After the articles' own words, so "still need help" can take from an article whatever
    // term matched it; an article only learned evidence matches is a match too.
    if (learned)
      for (const { term, weight, source } of terms) {
        const articles = learned.articlesWith(term);
        if (articles === 0) continue;
        const bit = wordBit(source);
        const idf = Math.log(1 + (total - articles + 0.5) / (articles + 0.5));
        learned.forEach(term, (net, shortId) => {
          if (lengthsIfAllowed(shortId) === undefined) return;
          if (net <= 0 && words[shortId] === 0) return;
          // Saturating like a term frequency: the tenth solved question with a word adds
          // little more than the third.
          const value = LEARNED_BOOST * weight * idf * (net / (Math.abs(net) + 1));
          if (words[shortId] === 0) touched[touchedCount++] = shortId;
          scores[shortId] = (scores[shortId] ?? 0) + value;
          if (net > 0) words[shortId] = (words[shortId] ?? 0) | bit;
        });
      }
    return this.collect(touchedCount, limit, requiredWords);
  }

  private collect(touchedCount: number, limit: number, requiredWords: number): Scored[] {
    const best: Scored[] = [];
    for (let i = 0; i < touchedCount; i += 1) {
      const shortId = this.touched[i] ?? 0;
      const words = this.words[shortId] ?? 0;
      const score = (this.scores[shortId] ?? 0) * bitCount(words);
      this.scores[shortId] = 0;
      this.words[shortId] = 0;
      if ((words & requiredWords) !== requiredWords) continue;
      if (best.length === limit && score <= (best[limit - 1]?.score ?? 0)) continue;
      let at = best.length;
      while (at > 0 && (best[at - 1]?.score ?? 0) < score) at -= 1;
      best.splice(at, 0, { shortId, score });
      if (best.length > limit) best.pop();
    }
    return best;
  }

  private ensureCapacity(size: number): void {
    if (size <= this.scores.length) return;
    const capacity = Math.max(size, this.scores.length * 2);
    this.scores = new Float64Array(capacity);
    this.words = new Int32Array(capacity);
    this.touched = new Int32Array(capacity);
  }
}

export const wordBit = (source: number): number => 1 << (source % 31);

const bitCount = (mask: number): number => {
  let value = mask - ((mask >>> 1) & 0x55555555);
  value = (value & 0x33333333) + ((value >>> 2) & 0x33333333);
  return (((value + (value >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
};
