import { z } from 'zod';
import { resolveCase } from '../domain/case/status.js';
import { canSee } from '../domain/case/view.js';
import { articleSlugSchema, visibleTo } from '../domain/kb/article.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { KbArticleStore } from '../ports/knowledge-base.js';
import { actorSchema, caseRefSchema } from './shared/commands.js';
import {
  findCase,
  invalid,
  runCaseAction,
  type ActionOutcome,
  type CaseDeps,
} from './shared/case-action.js';
import { recordNothing, type RecordKbEvidence } from './shared/record-kb-evidence.js';

export const acceptKbArticleCommand = z.object({
  ref: caseRefSchema,
  actor: actorSchema,
  slug: articleSlugSchema,
});

/** The buttons reach only the requester; an agent resolves the case the usual way. */
export const CUSTOMERS_ONLY =
  'Only the customer can say whether an article answered their case; agents resolve it instead.';

export const feedbackKey = (caseId: string, slug: string): string => `${caseId}|${slug}`;

/**
 * "This solved it": the case is solved as self-service with the article as its resolution
 * (a deflection: resolution type `self-solved`), the article counts one helpful vote, and
 * the customer's words are remembered as evidence for it. A second click, or a
 * redelivered one, changes nothing and counts nothing (the evidence is keyed by case,
 * article and kind; a retry after a failed write of it records it then).
 */
export const makeAcceptKbArticle =
  (
    deps: CaseDeps & {
      readonly articles: KbArticleStore;
      readonly recordEvidence?: RecordKbEvidence;
    },
  ) =>
  async (input: unknown): Promise<Result<ActionOutcome>> => {
    const command = acceptKbArticleCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const { actor, slug } = command.data;
    if (actor.kind !== 'customer') return fail('not-allowed', CUSTOMERS_ONLY);
    const current = await findCase(deps.cases, command.data.ref);
    if (!current || !canSee(current, actor)) return fail('not-found', 'No such case.');
    const article = await deps.articles.get(slug);
    if (!article || !visibleTo(article, actor.kind === 'customer' ? 'customer' : 'staff'))
      return fail('not-found', 'No such article.');
    const recordEvidence = deps.recordEvidence ?? recordNothing;
    if (current.resolution?.type === 'self-solved') {
      if (current.resolution.article === slug) await recordEvidence(current, slug, 'solved');
      return ok({ case: current, changed: false });
    }
    // Customers may not resolve cases; the desk does it for them, and the history says so.
    const selfService = { kind: 'system', name: `${actor.name} (self-service)` } as const;
    const outcome = await runCaseAction(
      deps,
      { ref: { caseId: current.id }, actor: selfService },
      'case::resolve',
      (action) =>
        resolveCase(deps.workflow, action, {
          type: 'self-solved',
          text: `Solved with the knowledge-base article “${article.title}” (${article.slug}).`,
          article: article.slug,
          ...(article.docLinks[0] ? { docLink: article.docLinks[0] } : {}),
        }),
    );
    if (outcome.ok && outcome.value.changed) {
      await deps.articles.recordFeedbackOnce(feedbackKey(current.id, slug), slug, true);
      await recordEvidence(current, slug, 'solved');
    }
    return outcome;
  };
