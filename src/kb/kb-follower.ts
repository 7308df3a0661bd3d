import type { Logger } from 'pino';
import type { Article } from '../domain/kb/article.js';
import {
  EVIDENCE_HORIZON_MS,
  EVIDENCE_PER_ARTICLE,
  type EvidenceRecord,
} from '../domain/kb/evidence.js';
import type { KbEvidenceStore } from '../ports/kb-evidence-store.js';
import type {
  KbArticleStore,
  KbHit,
  KbSaveOutcome,
  KbSearchOptions,
  KnowledgeBase,
} from '../ports/knowledge-base.js';
import { KbIndex } from './kb-index.js';
import type { LearnedEvidence } from './learned-evidence.js';
import type { KbTuning } from './query-plan.js';

export interface KbFollowerOptions {
  readonly store: KbArticleStore;
  /** Learned evidence (customers' words per article): loaded at start, followed like articles. */
  readonly evidence?: KbEvidenceStore;
  readonly log: Pick<Logger, 'info' | 'error'>;
  readonly tuning?: Partial<KbTuning>;
  /** Re-read this far behind the newest `updatedAt` seen: other replicas' clocks drift. */
  readonly clockSkewMs?: number;
}

const LOAD_PROGRESS_EVERY = 5_000;

/**
 * Keeps this replica's in-memory index equal to `kbArticles`: builds it at start, applies
 * this replica's own saves at once (`applySaved`), and follows other replicas' saves by
 * polling — one `_id` read of the revision counter, and a scan by `updatedAt` only when it
 * moved (FerretDB has no change streams). Only published articles are indexed.
 */
export class KbFollower implements KnowledgeBase {
  private index = new KbIndex();
  private readonly seen = new Map<string, number>();
  private newest = 0;
  private revision = -1;
  private evidenceRevision = -1;
  private newestEvidence = 0;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;

  constructor(private readonly options: KbFollowerOptions) {}

  get size(): number {
    return this.index.size;
  }

  /** What the current index has learned from use. */
  get learned(): LearnedEvidence {
    return this.index.learned;
  }

  search(query: string, options: KbSearchOptions): readonly KbHit[] {
    return this.index.search(query, options);
  }

  /** Records this replica stored, learned at once (others' come with the next poll). */
  learn(records: readonly EvidenceRecord[]): number {
    for (const record of records)
      this.newestEvidence = Math.max(this.newestEvidence, record.at.getTime());
    return this.index.learn(records);
  }

  async load(): Promise<KbIndex> {
    const started = Date.now();
    this.revision = await this.options.store.revision();
    const articles = await this.options.store.list();
    const published = articles.filter((article) => article.status === 'published');
    const index = new KbIndex(this.options.tuning, published.length);
    // One batch: the builder writes each term's postings in one go (in 5,000-article
    // batches the 50k build took about half as long again).
    index.upsert(published, (read) => {
      if (read % LOAD_PROGRESS_EVERY === 0)
        this.options.log.info({ read, of: published.length }, 'knowledge base: indexing');
    });
    this.index = index;
    for (const article of articles) this.remember(article);
    const learned = await this.loadEvidence();
    this.options.log.info(
      { articles: articles.length, indexed: index.size, learned, ms: Date.now() - started },
      'knowledge base: index built',
    );
    return index;
  }

  private async loadEvidence(): Promise<number> {
    const store = this.options.evidence;
    if (!store) return 0;
    this.evidenceRevision = await store.revision();
    const since = new Date(Date.now() - EVIDENCE_HORIZON_MS);
    this.learn(await store.recent(EVIDENCE_PER_ARTICLE, since));
    return this.index.learned.size;
  }

  /** Applies a save made through this replica without waiting for the next poll. */
  applySaved(outcome: KbSaveOutcome): void {
    if (outcome.change !== 'unchanged') this.apply(outcome.article);
  }

  /** One round of following; returns how many articles changed in the index. */
  async poll(): Promise<number> {
    const applied = await this.pollArticles();
    await this.pollEvidence();
    return applied;
  }

  private async pollArticles(): Promise<number> {
    const revision = await this.options.store.revision();
    if (revision === this.revision) return 0;
    const since = new Date(Math.max(0, this.newest - this.skewMs()));
    const changed = await this.options.store.changedSince(since);
    this.revision = revision;
    let applied = 0;
    for (const article of changed) if (this.apply(article)) applied += 1;
    return applied;
  }

  /** Other replicas' new evidence; returns how many records changed what the index holds. */
  async pollEvidence(): Promise<number> {
    const store = this.options.evidence;
    if (!store) return 0;
    const revision = await store.revision();
    // Nothing new: what is held still fades with time (a no-op within a day).
    if (revision === this.evidenceRevision) return this.index.learn([]);
    const since = new Date(Math.max(0, this.newestEvidence - this.skewMs()));
    const records = await store.changedSince(since);
    this.evidenceRevision = revision;
    return this.learn(records);
  }

  private skewMs(): number {
    return this.options.clockSkewMs ?? 60_000;
  }

  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => {
      if (this.polling) return; // a slow database: never two polls at once
      this.polling = this.poll()
        .then(() => undefined)
        .catch((error: unknown) =>
          this.options.log.error({ err: error }, 'knowledge base: sync failed'),
        )
        .finally(() => {
          this.polling = undefined;
        });
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.polling;
  }

  private apply(article: Article): boolean {
    const at = article.updatedAt.getTime();
    if (this.seen.get(article.slug) === at) return false;
    this.remember(article);
    if (article.status === 'published') this.index.upsert([article]);
    else this.index.remove(article.slug);
    return true;
  }

  private remember(article: Article): void {
    const at = article.updatedAt.getTime();
    this.seen.set(article.slug, at);
    if (at > this.newest) this.newest = at;
  }
}
