import { analyze } from '../analyze.js';
import { ABBREVIATIONS, SHORT_FORMS } from './abbreviations.js';
import { termOfWord } from './stop-words.js';
import { synonymsOf } from './wordnet.js';

/**
 * Index terms a query word stands for besides its own: the parts of a word written as one
 * ("sourcecode"), the word two written words make ("log file" → logfile), the words an
 * abbreviation stands for, WordNet synonyms. Only terms the index knows are offered, so
 * each one costs a postings walk that can find something.
 */

export type TermKind =
  'exact' | 'fuzzy' | 'prefix' | 'split' | 'joined' | 'synonym' | 'abbreviation';

export interface RelatedTerm {
  readonly term: string;
  readonly weight: number;
  readonly kind: TermKind;
  readonly df: number;
}

export interface RelatedWeights {
  readonly splitWeight: number;
  readonly joinedWeight: number;
  readonly abbreviationWeight: number;
  readonly synonymWeight: number;
  /** How many of a word's most frequent senses (per part of speech) give synonyms. */
  readonly synonymSenses: number;
  /** How many synonyms (single or multi-word) one word may add. */
  readonly maxSynonyms: number;
}

/** Articles containing a term (0: the index does not know it). */
type Frequency = (term: string) => number;

const SPLIT_MIN_PART = 3;

// Split and joined words are mostly never seen in the index: their terms are remembered
// here, not in the index's lexicon, and forgotten wholesale when there are too many.
const termCache = new Map<string, string | null>();
const TERM_CACHE_WORDS = 50_000;
const termOf = (word: string): string | null => {
  let term = termCache.get(word);
  if (term === undefined) {
    if (termCache.size >= TERM_CACHE_WORDS) termCache.clear();
    term = termOfWord(word);
    termCache.set(word, term);
  }
  return term;
};

/**
 * An unknown word that is two known words run together, cut where both parts are index
 * terms; of several cuts the one with the longest shorter part ("passwordreset": password
 * + reset, not pass + wordreset), then the rarer parts.
 */
export const splitWord = (word: string, frequency: Frequency, weight: number): RelatedTerm[] => {
  if (weight <= 0) return [];
  let best: { parts: RelatedTerm[]; shorter: number; df: number } | undefined;
  for (let cut = SPLIT_MIN_PART; cut <= word.length - SPLIT_MIN_PART; cut += 1) {
    const parts: RelatedTerm[] = [];
    for (const part of [word.slice(0, cut), word.slice(cut)]) {
      const term = termOf(part);
      const df = term === null ? 0 : frequency(term);
      if (term !== null && df > 0) parts.push({ term, weight, kind: 'split', df });
    }
    if (parts.length < 2) continue;
    const shorter = Math.min(cut, word.length - cut);
    const df = parts[0]!.df + parts[1]!.df;
    if (!best || shorter > best.shorter || (shorter === best.shorter && df < best.df))
      best = { parts, shorter, df };
  }
  return best?.parts ?? [];
};

/** The one word two adjacent written words make, when the index knows it ("log file"). */
export const joinedWords = (
  first: string,
  second: string,
  frequency: Frequency,
  weight: number,
): RelatedTerm[] => {
  if (weight <= 0) return [];
  const term = termOf(first + second);
  const df = term === null ? 0 : frequency(term);
  return term !== null && df > 0 ? [{ term, weight, kind: 'joined', df }] : [];
};

// The terms of each lemma and expansion seen, analysed once.
const phraseCache = new Map<string, readonly string[] | null>();

/** The terms of a lemma or expansion, or null if one of its words is a stop word. */
const phraseTerms = (phrase: string): readonly string[] | null => {
  let terms = phraseCache.get(phrase);
  if (terms === undefined) {
    if (phraseCache.size >= TERM_CACHE_WORDS) phraseCache.clear();
    // WordNet writes "operating_system" and "e-mail"; the index has "oper system", "email".
    const words = phrase.replace(/-/g, '').split(/[_ ]+/);
    const analysed = analyze(words.join(' '));
    // "run_out" is not "run": a stop word in a lemma carries part of its meaning.
    terms = analysed.length === words.length ? analysed : null;
    phraseCache.set(phrase, terms);
  }
  return terms;
};

/** Terms of a lemma or expansion, or none unless the index knows every one of them. */
const knownTerms = (
  phrase: string,
  frequency: Frequency,
  weight: number,
  kind: TermKind,
): RelatedTerm[] => {
  const terms = phraseTerms(phrase);
  if (terms === null) return [];
  const found: RelatedTerm[] = [];
  // A synonym of several words stands for one: its words share the weight ("textual
  // matter" for "text" must not count as two generic matches). An abbreviation's words
  // are each what the customer meant.
  const share = kind === 'synonym' ? weight / terms.length : weight;
  for (const term of terms) {
    const df = frequency(term);
    if (df === 0) return [];
    found.push({ term, weight: share, kind, df });
  }
  return found;
};

/**
 * Abbreviation expansions and synonyms of a written word, or of two adjacent words
 * joined by a space ("operating system" → os).
 */
export const relatedTerms = (
  written: string,
  ownTerms: ReadonlySet<string>,
  frequency: Frequency,
  weights: RelatedWeights,
): RelatedTerm[] => {
  const found: RelatedTerm[] = [];
  // An expansion that repeats a word of the query adds nothing, and one of several words
  // that contains it is a narrower kind of it ("computer software" for "software").
  const keep = (terms: readonly RelatedTerm[]) => {
    if (terms.length === 0 || terms.some((term) => ownTerms.has(term.term))) return false;
    found.push(...terms);
    return true;
  };
  const abbreviated = [...(ABBREVIATIONS.get(written) ?? []), ...(SHORT_FORMS.get(written) ?? [])];
  // A weight of 0 turns a source of terms off (they would cost postings and add nothing).
  if (weights.abbreviationWeight > 0)
    for (const expansion of abbreviated)
      keep(knownTerms(expansion, frequency, weights.abbreviationWeight, 'abbreviation'));
  // Numbers have no synonyms worth a search ("3" → ternary), nor do one- or two-letter words.
  if (weights.synonymWeight <= 0 || written.length < 3 || /\d/.test(written)) return found;
  let synonyms = 0;
  for (const lemma of synonymsOf(written.replace(/ /g, '_'), weights.synonymSenses)) {
    if (synonyms >= weights.maxSynonyms) break;
    if (keep(knownTerms(lemma, frequency, weights.synonymWeight, 'synonym'))) synonyms += 1;
  }
  return found;
};

/** Whether the word is a listed abbreviation (and so no misspelling of a stop word). */
export const isAbbreviation = (word: string): boolean => ABBREVIATIONS.has(word);
