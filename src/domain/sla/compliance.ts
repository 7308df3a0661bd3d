import type { Priority } from '../priority.js';
import { deflectedClocks, type Deflection } from './deflection.js';
import { CLOCK_KINDS, type ClockKind, type SlaClock } from './types.js';

/** One case as the compliance report counts it. */
export interface ComplianceEntry {
  readonly caseNumber: string;
  readonly organization: string;
  readonly priority: Priority;
  readonly clocks: readonly SlaClock[];
  /** The customer solved it with an article before the desk answered (deflectionOf). */
  readonly deflection?: Deflection;
}

export interface ClockTally {
  /** Met within the target. */
  readonly met: number;
  /** Past the target: met late, or still owed. */
  readonly breached: number;
  /** Owed and within the target. */
  readonly running: number;
  readonly paused: number;
  /** Ended by the customer's own solution: neither met nor breached, and not in the rate. */
  readonly deflected: number;
  /** met ÷ (met + breached); undefined while nothing was decided. */
  readonly compliance?: number;
}

export interface ComplianceGroup {
  readonly name: string;
  readonly clocks: Readonly<Record<ClockKind, ClockTally>>;
  readonly deflections: number;
}

export interface SlaComplianceReport {
  readonly cases: number;
  /** Cases the customer solved with a knowledge-base article before the desk answered. */
  readonly deflections: number;
  readonly clocks: Readonly<Record<ClockKind, ClockTally>>;
  readonly byPriority: readonly ComplianceGroup[];
  readonly byOrganization: readonly ComplianceGroup[];
  /** Clocks still on time but past their warning point, soonest breach first. */
  readonly atRisk: readonly { caseNumber: string; clock: ClockKind; due: Date }[];
  /** Clocks breached and still owed (the case is waiting), longest overdue first. */
  readonly overdue: readonly { caseNumber: string; clock: ClockKind; byMinutes: number }[];
}

type Counts = { met: number; breached: number; running: number; paused: number; deflected: number };
type Tallies = { clocks: Record<ClockKind, Counts>; deflections: number };

const emptyTallies = (): Tallies => ({
  clocks: Object.fromEntries(
    CLOCK_KINDS.map((kind) => [kind, { met: 0, breached: 0, running: 0, paused: 0, deflected: 0 }]),
  ) as Record<ClockKind, Counts>,
  deflections: 0,
});

const withCompliance = (counts: Record<ClockKind, Counts>): Record<ClockKind, ClockTally> =>
  Object.fromEntries(
    CLOCK_KINDS.map((kind) => {
      const c = counts[kind];
      const decided = c.met + c.breached;
      return [kind, decided > 0 ? { ...c, compliance: c.met / decided } : { ...c }];
    }),
  ) as Record<ClockKind, ClockTally>;

const count = (into: Tallies, entry: ComplianceEntry): void => {
  // A reopened case was not deflected after all: the article did not solve it.
  if (entry.deflection?.standing) into.deflections += 1;
  const excluded = deflectedClocks(entry.deflection);
  for (const clock of entry.clocks) {
    if (clock.state === 'not-applicable') continue;
    // A promise broken before the customer helped themselves stays broken.
    const deflected = clock.state === 'met' && excluded.includes(clock.kind);
    into.clocks[clock.kind][deflected ? 'deflected' : clock.state] += 1;
  }
};

/**
 * SLA compliance over a set of cases: per clock, how many promises were kept, broken,
 * are still running or paused, or ended by a deflection, by priority and by organization;
 * which running clocks are past their warning point (as of `now`), and which broken
 * promises are still owed.
 * Pure: the caller evaluates each case's clocks.
 */
export const tallyCompliance = (
  entries: readonly ComplianceEntry[],
  now: Date,
): SlaComplianceReport => {
  const total = emptyTallies();
  const byPriority = new Map<string, Tallies>();
  const byOrganization = new Map<string, Tallies>();
  const atRisk: { caseNumber: string; clock: ClockKind; due: Date }[] = [];
  const overdue: { caseNumber: string; clock: ClockKind; byMinutes: number }[] = [];
  const group = (groups: Map<string, Tallies>, name: string) => {
    let tallies = groups.get(name);
    if (!tallies) groups.set(name, (tallies = emptyTallies()));
    return tallies;
  };
  for (const entry of entries) {
    count(total, entry);
    count(group(byPriority, entry.priority), entry);
    count(group(byOrganization, entry.organization), entry);
    for (const clock of entry.clocks) {
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
  const groups = (map: Map<string, Tallies>) =>
    [...map]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, tallies]) => ({
        name,
        clocks: withCompliance(tallies.clocks),
        deflections: tallies.deflections,
      }));
  return {
    cases: entries.length,
    deflections: total.deflections,
    clocks: withCompliance(total.clocks),
    byPriority: groups(byPriority),
    byOrganization: groups(byOrganization),
    atRisk: atRisk.sort((a, b) => a.due.getTime() - b.due.getTime()),
    overdue: overdue.sort((a, b) => b.byMinutes - a.byMinutes),
  };
};
