/**
 * One spelling per word before stop words and stemming, at index and query time alike:
 * customers type "resume" for "résumé", "strasse" for "straße", "file" for "ﬁle". NFKD
 * splits accented letters into letter + combining mark (and compatibility forms such as
 * ligatures, full-width letters and superscripts into their plain letters); the marks are
 * dropped. Letters NFKD leaves whole are spelled out the way they are typed on a keyboard
 * without them.
 */

const SPELLED_OUT: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
};
const NOT_DECOMPOSED = /[ßæœøđðþłı]/gu;
const MARKS = /\p{M}+/gu;
const PLAIN = /^[a-z0-9]*$/;

/** The folded spelling of a lower-cased word ("" when it was only combining marks). */
export const normaliseWord = (word: string): string => {
  if (PLAIN.test(word)) return word;
  return word
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(NOT_DECOMPOSED, (letter) => SPELLED_OUT[letter] ?? letter);
};
