import type { Deflection } from '../sla/deflection.js';
import {
  complianceTally,
  type ComplianceEntry,
  type ComplianceGroup,
  type SlaComplianceReport,
} from '../sla/compliance.js';
import { CLOCK_KINDS, type ClockKind, type SlaClock, type SlaClocks } from '../sla/types.js';
import type { CaseMetrics } from './case-metrics.js';
import { placementAt, type MetricCase, type Placement } from './history.js';

/** The ways SLA attainment can be broken down. */
export const ATTAINMENT_DIMENSIONS = ['agent', 'queue', 'organization', 'priority'] as const;
export type AttainmentDimension = (typeof ATTAINMENT_DIMENSIONS)[number];

/** A case as attainment counts it: each clock where the case stood when the clock stopped. */
export interface AttainmentEntry extends ComplianceEntry {
  readonly at: Readonly<Record<ClockKind, Placement>>;
  /** Where the case stood for its deflection (when the customer solved it), or now. */
  readonly placement: Placement;
}

/** What a case is called in the breakdown when nobody owned it at the time. */
export const UNASSIGNED = 'Unassigned';

/**
 * When a clock was decided: met at its stop, broken when it stopped late (the desk's
 * answer or solution, `stoppedAt`), otherwise still being decided, as of `now`.
 */
const decidedAt = (clock: SlaClock, stoppedAt: Date | undefined, now: Date): Date =>
  clock.metAt ?? (clock.ticking ? now : (stoppedAt ?? now));

export interface AttainmentInput {
  readonly case: MetricCase;
  readonly clocks: SlaClocks;
  readonly organization: string;
  readonly deflection?: Deflection;
  /** When each clock stopped, if it did: the first answer, the latest solve. */
  readonly stops: Partial<Record<ClockKind, Date>>;
  readonly now: Date;
}

/**
 * A case's compliance entry with its clocks placed: the owner, queue and priority as of
 * the moment each clock stopped (a response met by Ana counts for Ana, even if Ben owns
 * the case now), or as of now while it still runs. Pure.
 */
export const attainmentEntry = (input: AttainmentInput): AttainmentEntry => {
  const { case: c, clocks, now } = input;
  const at = Object.fromEntries(
    CLOCK_KINDS.map((kind) => [
      kind,
      placementAt(c, decidedAt(clocks[kind], input.stops[kind], now)),
    ]),
  ) as Record<ClockKind, Placement>;
  return {
    caseNumber: c.number,
    organization: input.organization,
    priority: c.priority,
    clocks: CLOCK_KINDS.map((kind) => clocks[kind]),
    ...(input.deflection ? { deflection: input.deflection } : {}),
    at,
    placement: placementAt(c, input.deflection?.at ?? now),
  };
};

const KEYS: Record<AttainmentDimension, (entry: AttainmentEntry, clock?: ClockKind) => string> = {
  agent: (entry, clock) => (clock ? entry.at[clock] : entry.placement).agentName ?? UNASSIGNED,
  queue: (entry, clock) => (clock ? entry.at[clock] : entry.placement).queueKey,
  organization: (entry) => entry.organization,
  priority: (entry, clock) => (clock ? entry.at[clock] : entry.placement).priority,
};

/** SLA attainment: the compliance totals with a breakdown per dimension. */
export interface SlaAttainment extends SlaComplianceReport {
  readonly byAgent: readonly ComplianceGroup[];
  readonly byQueue: readonly ComplianceGroup[];
}

/**
 * Attainment counted one case at a time (a report over a whole desk keeps counts, not
 * cases), broken down by agent, queue, organization and priority, each clock counted
 * where it stood when it stopped. Deflections are counted apart.
 */
export const attainmentTally = (now: Date) => {
  const tally = complianceTally(now, {
    byAgent: KEYS.agent,
    byQueue: KEYS.queue,
    byOrganization: KEYS.organization,
    byPriority: KEYS.priority,
  });
  return {
    add: (entry: AttainmentEntry): void => tally.add(entry),
    result(): SlaAttainment {
      const { groups, ...report } = tally.result();
      return { ...report, ...groups };
    },
  };
};

export const tallyAttainment = (entries: readonly AttainmentEntry[], now: Date): SlaAttainment => {
  const tally = attainmentTally(now);
  entries.forEach((entry) => tally.add(entry));
  return tally.result();
};

/** The breakdown a report asks for, by its dimension. */
export const attainmentGroups = (
  report: SlaAttainment,
  by: AttainmentDimension,
): readonly ComplianceGroup[] =>
  ({
    agent: report.byAgent,
    queue: report.byQueue,
    organization: report.byOrganization,
    priority: report.byPriority,
  })[by];

/**
 * When the response and resolution clocks stopped, read from the case's figures: the first
 * response at the first answer or the first solve, whichever came first (solving answers
 * too, even when reopened later); the resolution at the latest solve.
 */
export const clockStops = (
  metrics: Pick<CaseMetrics, 'firstReplyAt' | 'firstSolvedAt' | 'solvedAt'>,
): Partial<Record<ClockKind, Date>> => {
  const answers = [metrics.firstReplyAt, metrics.firstSolvedAt].filter(
    (at): at is Date => at !== undefined,
  );
  const first = answers.sort((a, b) => a.getTime() - b.getTime())[0];
  return {
    ...(first ? { firstResponse: first } : {}),
    ...(metrics.solvedAt ? { resolution: metrics.solvedAt } : {}),
  };
};
