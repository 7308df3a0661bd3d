import { z } from 'zod';
import { fail, ok, type Result } from '../domain/result.js';
import type { CaseRepository } from '../ports/case-repository.js';
import type { Clock } from '../ports/clock.js';
import type { CaseGrouper, CaseText, KnowledgeBase } from '../ports/knowledge-base.js';
import { actorSchema } from './shared/commands.js';
import { invalid } from './shared/case-action.js';

export const reportRecurringCommand = z.object({
  actor: actorSchema,
  days: z.number().int().min(1).max(365).default(7),
});

export interface RecurringGroup {
  /** The article that best answers most cases of the group, if the KB has one. */
  readonly articleSlug?: string;
  readonly cases: readonly {
    readonly number: string;
    readonly title: string;
    readonly status: string;
    readonly createdAt: Date;
  }[];
}

const MAX_CASES = 5_000;

/**
 * Recurring problems: cases opened in the last `days` (and any still open) that look
 * alike — by the same KB article answering them best, or by finding each other — grouped,
 * largest first. Staff only: the report shows every organization's cases.
 */
export const makeReportRecurringProblems =
  (deps: {
    readonly cases: Pick<CaseRepository, 'listStates'>;
    readonly knowledgeBase: KnowledgeBase;
    readonly grouper: CaseGrouper;
    readonly clock: Clock;
  }) =>
  async (input: unknown): Promise<Result<RecurringGroup[]>> => {
    const command = reportRecurringCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    if (command.data.actor.kind === 'customer')
      return fail('not-allowed', 'Reports are for the support team.');
    const since = deps.clock.now().getTime() - command.data.days * 86_400_000;
    // Asked of the database, so a large desk's oldest cases do not crowd out the recent;
    // whole cases in one query, since the description is part of what a case is about.
    const recent = await deps.cases.listStates({
      unsolvedOrCreatedSince: new Date(since),
      limit: MAX_CASES,
    });
    const texts: CaseText[] = [];
    for (const state of recent) {
      const text = `${state.title}\n${state.description ?? ''}`.replaceAll('"', ' ');
      const [best] = deps.knowledgeBase.search(text, { audience: 'staff', limit: 1 });
      texts.push({ id: state.id, text, ...(best ? { articleSlug: best.slug } : {}) });
    }
    const byId = new Map(recent.map((state) => [state.id, state]));
    const articleOf = new Map(texts.map((text) => [text.id, text.articleSlug]));
    return ok(
      deps.grouper.group(texts).map((ids) => {
        const slugs = ids.map((id) => articleOf.get(id)).filter((slug) => slug !== undefined);
        const articleSlug = mostCommon(slugs);
        return {
          ...(articleSlug ? { articleSlug } : {}),
          cases: ids
            .map((id) => byId.get(id))
            .filter((state) => state !== undefined)
            .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
            .map(({ number, title, status, createdAt }) => ({ number, title, status, createdAt })),
        };
      }),
    );
  };

const mostCommon = (values: readonly string[]): string | undefined => {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
};
