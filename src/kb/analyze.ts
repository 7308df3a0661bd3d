import { eng } from 'stopword';
import { Lexicon, stemUnlessStopWord } from './lexicon.js';

/**
 * Text analysis shared by indexing and querying: lower case, split on anything that is
 * not a letter or digit, drop stop words, Porter-stem. Index and query must agree term by
 * term, so both go through `analyze`.
 */

// Words customers wrap around a question that say nothing about the problem. Tuned on the
// evaluation set (test/fixtures/kb-eval): each one removed noise matches without losing hits.
const CUSTOMER_FILLER = [
  'hi',
  'hello',
  'hey',
  'please',
  'pls',
  'plz',
  'thanks',
  'thank',
  'thx',
  'anyone',
  'someone',
  'somebody',
  'us',
  'im',
  'ive',
  'dont',
  'doesnt',
  'cant',
  'wont',
  'isnt',
  'didnt',
  'doesn',
  'didn',
  'isn',
  'wasn',
  'won',
  'can',
  'couldn',
  'aren',
  'haven',
  'hasn',
  't',
  's',
  'd',
  'll',
  've',
  're',
  'm',
  'get',
  'getting',
  'got',
  'help',
  'need',
  'know',
  'just',
  'still',
  'way',
  'guys',
  'team',
];

const STOP_WORDS: ReadonlySet<string> = new Set([...eng, ...CUSTOMER_FILLER]);

const TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * This process's words: the index builder (bulk-add.ts) and `analyze` share it, so index
 * and query agree term by term. Bounded so a stream of odd queries cannot grow it without
 * limit.
 */
export const LEXICON = new Lexicon(stemUnlessStopWord(STOP_WORDS), 200_000);

/** One analysed term per meaningful word, in order (duplicates kept: they are frequencies). */
export const analyze = (text: string): string[] => {
  LEXICON.bound();
  const count = LEXICON.scan(text);
  const terms = new Array<string>(count);
  for (let i = 0; i < count; i += 1) terms[i] = LEXICON.terms[LEXICON.ids[i]!]!;
  return terms;
};

/** Lower-cased words joined by single spaces: what a quoted phrase is matched against. */
export const normalizePhrase = (text: string): string =>
  (text.toLowerCase().match(TOKEN) ?? []).join(' ');

export interface ParsedQuery {
  /** Every analysed term of the query, phrases included, in order. */
  readonly terms: readonly string[];
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
  return { terms: analyze(rest), phrases, exactTerms, lastTermOpen: /[\p{L}\p{N}]$/u.test(query) };
};
