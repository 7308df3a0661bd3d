import type { Priority } from '../priority.js';
import { CLOCK_KINDS, type ClockKind, type SlaClock } from './types.js';

/** One case as the compliance report counts it. */
export interface ComplianceEntry {
  readonly caseNumber: string;
  readonly organization: string;
  readonly priority: Priority;
  readonly clocks: readonly SlaClock[];
}

export interface ClockTally {
  /** Met within the target. */
  readonly met: number;
  /** Past the target: met late, or still owed. */
  readonly breached: number;
  /** Owed and within the target. */
  readonly running: number;
  readonly paused: number;
  /** met ÷ (met + breached); undefined while nothing was decided. */
  readonly compliance?: number;
}

export interface ComplianceGroup {
  readonly name: string;
  readonly clocks: Readonly<Record<ClockKind, ClockTally>>;
}

export interface SlaComplianceReport {
  readonly cases: number;
  readonly clocks: Readonly<Record<ClockKind, ClockTally>>;
  readonly byPriority: readonly ComplianceGroup[];
  readonly byOrganization: readonly ComplianceGroup[];
  /** Clocks still on time but past their warning point, soonest breach first. */
  readonly atRisk: readonly { caseNumber: string; clock: ClockKind; due: Date }[];
  /** Clocks breached and still owed (the case is waiting), longest overdue first. */
  readonly overdue: readonly { caseNumber: string; clock: ClockKind; byMinutes: number }[];
}

type Counts = { met: number; breached: number; running: number; paused: number };

const emptyCounts = (): Record<ClockKind, Counts> =>
  Object.fromEntries(
    CLOCK_KINDS.map((kind) => [kind, { met: 0, breached: 0, running: 0, paused: 0 }]),
  ) as Record<ClockKind, Counts>;

const withCompliance = (counts: Record<ClockKind, Counts>): Record<ClockKind, ClockTally> =>
  Object.fromEntries(
    CLOCK_KINDS.map((kind) => {
      const c = counts[kind];
      const decided = c.met + c.breached;
      return [kind, decided > 0 ? { ...c, compliance: c.met / decided } : { ...c }];
    }),
  ) as Record<ClockKind, ClockTally>;

const count = (into: Record<ClockKind, Counts>, clock: SlaClock): void => {
  if (clock.state === 'not-applicable') return;
  into[clock.kind][clock.state] += 1;
};

/**
 * SLA compliance over a set of cases: per clock, how many promises were kept, broken,
 * are still running or paused, by priority and by organization; which running clocks are
 * past their warning point (as of `now`), and which broken promises are still owed.
 * Pure: the caller evaluates each case's clocks.
 */
export const tallyCompliance = (
  entries: readonly ComplianceEntry[],
  now: Date,
): SlaComplianceReport => {
  const total = emptyCounts();
  const byPriority = new Map<string, Record<ClockKind, Counts>>();
  const byOrganization = new Map<string, Record<ClockKind, Counts>>();
  const atRisk: { caseNumber: string; clock: ClockKind; due: Date }[] = [];
  const overdue: { caseNumber: string; clock: ClockKind; byMinutes: number }[] = [];
  const group = (groups: Map<string, Record<ClockKind, Counts>>, name: string) => {
    let counts = groups.get(name);
    if (!counts) groups.set(name, (counts = emptyCounts()));
    return counts;
  };
  for (const entry of entries) {
    for (const clock of entry.clocks) {
      count(total, clock);
      count(group(byPriority, entry.priority), clock);
      count(group(byOrganization, entry.organization), clock);
      const warned = clock.warnAt && clock.warnAt.getTime() <= now.getTime();
      if (clock.state === 'running' && warned && clock.due)
        atRisk.push({ caseNumber: entry.caseNumber, clock: clock.kind, due: clock.due });
      if (clock.state === 'breached' && clock.ticking)
        overdue.push({
          caseNumber: entry.caseNumber,
          clock: clock.kind,
          byMinutes: Math.round(clock.breachedByMinutes ?? 0),
        });
    }
  }
  const groups = (map: Map<string, Record<ClockKind, Counts>>) =>
    [...map]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, counts]) => ({ name, clocks: withCompliance(counts) }));
  return {
    cases: entries.length,
    clocks: withCompliance(total),
    byPriority: groups(byPriority),
    byOrganization: groups(byOrganization),
    atRisk: atRisk.sort((a, b) => a.due.getTime() - b.due.getTime()),
    overdue: overdue.sort((a, b) => b.byMinutes - a.byMinutes),
  };
};
