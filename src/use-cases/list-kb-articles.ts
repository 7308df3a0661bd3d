import { z } from 'zod';
import type { Article } from '../domain/kb/article.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { KbArticleStore } from '../ports/knowledge-base.js';
import { actorSchema } from './shared/commands.js';
import { invalid } from './shared/case-action.js';

export const listKbArticlesCommand = z.object({ actor: actorSchema });

/** Every article with its text, drafts and internal ones included: staff only (export). */
export const makeListKbArticles =
  (deps: { readonly articles: KbArticleStore }) =>
  async (input: unknown): Promise<Result<Article[]>> => {
    const command = listKbArticlesCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    if (command.data.actor.kind === 'customer')
      return fail('not-allowed', 'Customers cannot export the knowledge base.');
    return ok(await deps.articles.list());
  };
