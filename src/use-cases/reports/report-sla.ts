import {
  attainmentEntry,
  caseMetrics,
  clockStops,
  attainmentTally,
  type SlaAttainment,
} from '../../domain/metrics/index.js';
import { ok, type Result } from '../../domain/result.js';
import { deflectionOf } from '../../domain/sla/index.js';
import type { CaseRepository } from '../../ports/case-repository.js';
import type { DirectoryRepository } from '../../ports/directory-repository.js';
import { categoryResolver, evaluateSla, type SlaDeps } from '../sla/arm-sla-timers.js';
import { parseReportCommand } from './report-period.js';

/** `report sla`: compliance per clock with every breakdown, over `days`. */
export type SlaReport = SlaAttainment & { readonly days: number };

/**
 * SLA attainment for leads: the cases opened in the last `days` and any still open, each
 * clock as of now — kept, broken, running, paused — in total and by agent, queue,
 * organization and priority (each clock where the case stood when it stopped), with the
 * clocks at risk and the broken promises still owed. Cases the customer solved with a
 * knowledge-base article are deflections, counted apart from what the desk kept.
 */
export const makeReportSla =
  (
    deps: SlaDeps & {
      readonly cases: Pick<CaseRepository, 'scanStates'>;
      readonly directory: Pick<DirectoryRepository, 'listOrganizations'>;
    },
  ) =>
  async (input: unknown): Promise<Result<SlaReport>> => {
    const now = deps.clock.now();
    const command = parseReportCommand(input, now);
    if (!command.ok) return command;
    const organizations = await deps.directory.listOrganizations();
    const names = new Map(organizations.map((o) => [o.id, o.name]));
    const categoryOf = categoryResolver(deps.workflow);
    const tally = attainmentTally(now);
    for await (const state of deps.cases.scanStates({
      unsolvedOrCreatedSince: command.value.since,
    })) {
      const deflection = deflectionOf(state);
      tally.add(
        attainmentEntry({
          case: state,
          clocks: evaluateSla(deps, state).clocks,
          organization: names.get(state.organizationId) ?? state.organizationKey,
          ...(deflection ? { deflection } : {}),
          stops: clockStops(caseMetrics(state, categoryOf, now)),
          now,
        }),
      );
    }
    return ok({ days: command.value.days, ...tally.result() });
  };
