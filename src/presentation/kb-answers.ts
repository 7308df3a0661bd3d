/**
 * The answer to `kb QUESTION` (Slack's `/support kb`, a Teams message): the best articles
 * this person may read, each with its solution, in chat-neutral words. The search and the
 * article lookup are the use cases; a person only ever sees articles visible to them.
 */
import type { Actor } from '../domain/case/types.js';
import type { Article } from '../domain/kb/article.js';
import { ok, type Result } from '../domain/result.js';
import type { KbHit } from '../ports/knowledge-base.js';

/** A chat message stays a quick read with this many articles. */
export const KB_ANSWERS = 3;
const SOLUTION_MAX = 600;
const QUESTION_MAX = 100;

export interface KbAnswerArticle {
  readonly slug: string;
  readonly title: string;
  /** The solution, cut to a readable length. */
  readonly solution: string;
  readonly docLinks: readonly string[];
}

export interface KbAnswer {
  readonly heading: string;
  readonly articles: readonly KbAnswerArticle[];
  /** Said when nothing was found; the chat adds how to open a case there. */
  readonly none?: string;
}

const cut = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

export const kbAnswerHeading = (question: string, count: number): string =>
  `Knowledge base: ${count || 'no'} article${count === 1 ? '' : 's'} for “${cut(question, QUESTION_MAX)}”`;

export interface KbAnswerDeps {
  readonly searchKb: (input: unknown) => Promise<Result<readonly KbHit[]>>;
  readonly getKbArticle: (input: unknown) => Promise<Result<Article>>;
}

export const makeAnswerKbQuestion =
  (deps: KbAnswerDeps) =>
  async (actor: Actor, question: string): Promise<Result<KbAnswer>> => {
    const found = await deps.searchKb({ actor, query: question, limit: KB_ANSWERS });
    if (!found.ok) return found;
    const articles: KbAnswerArticle[] = [];
    for (const hit of found.value) {
      // Read as this person: an article unpublished since the index was built is skipped.
      const article = await deps.getKbArticle({ actor, slug: hit.slug });
      if (!article.ok) continue;
      const { slug, title, solution, docLinks } = article.value;
      articles.push({ slug, title, solution: cut(solution, SOLUTION_MAX), docLinks });
    }
    return ok({
      heading: kbAnswerHeading(question, articles.length),
      articles,
      ...(articles.length === 0 ? { none: 'Try other words, or open a case with' } : {}),
    });
  };

export type AnswerKbQuestion = ReturnType<typeof makeAnswerKbQuestion>;
