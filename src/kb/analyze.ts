import { Lexicon } from './lexicon.js';
import { normaliseWord } from './vocabulary/normalise.js';
import { termOfWord } from './vocabulary/stop-words.js';

/**
 * Text analysis shared by indexing and querying: lower case, split on anything that is
 * not a letter, digit or combining mark, fold accents and ligatures, drop stop words,
 * Porter-stem (src/kb/vocabulary/). Index and query must agree term by term, so both go
 * through `analyze`.
 */

/**
 * This process's words: the index builder (bulk-add.ts) and `analyze` share it, so index
 * and query agree term by term. Bounded so a stream of odd queries cannot grow it without
 * limit.
 */
export const LEXICON = new Lexicon(termOfWord, 200_000);

/** One analysed term per meaningful word, in order (duplicates kept: they are frequencies). */
export const analyze = (text: string): string[] => {
  LEXICON.bound();
  const count = LEXICON.scan(text);
  const terms = new Array<string>(count);
  for (let i = 0; i < count; i += 1) terms[i] = LEXICON.terms[LEXICON.ids[i]!]!;
  return terms;
};

const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;
// A written word: letters, digits and marks, or several joined by single hyphens.
const WORD = /[\p{L}\p{N}\p{M}]+(?:[-\u2010\u2011][\p{L}\p{N}\p{M}]+)*/gu;

/** Folded words joined by single spaces: what a quoted phrase is matched against. */
export const normalizePhrase = (text: string): string =>
  (text.toLowerCase().match(TOKEN) ?? []).map(normaliseWord).join(' ');

export interface ParsedQuery {
  /** Every analysed term of the query, phrases included, in order. */
  readonly terms: readonly string[];
  /**
   * For each term, the written word it comes from, as the index of that word's first term
   * in `terms` (so `terms[source]` names the word): the parts of "e-mail" and "email"
   * itself are one word.
   */
  readonly sources: readonly number[];
  /**
   * For each term, the folded word as written when the term is that single word
   * (not a part of a hyphenated word): what synonyms, splits and stop-word typos look at.
   */
  readonly words: readonly (string | null)[];
  /** Quoted phrases, normalised; an article must contain each one word for word. */
  readonly phrases: readonly string[];
  /** Analysed terms of the phrases (matched exactly, never fuzzily). */
  readonly exactTerms: ReadonlySet<string>;
  /** Whether the query ends mid-word (no trailing space or punctuation): prefix it. */
  readonly lastTermOpen: boolean;
}

export const parseQuery = (query: string): ParsedQuery => {
  const phrases: string[] = [];
  const exactTerms = new Set<string>();
  const rest = query.replace(/"([^"]*)"/g, (_, phrase: string) => {
    const normalized = normalizePhrase(phrase);
    if (normalized) phrases.push(normalized);
    for (const term of analyze(phrase)) exactTerms.add(term);
    return ` ${phrase} `;
  });
  const terms: string[] = [];
  const sources: number[] = [];
  const words: (string | null)[] = [];
  for (const [written] of rest.toLowerCase().matchAll(WORD)) {
    // The same analysis as the index's, word group by word group.
    const analysed = analyze(written);
    if (analysed.length === 0) continue;
    const single = analysed.length === 1 && !/[-\u2010\u2011]/u.test(written);
    const position = terms.length;
    for (const term of analysed) {
      terms.push(term);
      sources.push(position);
      words.push(single ? normaliseWord(written) : null);
    }
  }
  return {
    terms,
    sources,
    words,
    phrases,
    exactTerms,
    lastTermOpen: /[\p{L}\p{N}]$/u.test(query),
  };
};

/** Each analysed term of the query with the first word written for it ("upgrade" for "upgrad"). */
export const writtenWords = (query: string): Map<string, string> => {
  const words = new Map<string, string>();
  for (const word of query.toLowerCase().match(PLAIN_WORD) ?? []) {
    const [term] = analyze(word);
    if (term !== undefined && !words.has(term)) words.set(term, word);
  }
  return words;
};

const PLAIN_WORD = /[\p{L}\p{N}]+/gu;
