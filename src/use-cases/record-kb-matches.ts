import { z } from 'zod';
import { recordKbMatches } from '../domain/kb/matches.js';
import { fail, type Result } from '../domain/result.js';
import type { KnowledgeBase, SimilarCases } from '../ports/knowledge-base.js';
import { caseRefSchema } from './shared/commands.js';
import {
  findCase,
  invalid,
  runCaseAction,
  type ActionOutcome,
  type CaseDeps,
} from './shared/case-action.js';
import { suggestionsFor } from './suggest-kb-articles.js';

export const recordKbMatchesCommand = z.object({ ref: caseRefSchema });

const MAX_SIMILAR = 5;
const KNOWLEDGE_BASE = { kind: 'system', name: 'Knowledge base' } as const;

/**
 * At intake: the articles a customer would be offered and the open or recent cases this
 * one looks like ("Looks like CASE-1040 and 2 others"), recorded on the case for the
 * agent card. Compares titles, so it stays cheap however long descriptions are; the
 * open and recent cases are this replica's index of them (`SimilarCases`), not a query.
 */
export const makeRecordKbMatches =
  (
    deps: CaseDeps & {
      readonly knowledgeBase: KnowledgeBase;
      readonly similarCases: SimilarCases;
      readonly minScore: number;
    },
  ) =>
  async (input: unknown): Promise<Result<ActionOutcome>> => {
    const command = recordKbMatchesCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const current = await findCase(deps.cases, command.data.ref);
    if (!current) return fail('not-found', 'No such case.');
    const articles = suggestionsFor(deps.knowledgeBase, current, deps.minScore);
    const similarCases = (await deps.similarCases.similarTo(current)).slice(0, MAX_SIMILAR);
    return runCaseAction(
      deps,
      { ref: { caseId: current.id }, actor: KNOWLEDGE_BASE },
      'case::note',
      (action) =>
        recordKbMatches(action, {
          articles: articles.map((hit) => ({ slug: hit.slug, title: hit.title })),
          similarCases,
        }),
    );
  };
