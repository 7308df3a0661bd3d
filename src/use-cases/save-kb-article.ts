import { z } from 'zod';
import { articleDraftSchema } from '../domain/kb/article.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { Clock } from '../ports/clock.js';
import type { KbArticleStore, KbSaveOutcome } from '../ports/knowledge-base.js';
import { actorSchema } from './shared/commands.js';
import { invalid } from './shared/case-action.js';

export const saveKbArticleCommand = z.object({
  actor: actorSchema,
  article: articleDraftSchema,
});

export interface SaveKbArticleDeps {
  readonly articles: KbArticleStore;
  readonly clock: Clock;
  /** This replica's index applies the save at once (others follow by `updatedAt`). */
  readonly onSaved?: (outcome: KbSaveOutcome) => void;
}

/** Creates or updates an article by slug; saving the same article again changes nothing. */
export const makeSaveKbArticle =
  (deps: SaveKbArticleDeps) =>
  async (input: unknown): Promise<Result<KbSaveOutcome>> => {
    const command = saveKbArticleCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    if (command.data.actor.kind === 'customer')
      return fail('not-allowed', 'Only the support team writes knowledge-base articles.');
    const outcome = await deps.articles.save(command.data.article, deps.clock.now());
    deps.onSaved?.(outcome);
    return ok(outcome);
  };
