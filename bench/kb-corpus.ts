/**
 * Generated articles for the KB benchmark: a title and a ~150-word body (problem + solution)
 * of Zipf-distributed words, stop words removed, drawn from a vocabulary whose head is the
 * real words of the evaluation articles (so real customer questions hit realistic
 * postings) and whose tail is pronounceable made-up words (rare terms, as product names
 * and codes are). Deterministic: the same seed gives the same corpus; so is the learned
 * evidence (`generateEvidence`).
 */
import { eng } from 'stopword';
import type { ArticleDraft } from '../src/domain/kb/article.js';
import {
  EVIDENCE_TEXT_MAX,
  type EvidenceKind,
  type EvidenceRecord,
} from '../src/domain/kb/evidence.js';

export const rng = (seed: number) => {
  let state = seed >>> 0;
  return (): number => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ter',
  'sun',
  'pra',
  'vel',
  'do',
  'ri',
  'nax',
  'tor',
  'ble',
  'sha',
  'quin',
  'ro',
  'fen',
  'gal',
  'us',
  'tri',
  'mo',
];

export const buildVocabulary = (
  realText: readonly string[],
  size: number,
  random: () => number,
): string[] => {
  const stop = new Set(eng);
  const counts = new Map<string, number>();
  for (const text of realText)
    for (const word of text.toLowerCase().match(/[a-z]{3,}/g) ?? [])
      if (!stop.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  const head = [...counts].sort((a, b) => b[1] - a[1]).map(([word]) => word);
  const words = new Set(head);
  while (words.size < size) {
    const parts = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < parts; i += 1) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words];
};

/** Draws ranks with P(rank k) ∝ 1 / k^s by inverting the cumulative distribution. */
export const zipfSampler = (n: number, s: number, random: () => number) => {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k += 1) {
    total += 1 / (k + 1) ** s;
    cumulative[k] = total;
  }
  return (): number => {
    const target = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
};

export const generateArticles = (
  count: number,
  vocabulary: readonly string[],
  seed = 42,
): ArticleDraft[] => {
  const random = rng(seed);
  const draw = zipfSampler(vocabulary.length, 1.0, random);
  const words = (n: number) => Array.from({ length: n }, () => vocabulary[draw()]!).join(' ');
  const products = ['ledgerline-erp', 'ledgerline-pos', 'ledgerline-connector'];
  return Array.from({ length: count }, (_, i) => {
    const problemLength = 40 + Math.floor(random() * 20);
    return {
      slug: `generated-${i}`,
      title: words(5 + Math.floor(random() * 5)),
      problem: words(problemLength),
      solution: words(150 - problemLength),
      keywords: Array.from({ length: 3 }, () => words(1 + Math.floor(random() * 2))),
      products: [{ product: products[i % products.length]!, versions: [] }],
      docLinks: [],
      visibility: i % 5 === 0 ? 'internal' : 'public',
      status: 'published',
    };
  });
};

/** A typo a customer makes: two neighbouring letters swapped in one longer word. */
export const withTypo = (question: string, random: () => number): string => {
  const words = question.split(' ');
  const long = words
    .map((word, i) => [word, i] as const)
    .filter(([word]) => /^[a-z]{5,}$/.test(word));
  if (long.length === 0) return question;
  const [word, at] = long[Math.floor(random() * long.length)]!;
  const i = 1 + Math.floor(random() * (word.length - 2));
  words[at] = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  return words.join(' ');
};

/**
 * Learned evidence as use would leave it: `solved` questions answered by an article
 * (mostly "This solved it", some cited by an agent or saved from a case) and `declined`
 * "Still need help" presses, over the past year. Popular articles get most of them
 * (Zipf s=0.8 over a shuffled article order), so the per-article bound is exercised.
 * A question is a customer's paraphrase: a few of its article's title and problem words
 * among words of the whole vocabulary.
 */
export const generateEvidence = (
  articles: readonly ArticleDraft[],
  vocabulary: readonly string[],
  counts: { readonly solved: number; readonly declined: number },
  now: Date,
  seed = 11,
): EvidenceRecord[] => {
  const random = rng(seed);
  const draw = zipfSampler(vocabulary.length, 1.0, random);
  const order = articles.map((_, i) => i).sort(() => random() - 0.5);
  const pickArticle = zipfSampler(articles.length, 0.8, random);
  const year = 365 * 24 * 60 * 60 * 1000;
  const record = (i: number, kind: EvidenceKind): EvidenceRecord => {
    const article = articles[order[pickArticle()]!]!;
    const own = `${article.title} ${article.problem}`.split(' ');
    const words = Array.from({ length: 6 + Math.floor(random() * 10) }, () =>
      random() < 0.4 ? own[Math.floor(random() * own.length)]! : vocabulary[draw()]!,
    );
    return {
      key: `bench-case-${i}|${article.slug}|${kind}`,
      slug: article.slug,
      text: words.join(' ').slice(0, EVIDENCE_TEXT_MAX),
      kind,
      at: new Date(now.getTime() - Math.floor(random() * year)),
    };
  };
  const positive = (roll: number): EvidenceKind =>
    roll < 0.8 ? 'solved' : roll < 0.95 ? 'cited' : 'saved';
  return [
    ...Array.from({ length: counts.solved }, (_, i) => record(i, positive(random()))),
    ...Array.from({ length: counts.declined }, (_, i) => record(counts.solved + i, 'declined')),
  ];
};
