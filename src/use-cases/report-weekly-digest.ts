import type { CsatReport } from '../domain/case/csat-report.js';
import type { CaseState } from '../domain/case/types.js';
import { backlogAge } from '../domain/digest/backlog-age.js';
import { digestWeekAt, type DigestTarget, type DigestWeek } from '../domain/digest/schedule.js';
import { weeklyFlow } from '../domain/digest/weekly-flow.js';
import type { WeeklyDigestReport } from '../domain/digest/report.js';
import type { Result } from '../domain/result.js';
import {
  CLOCK_KINDS,
  deflectionOf,
  tallyCompliance,
  type ComplianceEntry,
} from '../domain/sla/index.js';
import type { CaseRepository } from '../ports/case-repository.js';
import type { Clock } from '../ports/clock.js';
import type { DirectoryRepository } from '../ports/directory-repository.js';
import type { RecurringGroup } from './report-recurring-problems.js';
import { evaluateSla, type SlaDeps } from './sla/arm-sla-timers.js';

export interface ReportWeeklyDigestDeps {
  readonly cases: Pick<CaseRepository, 'listStates'>;
  readonly directory: Pick<DirectoryRepository, 'listQueues' | 'listOrganizations'>;
  readonly clock: Clock;
  readonly sla?: SlaDeps | undefined;
  /** The `report csat` and `report recurring` use cases, so each figure has one definition. */
  readonly reportCsat: (input: unknown) => Promise<Result<CsatReport>>;
  readonly reportRecurring: (input: unknown) => Promise<Result<RecurringGroup[]>>;
}

const DIGEST_ACTOR = { kind: 'system', name: 'Caseline weekly digest' } as const;
const MAX_CASES = 5_000;
const TOP_RECURRING = 3;

/**
 * The figures of a weekly digest for a queue or the whole desk: the week's intake and
 * solved by day, SLA attainment (src/domain/sla's compliance tally, deflections apart),
 * the open backlog by age, CSAT and the top recurring problems of the last seven days.
 */
export const makeReportWeeklyDigest =
  (deps: ReportWeeklyDigestDeps) =>
  async (
    target: Pick<DigestTarget, 'queueKey' | 'zone'> & { readonly key: string },
    /** The week to report; by default the one before today in the target's zone. */
    at?: DigestWeek,
  ): Promise<WeeklyDigestReport> => {
    const now = deps.clock.now();
    const week = at ?? digestWeekAt(now, target.zone);
    const queue = target.queueKey ? { queueKey: target.queueKey } : {};
    // Two reads: the week's and the open cases, and those solved in the week but opened before.
    const [current, changed, queues] = await Promise.all([
      deps.cases.listStates({ ...queue, unsolvedOrCreatedSince: week.since, limit: MAX_CASES }),
      deps.cases.listStates({ ...queue, updatedSince: week.since, limit: MAX_CASES }),
      deps.directory.listQueues(),
    ]);
    const byId = new Map<string, CaseState>([...current, ...changed].map((s) => [s.id, s]));
    const states = [...byId.values()];
    const name = target.queueKey
      ? (queues.find((q) => q.key === target.queueKey)?.name ?? target.queueKey)
      : 'Whole desk';
    const [csat, recurring] = await Promise.all([
      csatOf(deps, target.queueKey),
      recurringOf(deps, new Set(states.map((s) => s.number))),
    ]);
    return {
      target: { key: target.key, ...queue, name },
      week,
      flow: weeklyFlow(states, week),
      ...(deps.sla ? { sla: slaOf(deps.sla, current, now) } : {}),
      backlog: backlogAge(current, now),
      ...(csat ? { csat } : {}),
      recurring,
    };
  };

const slaOf = (sla: SlaDeps, states: readonly CaseState[], now: Date) => {
  const entries: ComplianceEntry[] = states.map((state) => {
    const deflection = deflectionOf(state);
    const { clocks } = evaluateSla(sla, state);
    return {
      ...(deflection ? { deflection } : {}),
      caseNumber: state.number,
      organization: state.organizationKey,
      priority: state.priority,
      clocks: CLOCK_KINDS.map((kind) => clocks[kind]),
    };
  });
  const report = tallyCompliance(entries, now);
  return {
    clocks: { firstResponse: report.clocks.firstResponse, resolution: report.clocks.resolution },
    deflections: report.deflections,
  };
};

const csatOf = async (deps: ReportWeeklyDigestDeps, queueKey: string | undefined) => {
  const result = await deps.reportCsat({ actor: DIGEST_ACTOR, days: 7 });
  if (!result.ok) return undefined;
  const tally = queueKey
    ? result.value.byQueue.find((q) => q.key === queueKey)
    : result.value.total;
  if (!tally || tally.answers === 0) return undefined;
  const { answers, average, satisfiedPercent } = tally;
  return { answers, average, satisfiedPercent };
};

const recurringOf = async (deps: ReportWeeklyDigestDeps, numbers: ReadonlySet<string>) => {
  const result = await deps.reportRecurring({ actor: DIGEST_ACTOR, days: 7 });
  if (!result.ok) return [];
  return result.value
    .map((group) => ({ ...group, cases: group.cases.filter((c) => numbers.has(c.number)) }))
    .filter((group) => group.cases.length >= 2)
    .sort((a, b) => b.cases.length - a.cases.length)
    .slice(0, TOP_RECURRING)
    .map((group) => ({
      title: group.cases[0]?.title ?? '',
      cases: group.cases.length,
      ...(group.articleSlug ? { articleSlug: group.articleSlug } : {}),
    }));
};
