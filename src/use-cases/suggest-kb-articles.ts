import { z } from 'zod';
import { canSee } from '../domain/case/view.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { CaseState } from '../domain/case/types.js';
import type { CaseRepository } from '../ports/case-repository.js';
import type { KbHit, KnowledgeBase } from '../ports/knowledge-base.js';
import { actorSchema, caseRefSchema } from './shared/commands.js';
import { findCase, invalid } from './shared/case-action.js';

export const suggestKbArticlesCommand = z.object({ ref: caseRefSchema, actor: actorSchema });

export const MAX_SUGGESTIONS = 3;

/** The articles a customer is offered for a case: from its title and description, for its product. */
export const suggestionsFor = (
  knowledgeBase: KnowledgeBase,
  found: Pick<CaseState, 'title' | 'description' | 'productKey'>,
  minConfidence: number,
): readonly KbHit[] =>
  // A customer's quotes are emphasis, not phrase syntax.
  knowledgeBase.search(`${found.title}\n${found.description}`.replaceAll('"', ' '), {
    audience: 'customer',
    limit: MAX_SUGGESTIONS,
    minConfidence,
    ...(found.productKey ? { products: [found.productKey] } : {}),
  });

/**
 * Up to three published public articles for a case, from its title and description, for
 * the case's product; only those at least `minConfidence` likely to answer it (below it a suggestion is
 * more likely noise than help — see README "Knowledge base" for how it was chosen).
 */
export const makeSuggestKbArticles =
  (deps: {
    readonly cases: CaseRepository;
    readonly knowledgeBase: KnowledgeBase;
    readonly minConfidence: number;
  }) =>
  async (input: unknown): Promise<Result<readonly KbHit[]>> => {
    const command = suggestKbArticlesCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const found = await findCase(deps.cases, command.data.ref);
    if (!found || !canSee(found, command.data.actor)) return fail('not-found', 'No such case.');
    return ok(suggestionsFor(deps.knowledgeBase, found, deps.minConfidence));
  };
