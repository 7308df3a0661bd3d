import { z } from 'zod';
import { hasPermission } from '../domain/permissions.js';
import { fail, ok, type Result } from '../domain/result.js';
import { statusById, type Workflow } from '../domain/workflow/index.js';
import type { CaseRepository, CaseSummary } from '../ports/case-repository.js';
import type { Clock } from '../ports/clock.js';
import { actorSchema } from './shared/commands.js';
import { invalid } from './shared/case-action.js';

/**
 * INTERIM: open cases by status and age, enough for the chat card and the desk page until
 * the backlog metric of src/domain/metrics (age buckets, languishing statuses) replaces
 * it. Swap `interimBacklogByStatusAndAge` and this use case for that one; the card reads
 * only `InterimBacklog`.
 */
export const reportInterimBacklogCommand = z.object({ actor: actorSchema });

const OPEN = ['new', 'open', 'pending-customer', 'pending-internal'] as const;
const MAX_CASES = 20_000;
const DAY_MS = 86_400_000;

/** Upper bounds in days; the last bucket is everything older. */
export const INTERIM_AGE_BUCKETS = [
  { label: 'under 1 day', belowDays: 1 },
  { label: '1–3 days', belowDays: 3 },
  { label: '3–7 days', belowDays: 7 },
  { label: '7–30 days', belowDays: 30 },
  { label: '30 days or more', belowDays: Infinity },
] as const;

export interface InterimBacklogRow {
  readonly status: string;
  readonly name: string;
  readonly open: number;
  /** Counts per INTERIM_AGE_BUCKETS entry, by age since the case was opened. */
  readonly byAge: readonly number[];
}

export interface InterimBacklog {
  readonly open: number;
  readonly byStatus: readonly InterimBacklogRow[];
  readonly byAge: readonly number[];
  readonly oldest?: { readonly caseNumber: string; readonly days: number } | undefined;
}

const bucketOf = (ageMs: number): number =>
  INTERIM_AGE_BUCKETS.findIndex((bucket) => ageMs < bucket.belowDays * DAY_MS);

/** Pure: the open cases given, by status in the workflow's order, and by age. */
export const interimBacklogByStatusAndAge = (
  open: readonly Pick<CaseSummary, 'number' | 'status' | 'createdAt'>[],
  workflow: Workflow,
  now: Date,
): InterimBacklog => {
  const zero = () => INTERIM_AGE_BUCKETS.map(() => 0);
  const rows = new Map<string, number[]>();
  const all = zero();
  let oldest: (typeof open)[number] | undefined;
  for (const c of open) {
    const bucket = bucketOf(Math.max(0, now.getTime() - c.createdAt.getTime()));
    const row = rows.get(c.status) ?? zero();
    row[bucket]! += 1;
    all[bucket]! += 1;
    rows.set(c.status, row);
    if (!oldest || c.createdAt < oldest.createdAt) oldest = c;
  }
  const order = (status: string) => {
    const index = workflow.statuses.findIndex((s) => s.id === status);
    return index < 0 ? workflow.statuses.length : index;
  };
  return {
    open: open.length,
    byStatus: [...rows.entries()]
      .sort(([a], [b]) => order(a) - order(b))
      .map(([status, byAge]) => ({
        status,
        name: statusById(workflow, status)?.name ?? status,
        open: byAge.reduce((sum, n) => sum + n, 0),
        byAge,
      })),
    byAge: all,
    oldest: oldest && {
      caseNumber: oldest.number,
      days: Math.floor((now.getTime() - oldest.createdAt.getTime()) / DAY_MS),
    },
  };
};

/** The open backlog now; for leads and admins (it spans every queue and organization). */
export const makeReportInterimBacklog =
  (deps: {
    readonly cases: Pick<CaseRepository, 'list'>;
    readonly workflow: Workflow;
    readonly clock: Clock;
  }) =>
  async (input: unknown): Promise<Result<InterimBacklog>> => {
    const command = reportInterimBacklogCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const { actor } = command.data;
    if (
      actor.kind === 'customer' ||
      (actor.kind === 'staff' && !hasPermission(actor.role, 'report::view'))
    )
      return fail('not-allowed', 'Reports are for leads and admins.');
    const open = await deps.cases.list({ statusCategories: [...OPEN], limit: MAX_CASES });
    return ok(interimBacklogByStatusAndAge(open, deps.workflow, deps.clock.now()));
  };
