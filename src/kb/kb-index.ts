import MiniSearch from 'minisearch';
import { visibleTo, type Article, type KbAudience } from '../domain/kb/article.js';
import type { KbHit, KbSearchOptions, KnowledgeBase } from '../ports/knowledge-base.js';
import { analyze, normalizePhrase, parseQuery } from './analyze.js';
import { planQuery, type KbTuning, DEFAULT_TUNING } from './query-plan.js';

type IndexedArticle = Pick<
  Article,
  'slug' | 'title' | 'problem' | 'solution' | 'keywords' | 'products' | 'visibility' | 'status'
>;

interface Entry {
  readonly title: string;
  readonly visibility: Article['visibility'];
  readonly status: Article['status'];
  /** Lower-cased product names; empty means "applies to every product". */
  readonly products: readonly string[];
  /** Kept for quoted-phrase checks only: references to the article's own strings. */
  readonly text: readonly string[];
}

const FIELDS = ['title', 'keywords', 'problem', 'solution'] as const;

/**
 * The KnowledgeBase port over MiniSearch. Articles go in already analysed (stop words,
 * stems), so MiniSearch's own term processing is the identity; every query is planned by
 * `planQuery` first, which decides per term whether it is fuzzy, prefixed or skipped —
 * that, not MiniSearch's defaults, is what keeps p99 within target at 50k articles.
 */
export class KbIndex implements KnowledgeBase {
  private readonly entries = new Map<string, Entry>();
  private readonly search_: MiniSearch<IndexedArticle>;
  private readonly tuning: KbTuning;

  constructor(tuning: Partial<KbTuning> = {}) {
    this.tuning = { ...DEFAULT_TUNING, ...tuning };
    this.search_ = new MiniSearch<IndexedArticle>({
      idField: 'slug',
      fields: [...FIELDS],
      storeFields: [],
      extractField: (article, field) =>
        field === 'keywords'
          ? article.keywords.join(' ')
          : (article[field as keyof IndexedArticle] as string),
      tokenize: analyze,
      processTerm: (term) => term,
      searchOptions: {
        tokenize: (text) => text.split(' '),
        processTerm: (term) => term,
        boost: { ...this.tuning.boost },
        weights: { fuzzy: this.tuning.fuzzyWeight, prefix: this.tuning.prefixWeight },
        maxFuzzy: 2,
      },
    });
  }

  get size(): number {
    return this.entries.size;
  }

  /** Adds or replaces articles (by slug). */
  upsert(articles: readonly IndexedArticle[]): void {
    const fresh: IndexedArticle[] = [];
    for (const article of articles) {
      if (this.entries.has(article.slug)) this.search_.discard(article.slug);
      this.entries.set(article.slug, toEntry(article));
      fresh.push(article);
    }
    this.search_.addAll(fresh);
  }

  remove(slug: string): void {
    if (!this.entries.delete(slug)) return;
    this.search_.discard(slug);
  }

  has(slug: string): boolean {
    return this.entries.has(slug);
  }

  search(query: string, options: KbSearchOptions): KbHit[] {
    const parsed = parseQuery(query);
    const plan = planQuery(parsed, (term) => this.documentFrequency(term), this.size, this.tuning);
    if (plan.terms.length === 0) return [];
    const allowed = this.allowedBy(options.audience, options.products);
    const phraseOk = parsed.phrases.length > 0 ? this.phraseMatches(parsed) : undefined;
    const results = this.search_.search(plan.terms.map((term) => term.term).join(' '), {
      fuzzy: (_term, i) => plan.terms[i]?.fuzzy ?? false,
      prefix: (_term, i) => plan.terms[i]?.prefix ?? false,
      boostDocument: (slug) =>
        allowed(slug as string) && (phraseOk === undefined || phraseOk.has(slug as string)) ? 1 : 0,
    });
    const minScore = options.minScore ?? 0;
    const limit = options.limit ?? 10;
    const hits: KbHit[] = [];
    for (const result of results) {
      if (hits.length >= limit || result.score < minScore) break;
      const entry = this.entries.get(result.id as string);
      if (entry) hits.push({ slug: result.id as string, title: entry.title, score: result.score });
    }
    return hits;
  }

  private allowedBy(audience: KbAudience, products?: readonly string[]) {
    const wanted = products?.map((product) => product.toLowerCase());
    return (slug: string): boolean => {
      const entry = this.entries.get(slug);
      if (!entry || !visibleTo(entry, audience)) return false;
      if (!wanted || wanted.length === 0 || entry.products.length === 0) return true;
      return entry.products.some((product) => wanted.includes(product));
    };
  }

  /** Articles containing every quoted phrase word for word (checked on AND candidates). */
  private phraseMatches(parsed: ReturnType<typeof parseQuery>): Set<string> {
    const candidates = this.search_.search([...parsed.exactTerms].join(' '), {
      combineWith: 'AND',
      fuzzy: false,
      prefix: false,
    });
    const matches = new Set<string>();
    for (const candidate of candidates) {
      const entry = this.entries.get(candidate.id as string);
      if (!entry) continue;
      const text = entry.text.map(normalizePhrase).join(' | ');
      if (parsed.phrases.every((phrase) => text.includes(phrase)))
        matches.add(candidate.id as string);
    }
    return matches;
  }

  /**
   * Articles containing `term` in their most common field. MiniSearch keeps this in its
   * term index but has no public accessor; reading it saves a second vocabulary map of the
   * same size. Pinned to minisearch 7.2.0 (test/unit/kb/kb-index.test.ts guards it).
   */
  private documentFrequency(term: string): number {
    const internals = this.search_ as unknown as {
      _index: { get(term: string): Map<number, Map<number, number>> | undefined };
    };
    const fields = internals._index.get(term);
    if (!fields) return 0;
    let most = 0;
    for (const docs of fields.values()) most = Math.max(most, docs.size);
    return most;
  }
}

const toEntry = (article: IndexedArticle): Entry => ({
  title: article.title,
  visibility: article.visibility,
  status: article.status,
  products: article.products.map((product) => product.product.toLowerCase()),
  text: [article.title, article.problem, article.solution],
});
