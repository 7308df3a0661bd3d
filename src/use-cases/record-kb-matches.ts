import { z } from 'zod';
import { recordKbMatches } from '../domain/kb/matches.js';
import { fail, type Result } from '../domain/result.js';
import type { CaseGrouper, KnowledgeBase } from '../ports/knowledge-base.js';
import { caseRefSchema } from './shared/commands.js';
import {
  findCase,
  invalid,
  runCaseAction,
  type ActionOutcome,
  type CaseDeps,
} from './shared/case-action.js';
import { MAX_SUGGESTIONS } from './suggest-kb-articles.js';

export const recordKbMatchesCommand = z.object({ ref: caseRefSchema });

const RECENT_DAYS = 7;
const MAX_SIMILAR = 5;
const KNOWLEDGE_BASE = { kind: 'system', name: 'Knowledge base' } as const;

/**
 * At intake: the articles a customer would be offered and the open or recent cases this
 * one looks like ("Looks like CASE-1040 and 2 others"), recorded on the case for the
 * agent card. Compares titles, so it stays cheap however long descriptions are.
 */
export const makeRecordKbMatches =
  (
    deps: CaseDeps & {
      readonly knowledgeBase: KnowledgeBase;
      readonly grouper: CaseGrouper;
      readonly minScore: number;
    },
  ) =>
  async (input: unknown): Promise<Result<ActionOutcome>> => {
    const command = recordKbMatchesCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const current = await findCase(deps.cases, command.data.ref);
    if (!current) return fail('not-found', 'No such case.');
    const articles = deps.knowledgeBase.search(
      `${current.title}\n${current.description}`.replaceAll('"', ' '),
      {
        audience: 'customer',
        limit: MAX_SUGGESTIONS,
        minScore: deps.minScore,
        ...(current.productKey ? { products: [current.productKey] } : {}),
      },
    );
    // Open cases and the last week's, in one query the database filters (taking the
    // first 2,000 of all cases, sorted oldest first, left recent ones out).
    const since = new Date(deps.clock.now().getTime() - RECENT_DAYS * 86_400_000);
    const recent = (await deps.cases.list({ unsolvedOrCreatedSince: since, limit: 2_000 })).filter(
      (c) => c.id !== current.id,
    );
    const numberOf = new Map(recent.map((c) => [c.id, c.number]));
    const similarCases = deps.grouper
      .similarTo(
        { id: current.id, text: current.title },
        recent.map((c) => ({ id: c.id, text: c.title })),
      )
      .slice(0, MAX_SIMILAR)
      .flatMap((id) => numberOf.get(id) ?? []);
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
