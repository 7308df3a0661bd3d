import { z } from 'zod';
import { canSee } from '../domain/case/view.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { CaseRepository } from '../ports/case-repository.js';
import type { KbArticleStore } from '../ports/knowledge-base.js';
import { articleSlugSchema } from '../domain/kb/article.js';
import { actorSchema, caseRefSchema } from './shared/commands.js';
import { findCase, invalid } from './shared/case-action.js';
import { CUSTOMERS_ONLY, feedbackKey } from './accept-kb-article.js';
import { recordNothing, type RecordKbEvidence } from './shared/record-kb-evidence.js';

export const declineKbArticlesCommand = z.object({
  ref: caseRefSchema,
  actor: actorSchema,
  slugs: z.array(articleSlugSchema).min(1).max(10),
});

/**
 * "Still need help": each suggested article counts one not-helpful vote, once per case,
 * and the customer's words count against it as evidence (once per case and article).
 */
export const makeDeclineKbArticles =
  (deps: {
    readonly cases: CaseRepository;
    readonly articles: KbArticleStore;
    readonly recordEvidence?: RecordKbEvidence;
  }) =>
  async (input: unknown): Promise<Result<{ counted: number }>> => {
    const command = declineKbArticlesCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    if (command.data.actor.kind !== 'customer') return fail('not-allowed', CUSTOMERS_ONLY);
    const current = await findCase(deps.cases, command.data.ref);
    if (!current || !canSee(current, command.data.actor)) return fail('not-found', 'No such case.');
    const recordEvidence = deps.recordEvidence ?? recordNothing;
    let counted = 0;
    for (const slug of new Set(command.data.slugs)) {
      if (!(await deps.articles.get(slug))) continue;
      if (await deps.articles.recordFeedbackOnce(feedbackKey(current.id, slug), slug, false))
        counted += 1;
      await recordEvidence(current, slug, 'declined');
    }
    return ok({ counted });
  };
