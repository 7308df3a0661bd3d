import { backlogTally, type BacklogReport } from '../../domain/metrics/index.js';
import { ok, type Result } from '../../domain/result.js';
import { languishingCheck, policyFor, type SlaConfig } from '../../domain/sla/index.js';
import type { Workflow } from '../../domain/workflow/index.js';
import type { CaseRepository } from '../../ports/case-repository.js';
import type { Clock } from '../../ports/clock.js';
import { categoryResolver } from '../sla/arm-sla-timers.js';
import { parseReportCommand } from './report-period.js';

/** `report backlog`: what is open now; `days` only names the report's window for the reader. */
export type BacklogReportValue = BacklogReport & {
  /** Status names as the workflow gives them, by id. */
  readonly statusNames: Readonly<Record<string, string>>;
};

const OPEN = ['new', 'open', 'pending-customer', 'pending-internal'] as const;

/**
 * The open cases by status, in workflow order, with their ages (from opening) in buckets,
 * and the cases sitting in a status longer than its languishing limit (the SLA section's
 * `languishing` rules, in the case's business hours). Without an SLA section nothing
 * languishes.
 */
export const makeReportBacklog =
  (deps: {
    readonly cases: Pick<CaseRepository, 'scanStates'>;
    readonly workflow: Workflow;
    readonly clock: Clock;
    readonly sla?: SlaConfig;
  }) =>
  async (input: unknown): Promise<Result<BacklogReportValue>> => {
    const now = deps.clock.now();
    const command = parseReportCommand(input, now);
    if (!command.ok) return command;
    const rules = deps.sla?.languishing ?? [];
    const tally = backlogTally({
      now,
      statusOrder: deps.workflow.statuses.map((status) => status.id),
      languishingAfter: new Map(rules.map((rule) => [rule.status, rule.after])),
    });
    const categoryOf = categoryResolver(deps.workflow);
    for await (const state of deps.cases.scanStates({ statusCategories: [...OPEN] })) {
      const check =
        deps.sla && rules.length > 0
          ? languishingCheck(state, rules, policyFor(deps.sla, state.slaPolicy).calendar)
          : undefined;
      tally.add({
        caseNumber: state.number,
        status: state.status,
        category: categoryOf(state.status),
        createdAt: state.createdAt,
        languishing: check !== undefined && check.at.getTime() <= now.getTime(),
      });
    }
    return ok({
      ...tally.result(),
      statusNames: Object.fromEntries(deps.workflow.statuses.map((s) => [s.id, s.name])),
    });
  };
