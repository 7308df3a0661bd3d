import MiniSearch from 'minisearch';
import { visibleTo, type Article, type KbAudience } from '../domain/kb/article.js';
import type { EvidenceRecord } from '../domain/kb/evidence.js';
import type { KbHit, KbSearchOptions, KnowledgeBase } from '../ports/knowledge-base.js';
import { analyze, normalizePhrase, parseQuery } from './analyze.js';
import { BulkAdder } from './bulk-add.js';
import { vocabularyOf } from './index-vocabulary.js';
import { internalsOf, type MiniSearchInternals } from './minisearch-internals.js';
import { LearnedEvidence, lookupOf } from './learned-evidence.js';
import { DEFAULT_TUNING, planQuery, type KbTuning, type Vocabulary } from './query-plan.js';
import { TopKScorer, wordBit, type LearnedLookup } from './top-k-scorer.js';
import { confidenceOf } from './confidence.js';
import { describeHits, type RankedHit } from './hit-reasons.js';
import {
  DEFAULT_INFORMATION,
  QueryInformation,
  type InformationSettings,
} from './query-information.js';

export type IndexedArticle = Pick<
  Article,
  'slug' | 'title' | 'problem' | 'solution' | 'keywords' | 'products' | 'visibility' | 'status'
>;

export type { RankedHit } from './hit-reasons.js';

interface Entry {
  readonly slug: string;
  readonly title: string;
  readonly visibility: Article['visibility'];
  readonly status: Article['status'];
  /** Lower-cased product names; empty means "applies to every product". */
  readonly products: readonly string[];
  /** Kept for quoted-phrase checks only: references to the article's own strings. */
  readonly text: readonly string[];
  /** MiniSearch's field lengths of this article (BM25 needs them for every posting). */
  lengths: readonly number[];
}

const FIELDS = ['title', 'keywords', 'problem', 'solution'] as const;
const STRONG_FIELDS = ['title', 'keywords'] as const;
// A quoted phrase is checked against the text of this many best-scoring candidates that
// contain all of its words.
const PHRASE_CANDIDATES = 50;
// Normalised article text for phrase checks, kept for the articles checked most recently.
const PHRASE_TEXT_CACHE = 2_000;

/**
 * The KnowledgeBase port: MiniSearch holds the postings and answers typo and prefix
 * lookups; `planQuery` turns the customer's words into a few concrete index terms
 * (corrections and completions chosen by us, terms in most articles dropped); the
 * `TopKScorer` ranks with BM25 into typed arrays and keeps only the best few.
 */
export class KbIndex implements KnowledgeBase {
  private readonly entries = new Map<string, Entry>();
  private readonly byShortId: (Entry | undefined)[] = [];
  private readonly engine: MiniSearch<IndexedArticle>;
  private readonly internals: MiniSearchInternals;
  private readonly tuning: KbTuning;
  private readonly vocabulary: Vocabulary;
  private readonly scorer: TopKScorer;
  private readonly adder: BulkAdder;
  /** Where a match says most about the article: its title and its keywords. */
  private readonly strongFields: ReadonlySet<number>;
  private readonly information: InformationSettings = DEFAULT_INFORMATION;

  /** `expectedArticles`: how many articles the first load brings (decides the fields). */
  constructor(tuning: Partial<KbTuning> = {}, expectedArticles = 0) {
    this.tuning = { ...DEFAULT_TUNING, ...tuning };
    const fields =
      expectedArticles < this.tuning.solutionFieldMaxArticles
        ? [...FIELDS]
        : FIELDS.filter((field) => field !== 'solution');
    this.engine = new MiniSearch<IndexedArticle>({
      idField: 'slug',
      fields,
      storeFields: [],
      extractField: textOf,
      tokenize: analyze,
      processTerm: (term) => term,
    });
    this.internals = internalsOf(this.engine);
    this.strongFields = new Set(
      STRONG_FIELDS.map((field) => this.internals._fieldIds[field] ?? -1),
    );
    this.adder = new BulkAdder(this.internals, fields);
    this.vocabulary = vocabularyOf(
      this.internals,
      () => this.entries.size,
      // A word only customers used (learned from use) is known too, so it is planned.
      (term) => this.learned.postings(term)?.size ?? 0,
    );
    const { _fieldIds: fieldIds } = this.internals;
    this.scorer = new TopKScorer(
      this.internals,
      new Map(fields.map((field) => [fieldIds[field] ?? -1, this.tuning.boost[field]])),
    );
  }

  get size(): number {
    return this.entries.size;
  }

  has(slug: string): boolean {
    return this.entries.has(slug);
  }

  /** What this index has learned from use (customers' words per article). */
  readonly learned = new LearnedEvidence();

  /** Remembers evidence (idempotent by key); returns how many records changed what is held. */
  learn(records: Iterable<EvidenceRecord>, now: Date = new Date()): number {
    return this.learned.add(records, now);
  }

  /**
   * Adds or replaces articles (by slug); the last of duplicates in one batch wins.
   * `progress` hears the count of articles read so far, after each one.
   */
  upsert(articles: readonly IndexedArticle[], progress?: (read: number) => void): void {
    const batch = new Map<string, IndexedArticle>();
    for (const article of articles) batch.set(article.slug, article);
    for (const slug of batch.keys()) this.remove(slug);
    this.adder.addAll(batch.values(), (article) => article.slug, textOf, progress);
    for (const article of batch.values()) {
      const entry = toEntry(article);
      this.entries.set(article.slug, entry);
      const shortId = this.internals._idToShortId.get(article.slug);
      if (shortId === undefined) continue;
      entry.lengths = this.internals._fieldLength.get(shortId) ?? [];
      this.byShortId[shortId] = entry;
    }
  }

  remove(slug: string): void {
    if (!this.entries.delete(slug)) return;
    const shortId = this.internals._idToShortId.get(slug);
    if (shortId !== undefined) this.byShortId[shortId] = undefined;
    this.engine.discard(slug);
  }

  search(query: string, options: KbSearchOptions): KbHit[] {
    const minConfidence = options.minConfidence ?? 0;
    const hits: KbHit[] = [];
    for (const { slug, title, score, features, matched, solvedSimilar } of this.rank(
      query,
      options,
    )) {
      const confidence = confidenceOf(features);
      if (confidence >= minConfidence)
        hits.push({ slug, title, score, confidence, why: { matched, solvedSimilar } });
    }
    return hits;
  }

  /** The ranked hits with what their confidence is computed from (for fitting the model). */
  rank(query: string, options: KbSearchOptions): RankedHit[] {
    const parsed = parseQuery(query);
    const terms = planQuery(parsed, this.vocabulary, this.tuning);
    if (terms.length === 0) return [];
    const limit = options.limit ?? 10;
    const phrases = parsed.phrases;
    // One more than asked for: the last hit's lead over the next is part of its confidence.
    const scored = this.scorer.score(
      terms,
      this.allowedBy(options.audience, options.products),
      phrases.length > 0 ? Math.max(limit + 1, PHRASE_CANDIDATES) : limit + 1,
      terms.reduce((bits, term) => (term.required ? bits | wordBit(term.source) : bits), 0),
      this.learned.size > 0 ? this.learnedLookup : undefined,
    );
    const ranked: { entry: Entry; shortId: number; score: number }[] = [];
    for (const { shortId, score } of scored) {
      const entry = this.byShortId[shortId];
      // Not a match: BM25 goes negative for a word in more articles than the index holds
      // (postings of discarded articles linger until MiniSearch vacuums them).
      if (ranked.length > limit || score <= 0) break;
      if (!entry || (phrases.length > 0 && !this.containsPhrases(entry, phrases))) continue;
      ranked.push({ entry, shortId, score });
    }
    return describeHits({
      query,
      parsed,
      terms,
      ranked: ranked.map(({ entry, shortId, score }) => ({
        slug: entry.slug,
        title: entry.title,
        shortId,
        score,
      })),
      limit,
      information: new QueryInformation(
        parsed.terms,
        parsed.sources,
        terms,
        this.vocabulary.documentFrequency,
        Math.max(1, this.entries.size),
        this.information,
      ),
      holds: (term, shortId, strong) =>
        this.contains(term, shortId, strong ? this.strongFields : undefined),
      learned: this.learned,
    });
  }

  /**
   * Learned evidence for the scorer, by short id. In a large knowledge base a word in the
   * learned evidence of many articles is skipped, as the planner skips common words.
   */
  private readonly learnedLookup: LearnedLookup = lookupOf(
    this.learned,
    (slug) => this.internals._idToShortId.get(slug),
    (articles) =>
      this.entries.size >= this.tuning.commonTermMinArticles &&
      articles > this.tuning.commonTermShare * this.entries.size,
  );

  /** Whether the article holds the term in a field that is scored. */
  private contains(term: string, shortId: number, fields?: ReadonlySet<number>): boolean {
    const postings = this.internals._index.get(term);
    if (!postings) return false;
    for (const [fieldId, docs] of postings)
      if ((!fields || fields.has(fieldId)) && docs.has(shortId)) return true;
    return false;
  }

  private phraseTexts = new Map<Entry, string>();

  private containsPhrases(entry: Entry, phrases: readonly string[]): boolean {
    let text = this.phraseTexts.get(entry);
    if (text === undefined) {
      text = entry.text.map(normalizePhrase).join(' | ');
      if (this.phraseTexts.size >= PHRASE_TEXT_CACHE) this.phraseTexts = new Map();
      this.phraseTexts.set(entry, text);
    }
    return phrases.every((phrase) => text.includes(phrase));
  }

  private allowedBy(audience: KbAudience, products?: readonly string[]) {
    const wanted = products?.map((product) => product.toLowerCase()) ?? [];
    const byShortId = this.byShortId;
    return (shortId: number): readonly number[] | undefined => {
      const entry = byShortId[shortId];
      if (!entry || !visibleTo(entry, audience)) return undefined;
      if (wanted.length === 0 || entry.products.length === 0) return entry.lengths;
      return entry.products.some((product) => wanted.includes(product)) ? entry.lengths : undefined;
    };
  }
}

const textOf = (article: IndexedArticle, field: string): string =>
  field === 'keywords'
    ? article.keywords.join(' ')
    : (article[field as keyof IndexedArticle] as string);

const toEntry = (article: IndexedArticle): Entry => ({
  slug: article.slug,
  title: article.title,
  visibility: article.visibility,
  status: article.status,
  products: article.products.map((product) => product.product.toLowerCase()),
  text: [article.title, article.problem, article.solution],
  lengths: [],
});
