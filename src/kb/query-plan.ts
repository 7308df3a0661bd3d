import type { ParsedQuery } from './analyze.js';
import {
  isAbbreviation,
  joinedWords,
  relatedTerms,
  splitWord,
  type RelatedWeights,
  type TermKind,
} from './vocabulary/related.js';
import { nearStopWord } from './vocabulary/stop-words.js';

export type { TermKind } from './vocabulary/related.js';

/**
 * Everything the evaluation set and the benchmark tune, in one place
 * (`npm run eval:kb`, `npm run bench:kb`).
 */
export interface KbTuning extends RelatedWeights {
  readonly boost: Readonly<Record<'title' | 'keywords' | 'problem' | 'solution', number>>;
  /**
   * The solution text is indexed only in knowledge bases smaller than this (counted when
   * the index is built). Measured at 50k generated articles: indexing it doubles the
   * index's heap (142 → 289 MB), the build time (1.6–2.1 → 3.4–3.5 s) and query p99
   * (7.6 → 15 ms), for +0.008 recall@3 on the evaluation set; see README "Knowledge base".
   */
  readonly solutionFieldMaxArticles: number;
  /** Weight of a typo-corrected / completed word relative to the word as written. */
  readonly fuzzyWeight: number;
  readonly prefixWeight: number;
  /** Shortest word that may be corrected by one edit; by two edits. */
  readonly fuzzyMinLength: number;
  readonly fuzzyTwoEditsMinLength: number;
  /** Shortest word that may be completed to longer words starting with it. */
  readonly prefixMinLength: number;
  /** How many corrections or completions of one word the query keeps. */
  readonly maxExpansions: number;
  /** A term found in more than this share of articles is dropped from the query... */
  readonly commonTermShare: number;
  /** ...once the index holds at least this many articles (below, every term counts). */
  readonly commonTermMinArticles: number;
}

export const DEFAULT_TUNING: KbTuning = {
  boost: { title: 2, keywords: 2, problem: 1.5, solution: 1 },
  solutionFieldMaxArticles: 20_000,
  fuzzyWeight: 0.45,
  prefixWeight: 0.375,
  fuzzyMinLength: 4,
  fuzzyTwoEditsMinLength: 8,
  prefixMinLength: 4,
  maxExpansions: 3,
  commonTermShare: 0.05,
  commonTermMinArticles: 2_000,
  splitWeight: 0.8,
  joinedWeight: 0.8,
  abbreviationWeight: 0.8,
  synonymWeight: 0.4,
  synonymSenses: 1,
  maxSynonyms: 2,
};

/** What the planner may ask of the index's vocabulary. */
export interface Vocabulary {
  readonly articleCount: number;
  /** Number of articles containing the term (0: unknown word). */
  documentFrequency(term: string): number;
  /** Known terms within `distance` edits, with their distance and frequency. */
  similar(term: string, distance: number): { term: string; distance: number; df: number }[];
  /** Known terms starting with `prefix` (at most `max` looked at). */
  completions(prefix: string, max: number): { term: string; df: number }[];
}

export interface PlannedTerm {
  readonly term: string;
  /** 1 for a word as written; less for corrections and completions. */
  readonly weight: number;
  /** Position of the query word this term stands for. */
  readonly source: number;
  /** A word of a quoted phrase: an article must contain it. */
  readonly required: boolean;
  /** How the term came from the word: as written, corrected, completed, a synonym... */
  readonly kind: TermKind;
}

interface Candidate extends PlannedTerm {
  readonly df: number;
}

/**
 * Query cost is the sum of the postings of every term the query touches, so the planner
 * turns the customer's words into a short list of concrete index terms:
 * - a word the index knows is taken as written (it is not a typo);
 * - an unknown word that is one edit from a stop word is a misspelled stop word: dropped;
 * - an unknown word that is two known words run together is split into them; otherwise
 *   it is replaced by its nearest known words (one edit, two when long; or longer words
 *   it begins), the closest and most common first, at most `maxExpansions`;
 * - every written word may add the words its abbreviation stands for and a few WordNet
 *   synonyms, and two adjacent words the one word they make ("log file" → logfile) or
 *   their short form ("operating system" → os), at lower weights;
 * - the word being typed (query ends mid-word) also gets completions;
 * - in a large index, terms in most articles are dropped: their postings are the bulk of
 *   the work and their low IDF barely moves the ranking. If that would leave nothing,
 *   the rarest stay (see `rarest`).
 */
export const planQuery = (
  parsed: ParsedQuery,
  vocabulary: Vocabulary,
  tuning: KbTuning,
): PlannedTerm[] => {
  const candidates = new Map<string, Candidate>();
  const offer = (candidate: Candidate) => {
    const known = candidates.get(candidate.term);
    if (!known || known.weight < candidate.weight) candidates.set(candidate.term, candidate);
  };
  const last = parsed.terms.length - 1;
  const frequency = (term: string) => vocabulary.documentFrequency(term);
  const ownTerms = new Set(parsed.terms);
  parsed.terms.forEach((term, index) => {
    const source = parsed.sources[index] ?? index;
    const word = parsed.words[index] ?? null;
    const required = parsed.exactTerms.has(term);
    const df = vocabulary.documentFrequency(term);
    if (df > 0 || required) offer({ term, weight: 1, df, required, source, kind: 'exact' });
    if (required) return;
    if (df === 0 && word !== null && !isAbbreviation(word) && nearStopWord(word)) return;
    const open = index === last && parsed.lastTermOpen;
    const split = df === 0 && word !== null ? splitWord(word, frequency, tuning.splitWeight) : [];
    for (const part of split) offer({ ...part, required: false, source });
    if (split.length === 0 && (df === 0 || open))
      for (const expansion of expand(term, df === 0, vocabulary, tuning))
        offer({ ...expansion, source });
    if (word !== null)
      for (const related of relatedTerms(word, ownTerms, frequency, tuning))
        offer({ ...related, required: false, source });
    const next = parsed.words[index + 1];
    if (word === null || next === null || next === undefined) return;
    if (parsed.sources[index + 1] !== index + 1) return;
    for (const joined of joinedWords(word, next, frequency, tuning.joinedWeight))
      offer({ ...joined, required: false, source });
    for (const related of relatedTerms(`${word} ${next}`, ownTerms, frequency, tuning))
      offer({ ...related, required: false, source });
  });
  const all = [...candidates.values()];
  const commonAbove =
    vocabulary.articleCount >= tuning.commonTermMinArticles
      ? tuning.commonTermShare * vocabulary.articleCount
      : Number.POSITIVE_INFINITY;
  const kept = all.filter((candidate) => candidate.required || candidate.df <= commonAbove);
  const chosen = kept.length > 0 ? kept : rarest(all, vocabulary.articleCount);
  return chosen.map(({ term, weight, source, required, kind }) => ({
    term,
    weight,
    source,
    required,
    kind,
  }));
};

/**
 * When every word is common: the rarest one, and the next if it is in at most a quarter
 * of the articles (a word in most articles says nothing about any of them).
 */
const rarest = (all: Candidate[], articleCount: number): Candidate[] => {
  const [first, second] = [...all].sort((a, b) => a.df - b.df);
  if (!first) return [];
  return second && second.df <= articleCount / 4 ? [first, second] : [first];
};

const expand = (
  term: string,
  unknown: boolean,
  vocabulary: Vocabulary,
  tuning: KbTuning,
): Omit<Candidate, 'source'>[] => {
  const found: (Omit<Candidate, 'source'> & { distance: number })[] = [];
  const distance = unknown ? fuzzyDistance(term, tuning) : 0;
  if (distance > 0)
    for (const match of vocabulary.similar(term, distance))
      if (match.term !== term)
        found.push({
          term: match.term,
          df: match.df,
          distance: match.distance,
          weight: (tuning.fuzzyWeight * match.term.length) / (match.term.length + match.distance),
          required: false,
          kind: 'fuzzy',
        });
  if (term.length >= tuning.prefixMinLength)
    for (const match of vocabulary.completions(term, 200))
      if (match.term !== term) {
        const extra = match.term.length - term.length;
        found.push({
          term: match.term,
          df: match.df,
          distance: 0.5,
          weight: (tuning.prefixWeight * match.term.length) / (match.term.length + 0.3 * extra),
          required: false,
          kind: 'prefix',
        });
      }
  // The closest known words first; among equally close ones, the one most articles use is
  // the likeliest meaning of a typo.
  found.sort((a, b) => a.distance - b.distance || b.df - a.df);
  return found.slice(0, tuning.maxExpansions);
};

const fuzzyDistance = (term: string, tuning: KbTuning): number => {
  if (term.length >= tuning.fuzzyTwoEditsMinLength) return 2;
  if (term.length >= tuning.fuzzyMinLength) return 1;
  return 0;
};
