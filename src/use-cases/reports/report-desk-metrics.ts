import { caseMetrics, deskMetricsTally, type DeskMetrics } from '../../domain/metrics/index.js';
import { ok, type Result } from '../../domain/result.js';
import type { Workflow } from '../../domain/workflow/index.js';
import type { CaseRepository } from '../../ports/case-repository.js';
import type { Clock } from '../../ports/clock.js';
import { categoryResolver } from '../sla/arm-sla-timers.js';
import { parseReportCommand } from './report-period.js';

/** `report metrics`: the desk's figures over the last `days`. */
export type DeskMetricsReport = DeskMetrics & { readonly days: number };

/**
 * Reopen rate, first-contact resolution, KB deflection rate, first reply and resolution
 * times (median and 90th percentile) and the time logged per agent, over the last `days`.
 * Whatever happened in the period touched its case, so the cases updated since its
 * start are all the figures need.
 */
export const makeReportDeskMetrics =
  (deps: {
    readonly cases: Pick<CaseRepository, 'scanStates'>;
    readonly workflow: Workflow;
    readonly clock: Clock;
  }) =>
  async (input: unknown): Promise<Result<DeskMetricsReport>> => {
    const now = deps.clock.now();
    const command = parseReportCommand(input, now);
    if (!command.ok) return command;
    const categoryOf = categoryResolver(deps.workflow);
    const tally = deskMetricsTally(command.value.since, now);
    for await (const state of deps.cases.scanStates({ updatedSince: command.value.since }))
      tally.add(caseMetrics(state, categoryOf, now));
    return ok({ days: command.value.days, ...tally.result() });
  };
