import type { Article, ArticleDraft, KbAudience } from '../domain/kb/article.js';
import type { StatusCategory } from '../domain/workflow/index.js';

export interface KbSearchOptions {
  readonly audience: KbAudience;
  /** Keep articles for these products (and articles that name no product). */
  readonly products?: readonly string[];
  readonly limit?: number;
  /** Drop hits less likely than this to answer the question (see `KbHit.confidence`). */
  readonly minConfidence?: number;
}

export interface KbHit {
  readonly slug: string;
  readonly title: string;
  /** Relevance for ranking; comparable within one index and one query only. */
  readonly score: number;
  /**
   * How likely the article is the answer, in [0, 1]: calibrated so one threshold means the
   * same on a 60-article and a 50,000-article knowledge base (src/kb/confidence.ts).
   */
  readonly confidence: number;
  /** Why it was suggested, for the agent card ("matched: hold, upgrade; solved 7 similar questions"). */
  readonly why?: KbHitReason;
}

export interface KbHitReason {
  /** The question's words, as the customer wrote them, that the article matched. */
  readonly matched: readonly string[];
  /** Solved questions like this one the article answered (evidence learned from use). */
  readonly solvedSimilar: number;
}

/** The search side: an in-memory index per replica, fed from `KbArticleStore`. */
export interface KnowledgeBase {
  search(query: string, options: KbSearchOptions): readonly KbHit[];
}

export interface KbSaveOutcome {
  readonly article: Article;
  readonly change: 'created' | 'updated' | 'unchanged';
}

/** Persistence of articles (MongoDB `kbArticles`); the source of truth for every index. */
export interface KbArticleStore {
  /** Creates or replaces by slug; an identical article is left alone (idempotent import). */
  save(draft: ArticleDraft, now: Date): Promise<KbSaveOutcome>;
  get(slug: string): Promise<Article | undefined>;
  list(): Promise<Article[]>;
  /** Articles changed at or after `since` (replicas follow `updatedAt`). */
  changedSince(since: Date): Promise<Article[]>;
  /** A cheap token that changes whenever any article changes: lets followers skip scans. */
  revision(): Promise<number>;
  recordFeedback(slug: string, helpful: boolean): Promise<Article | undefined>;
  /**
   * Counts feedback once per `key` (e.g. case + article): a double click or a redelivered
   * interaction counts nothing more. Returns whether this call counted.
   */
  recordFeedbackOnce(key: string, slug: string, helpful: boolean): Promise<boolean>;
}

export interface CaseText {
  readonly id: string;
  /** What the case is about: its title and the customer's description. */
  readonly text: string;
  /** The knowledge-base article that best answers it, if any: a shared one links cases. */
  readonly articleSlug?: string;
}

/** Groups cases that describe the same problem (the KB's search machinery, on cases). */
export interface CaseGrouper {
  /** Groups of two or more case ids, largest first; a case is in at most one group. */
  group(cases: readonly CaseText[]): string[][];
}

/** A case as the similar-case search sees it. */
export interface CaseHeadline {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly statusCategory: StatusCategory;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/**
 * Open and recent cases that look like a new one ("Looks like CASE-1040 and 2 others"):
 * this replica's index of them, kept in step with the database.
 */
export interface SimilarCases {
  /** Numbers of the open or recent cases that look like `target`, most alike first. */
  similarTo(target: CaseHeadline): Promise<string[]>;
}
