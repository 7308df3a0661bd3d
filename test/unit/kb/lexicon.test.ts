import { stemmer } from 'stemmer';
import { analyze } from '../../../src/kb/analyze.js';
import { Lexicon } from '../../../src/kb/lexicon.js';

// What the lexicon must agree with: lower case, cut at anything not a letter, digit or
// combining mark; after two words joined by one hyphen, both starting with a letter, the
// word they make together.
const splitWords = (text: string) => {
  const words: string[] = [];
  const lower = text.toLowerCase();
  let previous: { word: string; end: number } | undefined;
  for (const match of lower.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const word = match[0];
    words.push(word);
    const hyphen = previous && match.index === previous.end + 1 ? lower[previous.end] : '';
    if (
      previous &&
      /^[-\u2010\u2011]$/u.test(hyphen ?? '') &&
      !/^\p{N}/u.test(previous.word) &&
      !/^\p{N}/u.test(word)
    )
      words.push(previous.word + word);
    previous = { word, end: match.index + word.length };
  }
  return words;
};

const termOf = (word: string) => (word === 'the' || word === 'and' ? null : `<${word}>`);
const scanned = (lexicon: Lexicon, text: string) => {
  const count = lexicon.scan(text);
  return Array.from(lexicon.ids.subarray(0, count), (id) => lexicon.terms[id]);
};
const expected = (text: string) =>
  splitWords(text)
    .map(termOf)
    .filter((term) => term !== null);

const SAMPLES = [
  'The printer AND the till: error E-4711 (again)!',
  'a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p', // more terms than a term per two characters
  'e-mail check-in set-up-time co\u2011op, re\u0301sume\u0301 -lead trail- a--b',
  '  leading and trailing separators...  ',
  'Übergröße Straße façade naïve café — Ærø ÉCOLE',
  'İstanbul KISA ǅungla ﬁle', // lower-casing that changes length
  'Ελληνικά кириллица 日本語のテキスト عربى',
  'math 𝐀𝐁𝐂 letters, emoji 🙂🙂 between, digits ٣٤٥ and ①②',
  'lone \ud800 high and \udc00 low surrogates',
  'x',
  '',
];

describe('Lexicon', () => {
  it('cuts words exactly where a split on non-letters and non-digits would', () => {
    const lexicon = new Lexicon(termOf, 1_000);
    for (const text of SAMPLES) expect(scanned(lexicon, text)).toEqual(expected(text));
    // Seen words are found again, not learned twice.
    const known = lexicon.size;
    for (const text of SAMPLES) expect(scanned(lexicon, text)).toEqual(expected(text));
    expect(lexicon.size).toBe(known);
  });

  it('agrees with the split on random text, through table growth and a bound', () => {
    let seed = 17;
    const random = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed / 2 ** 32;
    };
    const alphabet = [...'abcdeTHE AND.,-_ 09éßİ😀𝐀\u0300'];
    const lexicon = new Lexicon(termOf, 3_000);
    for (let round = 0; round < 400; round += 1) {
      lexicon.bound();
      let text = '';
      const length = Math.floor(random() * 300);
      for (let i = 0; i < length; i += 1) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(scanned(lexicon, text)).toEqual(expected(text));
    }
    expect(lexicon.size).toBeLessThan(6_000);
  });

  it('analyze drops stop words and customer filler and stems the rest', () => {
    expect(analyze('Hi, the invoices are NOT printing anymore, please help!')).toEqual(
      ['invoices', 'not', 'printing', 'anymore'].map((word) => stemmer(word)),
    );
  });
});
