import type { ParsedQuery } from './analyze.js';

/**
 * Everything the evaluation set and the benchmark tune, in one place
 * (`npm run eval:kb`, `npm run bench:kb`).
 */
export interface KbTuning {
  readonly boost: Readonly<Record<'title' | 'keywords' | 'problem' | 'solution', number>>;
  /** MiniSearch's weight of a fuzzy / prefix match relative to an exact one. */
  readonly fuzzyWeight: number;
  readonly prefixWeight: number;
  /** Shortest term that may match with one typo; with two typos. */
  readonly fuzzyMinLength: number;
  readonly fuzzyTwoEditsMinLength: number;
  /** Shortest term that may match longer words starting with it. */
  readonly prefixMinLength: number;
  /** A term found in more than this share of articles is dropped from the query... */
  readonly commonTermShare: number;
  /** ...once the index holds at least this many articles (below, every term counts). */
  readonly commonTermMinArticles: number;
  /** Known words with fewer articles than this still get fuzzy/prefix expansion. */
  readonly rareTermArticles: number;
}

export const DEFAULT_TUNING: KbTuning = {
  boost: { title: 2, keywords: 2, problem: 1.5, solution: 1 },
  fuzzyWeight: 0.45,
  prefixWeight: 0.375,
  fuzzyMinLength: 4,
  fuzzyTwoEditsMinLength: 8,
  prefixMinLength: 4,
  commonTermShare: 0.05,
  commonTermMinArticles: 2_000,
  rareTermArticles: 0,
};

export interface PlannedTerm {
  readonly term: string;
  readonly fuzzy: number | false;
  readonly prefix: boolean;
}

export interface QueryPlan {
  readonly terms: readonly PlannedTerm[];
}

/**
 * Query cost is the sum of the postings of every term the query touches, so:
 * - a word the index knows is taken as written (no fuzzy expansion: it is not a typo);
 * - an unknown word gets one edit (two when long) and, when long enough, prefix matches;
 * - the word being typed (query ends mid-word) gets prefix matches;
 * - in a large index, words in most articles are dropped: their postings are the bulk of
 *   the work and their low IDF barely moves the ranking. If that would leave nothing,
 *   the two rarest of them stay.
 */
export const planQuery = (
  parsed: ParsedQuery,
  documentFrequency: (term: string) => number,
  articleCount: number,
  tuning: KbTuning,
): QueryPlan => {
  const seen = new Set<string>();
  const candidates: { term: string; df: number; index: number }[] = [];
  parsed.terms.forEach((term, index) => {
    if (seen.has(term)) return;
    seen.add(term);
    candidates.push({ term, df: documentFrequency(term), index });
  });
  const commonAbove =
    articleCount >= tuning.commonTermMinArticles
      ? tuning.commonTermShare * articleCount
      : Number.POSITIVE_INFINITY;
  let kept = candidates.filter((candidate) => candidate.df <= commonAbove);
  if (kept.length === 0) kept = [...candidates].sort((a, b) => a.df - b.df).slice(0, 2);
  const last = parsed.terms.length - 1;
  return {
    terms: kept
      .sort((a, b) => a.index - b.index)
      .map(({ term, df, index }) => {
        const expandable = df <= tuning.rareTermArticles && !parsed.exactTerms.has(term);
        const open = index === last && parsed.lastTermOpen && !parsed.exactTerms.has(term);
        return {
          term,
          fuzzy: expandable ? fuzzyDistance(term, tuning) : false,
          prefix: (expandable || open) && term.length >= tuning.prefixMinLength,
        };
      }),
  };
};

const fuzzyDistance = (term: string, tuning: KbTuning): number | false => {
  if (term.length >= tuning.fuzzyTwoEditsMinLength) return 2;
  if (term.length >= tuning.fuzzyMinLength) return 1;
  return false;
};
