import type { Logger } from 'pino';
import type { Article } from '../domain/kb/article.js';
import type {
  KbArticleStore,
  KbHit,
  KbSaveOutcome,
  KbSearchOptions,
  KnowledgeBase,
} from '../ports/knowledge-base.js';
import { KbIndex } from './kb-index.js';
import type { KbTuning } from './query-plan.js';

export interface KbFollowerOptions {
  readonly store: KbArticleStore;
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
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;

  constructor(private readonly options: KbFollowerOptions) {}

  get size(): number {
    return this.index.size;
  }

  search(query: string, options: KbSearchOptions): readonly KbHit[] {
    return this.index.search(query, options);
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
    this.options.log.info(
      { articles: articles.length, indexed: index.size, ms: Date.now() - started },
      'knowledge base: index built',
    );
    return index;
  }

  /** Applies a save made through this replica without waiting for the next poll. */
  applySaved(outcome: KbSaveOutcome): void {
    if (outcome.change !== 'unchanged') this.apply(outcome.article);
  }

  /** One round of following; returns how many articles changed in the index. */
  async poll(): Promise<number> {
    const revision = await this.options.store.revision();
    if (revision === this.revision) return 0;
    const since = new Date(Math.max(0, this.newest - (this.options.clockSkewMs ?? 60_000)));
    const changed = await this.options.store.changedSince(since);
    this.revision = revision;
    let applied = 0;
    for (const article of changed) if (this.apply(article)) applied += 1;
    return applied;
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
