/**
 * Word → analysed-term lookup without a string per word. Indexing 50k articles reads about
 * three million words; splitting the text into strings and looking each one up in a Map
 * spent well over a second in allocation, hashing and garbage collection. `scan` walks
 * the lower-cased text by character code, hashes each word as it goes and finds it in an
 * open-addressing table over one character pool; only a word never seen before becomes a
 * string (to be analysed once). Words are runs of Unicode letters, digits and combining
 * marks, exactly as `split(/[^\p{L}\p{N}\p{M}]+/u)` would cut them (marks belong to the
 * word so that decomposed "re\u0301sume\u0301" is one word, folded like "résumé").
 *
 * Two words joined by one hyphen also yield the word they make together ("e-mail" gives
 * e, mail and email; "check-in" gives check and checkin), so the written, the joined and
 * the split spelling of a compound meet. Only when both parts start with a letter: dates
 * and part numbers ("2024-03", "E-4711") would only add noise terms.
 */

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const OFFSET = 0x811c9dc5;
const PRIME = 0x01000193;
const STOP = -1;
const HYPHEN = 45;
// U+2010 hyphen and U+2011 non-breaking hyphen: what word processors put in "e‑mail".
const isHyphen = (code: number) => code === HYPHEN || code === 0x2010 || code === 0x2011;
const startsWithLetter = (code: number) =>
  code < 128 ? code < 48 || code > 57 : !/\p{N}/u.test(String.fromCharCode(code));

// Per UTF-16 unit: 1 letter or digit, 2 anything else, 3 surrogate, 0 not yet known.
const unitKind = new Uint8Array(65_536);
for (let c = 0; c < 65_536; c += 1) if (c >= 0xd800 && c <= 0xdfff) unitKind[c] = 3;

/** Units (1 or 2) of the letter or digit starting at `at`, or 0 for a separator. */
const wordUnits = (text: string, at: number, code: number): number => {
  let kind = unitKind[code]!;
  if (kind === 0) {
    kind = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    unitKind[code] = kind;
  }
  if (kind !== 3) return kind === 1 ? 1 : 0;
  const pair = text.codePointAt(at)!;
  return pair > 0xffff && WORD_CHAR.test(String.fromCodePoint(pair)) ? 2 : 0;
};

export class Lexicon {
  /** Term numbers of the last `scan`, in text order (-1 never appears: stop words are skipped). */
  ids = new Int32Array(1024);
  /** The term of each term number. */
  readonly terms: string[] = [];

  private readonly termIds = new Map<string, number>();
  /** Hyphen-joined words ("email" from "e-mail"): rare enough for a plain Map. */
  private readonly joined = new Map<string, number>();
  private table = new Int32Array(1 << 16); // entry + 1; 0 is empty
  private hashes = new Int32Array(1 << 15);
  private starts = new Int32Array(1 << 15);
  private lengths = new Int32Array(1 << 15);
  private results = new Int32Array(1 << 15); // term number or STOP
  private entries = 0;
  private pool = new Uint16Array(1 << 18);
  private poolSize = 0;

  constructor(
    private readonly termOf: (word: string) => string | null,
    private readonly maxWords: number,
  ) {}

  /** Distinct words known. */
  get size(): number {
    return this.entries + this.joined.size;
  }

  /**
   * Forgets every word once more than `maxWords` are known (odd queries must not grow it
   * without limit). Term numbers stay valid until the next call.
   */
  bound(): void {
    if (this.size < this.maxWords) return;
    this.table.fill(0);
    this.joined.clear();
    this.entries = 0;
    this.poolSize = 0;
    this.termIds.clear();
    this.terms.length = 0;
  }

  /** Analyses `text`; returns how many terms `ids` now holds. */
  scan(text: string): number {
    const lower = text.toLowerCase();
    const end = lower.length;
    // At most one term per character: words need a separator each, a joined word a hyphen.
    if (this.ids.length < end + 1) this.ids = new Int32Array(end + 1);
    const ids = this.ids;
    let count = 0;
    let start = -1;
    let previousStart = -1;
    let previousEnd = -2;
    let hash = OFFSET;
    let at = 0;
    while (at <= end) {
      let units = 0;
      if (at < end) {
        const code = lower.charCodeAt(at);
        units =
          code < 128
            ? (code >= 97 && code <= 122) || (code >= 48 && code <= 57)
              ? 1
              : 0
            : wordUnits(lower, at, code);
      }
      if (units > 0) {
        if (start < 0) {
          start = at;
          hash = OFFSET;
        }
        hash = Math.imul(hash ^ lower.charCodeAt(at), PRIME);
        if (units === 2) hash = Math.imul(hash ^ lower.charCodeAt(at + 1), PRIME);
        at += units;
        continue;
      }
      if (start >= 0) {
        const id = this.lookup(lower, start, at - start, hash);
        if (id !== STOP) ids[count++] = id;
        if (start === previousEnd + 1 && isHyphen(lower.charCodeAt(previousEnd))) {
          const joined = this.joinedId(lower, previousStart, previousEnd, start, at);
          if (joined !== STOP) ids[count++] = joined;
        }
        previousStart = start;
        previousEnd = at;
        start = -1;
      }
      at += 1;
    }
    return count;
  }

  private lookup(text: string, start: number, length: number, hash: number): number {
    const table = this.table;
    const mask = table.length - 1;
    let slot = hash & mask;
    for (;;) {
      const stored = table[slot]!;
      if (stored === 0) break;
      const entry = stored - 1;
      if (this.hashes[entry] === hash && this.lengths[entry] === length) {
        const from = this.starts[entry]!;
        let same = true;
        for (let i = 0; i < length; i += 1)
          if (this.pool[from + i] !== text.charCodeAt(start + i)) {
            same = false;
            break;
          }
        if (same) return this.results[entry]!;
      }
      slot = (slot + 1) & mask;
    }
    return this.learn(text, start, length, hash, slot);
  }

  private joinedId(text: string, start: number, middle: number, next: number, end: number) {
    if (!startsWithLetter(text.charCodeAt(start)) || !startsWithLetter(text.charCodeAt(next)))
      return STOP;
    const word = text.slice(start, middle) + text.slice(next, end);
    let id = this.joined.get(word);
    if (id === undefined) {
      id = this.idOf(word);
      this.joined.set(word, id);
    }
    return id;
  }

  private idOf(word: string): number {
    const term = this.termOf(word);
    if (term === null) return STOP;
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  private learn(text: string, start: number, length: number, hash: number, slot: number): number {
    const id = this.idOf(text.slice(start, start + length));
    const entry = this.entries;
    if (entry === this.hashes.length) this.growEntries();
    if (this.poolSize + length > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.poolSize + length));
      pool.set(this.pool);
      this.pool = pool;
    }
    for (let i = 0; i < length; i += 1) this.pool[this.poolSize + i] = text.charCodeAt(start + i);
    this.hashes[entry] = hash;
    this.starts[entry] = this.poolSize;
    this.lengths[entry] = length;
    this.results[entry] = id;
    this.poolSize += length;
    this.entries += 1;
    this.table[slot] = entry + 1;
    if (this.entries * 2 > this.table.length) this.rehash();
    return id;
  }

  private growEntries(): void {
    const grow = (from: Int32Array) => {
      const to = new Int32Array(from.length * 2);
      to.set(from);
      return to;
    };
    this.hashes = grow(this.hashes);
    this.starts = grow(this.starts);
    this.lengths = grow(this.lengths);
    this.results = grow(this.results);
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let entry = 0; entry < this.entries; entry += 1) {
      let slot = this.hashes[entry]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = entry + 1;
    }
    this.table = table;
  }
}
