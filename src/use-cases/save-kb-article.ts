import { z } from 'zod';
import { articleDraftSchema } from '../domain/kb/article.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { Clock } from '../ports/clock.js';
import type { KbArticleStore, KbSaveOutcome } from '../ports/knowledge-base.js';
import { actorSchema } from './shared/commands.js';
import { findCase, invalid } from './shared/case-action.js';
import type { RecordKbEvidence } from './shared/record-kb-evidence.js';
import type { CaseRepository } from '../ports/case-repository.js';

export const saveKbArticleCommand = z.object({
  actor: actorSchema,
  article: articleDraftSchema,
});

export interface SaveKbArticleDeps {
  readonly articles: KbArticleStore;
  readonly clock: Clock;
  /** This replica's index applies the save at once (others follow by `updatedAt`). */
  readonly onSaved?: (outcome: KbSaveOutcome) => void;
  /** With `cases`: an article saved from a case learns that case's words. */
  readonly recordEvidence?: RecordKbEvidence;
  readonly cases?: CaseRepository;
}

/**
 * Creates or updates an article by slug; saving the same article again changes nothing.
 * An article saved from a case (`sourceCase`) remembers the customer's words of that case
 * as evidence, as they wrote them: the article's own problem text is often edited.
 */
export const makeSaveKbArticle =
  (deps: SaveKbArticleDeps) =>
  async (input: unknown): Promise<Result<KbSaveOutcome>> => {
    const command = saveKbArticleCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    if (command.data.actor.kind === 'customer')
      return fail('not-allowed', 'Only the support team writes knowledge-base articles.');
    const outcome = await deps.articles.save(command.data.article, deps.clock.now());
    deps.onSaved?.(outcome);
    const sourceCase = outcome.article.sourceCase;
    if (sourceCase && deps.cases && deps.recordEvidence) {
      const source = await findCase(deps.cases, { caseNumber: sourceCase });
      if (source) await deps.recordEvidence(source, outcome.article.slug, 'saved');
    }
    return ok(outcome);
  };
