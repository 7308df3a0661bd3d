import { z } from 'zod';
import type { KbAudience } from '../domain/kb/article.js';
import { ok, type Result } from '../domain/result.js';
import type { KbHit, KnowledgeBase } from '../ports/knowledge-base.js';
import { actorSchema } from './shared/commands.js';
import { invalid } from './shared/case-action.js';

export const searchKbCommand = z.object({
  actor: actorSchema,
  query: z.string().trim().min(1, 'say what to look for').max(1_000),
  products: z.array(z.string().trim().min(1).max(80)).max(20).optional(),
  limit: z.number().int().min(1).max(50).default(10),
  minConfidence: z.number().min(0).max(1).optional(),
});

/** Searches the knowledge base as this actor may: customers see published public articles. */
export const makeSearchKb =
  (deps: { readonly knowledgeBase: KnowledgeBase }) =>
  async (input: unknown): Promise<Result<readonly KbHit[]>> => {
    const command = searchKbCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const { actor, query, products, limit, minConfidence } = command.data;
    const audience: KbAudience = actor.kind === 'customer' ? 'customer' : 'staff';
    return ok(
      deps.knowledgeBase.search(query, {
        audience,
        limit,
        ...(products ? { products } : {}),
        ...(minConfidence !== undefined ? { minConfidence } : {}),
      }),
    );
  };
