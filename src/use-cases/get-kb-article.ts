import { z } from 'zod';
import { articleSlugSchema, visibleTo, type Article } from '../domain/kb/article.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { KbArticleStore } from '../ports/knowledge-base.js';
import { actorSchema } from './shared/commands.js';
import { invalid } from './shared/case-action.js';

export const getKbArticleCommand = z.object({ actor: actorSchema, slug: articleSlugSchema });

/** One article as this actor may read it: customers only published public ones. */
export const makeGetKbArticle =
  (deps: { readonly articles: KbArticleStore }) =>
  async (input: unknown): Promise<Result<Article>> => {
    const command = getKbArticleCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const article = await deps.articles.get(command.data.slug);
    const customer = command.data.actor.kind === 'customer';
    if (!article || (customer && !visibleTo(article, 'customer')))
      return fail('not-found', 'No such article.');
    return ok(article);
  };
