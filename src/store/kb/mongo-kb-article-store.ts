import type { Collection, Connection } from 'mongoose';
import { insertOnce, KbRevision } from './kb-revisions.js';
import {
  articleSchema,
  sameContent,
  type Article,
  type ArticleDraft,
} from '../../domain/kb/article.js';
import type { KbArticleStore, KbSaveOutcome } from '../../ports/knowledge-base.js';

interface ArticleDoc extends Omit<Article, 'slug'> {
  _id: string;
}

interface FeedbackDoc {
  _id: string;
  slug: string;
  helpful: boolean;
}

/**
 * Articles keyed by slug in `_id`: FerretDB 1.x pushes only `_id` filters down, and every
 * hot lookup (import, feedback, a suggestion's details) is by slug. A revision counter in
 * `kbRevisions` lets each replica poll one document by `_id` and scan `updatedAt` only when
 * something changed (no change streams on FerretDB).
 */
export class MongoKbArticleStore implements KbArticleStore {
  private readonly articles: Collection<ArticleDoc>;
  private readonly changes: KbRevision;
  private readonly feedback: Collection<FeedbackDoc>;

  constructor(connection: Connection) {
    this.articles = connection.collection<ArticleDoc>(
      'kbArticles',
    ) as unknown as Collection<ArticleDoc>;
    this.changes = new KbRevision(connection, 'kbArticles');
    this.feedback = connection.collection<FeedbackDoc>(
      'kbFeedback',
    ) as unknown as Collection<FeedbackDoc>;
  }

  async save(draft: ArticleDraft, now: Date): Promise<KbSaveOutcome> {
    const existing = await this.get(draft.slug);
    if (existing && sameContent(existing, draft)) return { article: existing, change: 'unchanged' };
    const article: Article = {
      ...draft,
      helpful: existing?.helpful ?? 0,
      notHelpful: existing?.notHelpful ?? 0,
      updatedAt: now,
    };
    const { slug, ...rest } = article;
    await this.articles.replaceOne({ _id: slug }, rest, { upsert: true });
    await this.changes.bump();
    return { article, change: existing ? 'updated' : 'created' };
  }

  async get(slug: string): Promise<Article | undefined> {
    const doc = await this.articles.findOne({ _id: slug });
    return doc ? toArticle(doc) : undefined;
  }

  async list(): Promise<Article[]> {
    const docs = await this.articles.find({}).toArray();
    return docs.map(toArticle).sort((a, b) => a.slug.localeCompare(b.slug));
  }

  async changedSince(since: Date): Promise<Article[]> {
    const docs = await this.articles.find({ updatedAt: { $gte: since } }).toArray();
    return docs.map(toArticle);
  }

  async revision(): Promise<number> {
    return this.changes.read();
  }

  async recordFeedback(slug: string, helpful: boolean): Promise<Article | undefined> {
    // Counts do not change what the index holds, so `updatedAt` stays: no replica re-indexes.
    const doc = await this.articles.findOneAndUpdate(
      { _id: slug },
      { $inc: helpful ? { helpful: 1 } : { notHelpful: 1 } },
      { returnDocument: 'after' },
    );
    return doc ? toArticle(doc) : undefined;
  }

  async recordFeedbackOnce(key: string, slug: string, helpful: boolean): Promise<boolean> {
    if (!(await insertOnce(this.feedback, { _id: key, slug, helpful }))) return false;
    await this.recordFeedback(slug, helpful);
    return true;
  }
}

const toArticle = (doc: ArticleDoc): Article => {
  const { _id, ...rest } = doc;
  return articleSchema.parse({ ...rest, slug: _id });
};
