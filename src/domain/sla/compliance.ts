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

const countCase = (into: Tallies, entry: ComplianceEntry): void => {
  // A reopened case was not deflected after all: the article did not solve it.
  if (entry.deflection?.standing) into.deflections += 1;
};

const countClock = (into: Tallies, entry: ComplianceEntry, clock: SlaClock): void => {
  const { state } = clock;
  if (state === 'not-applicable') return;
  // A promise broken before the customer helped themselves stays broken.
  const deflected = state === 'met' && deflectedClocks(entry.deflection).includes(clock.kind);
  into.clocks[clock.kind][deflected ? 'deflected' : state] += 1;
};

/**
 * Which group a case counts in: called once per case without a clock (for its deflection)
 * and once per clock that applies, so a clock can count where it stood when it stopped.
 */
export type ComplianceKey<E extends ComplianceEntry> = (entry: E, clock?: ClockKind) => string;

/** Counts entries into named groups as they come; nothing of an entry is kept. */
const groupTally = <E extends ComplianceEntry>(keyOf: ComplianceKey<E>) => {
  const groups = new Map<string, Tallies>();
  const group = (name: string) => {
    let tallies = groups.get(name);
    if (!tallies) groups.set(name, (tallies = emptyTallies()));
    return tallies;
  };
  return {
    add(entry: E): void {
      countCase(group(keyOf(entry)), entry);
      for (const clock of entry.clocks)
        if (clock.state !== 'not-applicable')
          countClock(group(keyOf(entry, clock.kind)), entry, clock);
    },
    result: (): ComplianceGroup[] =>
      [...groups]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, tallies]) => ({
          name,
          clocks: withCompliance(tallies.clocks),
          deflections: tallies.deflections,
        })),
  };
};

/** Compliance per group, by name: the same counts as the totals, split by `keyOf`. */
export const groupCompliance = <E extends ComplianceEntry>(
  entries: readonly E[],
  keyOf: ComplianceKey<E>,
): ComplianceGroup[] => {
  const tally = groupTally(keyOf);
  entries.forEach((entry) => tally.add(entry));
  return tally.result();
};

/**
 * SLA compliance counted one case at a time, so a report over a whole desk holds counts,
 * not cases: per clock, how many promises were kept, broken, are still running or
 * paused, or ended by a deflection, in total and per breakdown (each a key function);
 * which running clocks are past their warning point (as of `now`), and which broken
 * promises are still owed.
 */
export const complianceTally = <E extends ComplianceEntry, B extends string>(
  now: Date,
  breakdowns: Readonly<Record<B, ComplianceKey<E>>>,
) => {
  const total = emptyTallies();
  const names = Object.keys(breakdowns) as B[];
  const groups = names.map((name) => groupTally(breakdowns[name]));
  const atRisk: { caseNumber: string; clock: ClockKind; due: Date }[] = [];
  const overdue: { caseNumber: string; clock: ClockKind; byMinutes: number }[] = [];
  let cases = 0;
  return {
    add(entry: E): void {
      cases += 1;
      countCase(total, entry);
      groups.forEach((group) => group.add(entry));
      for (const clock of entry.clocks) {
        countClock(total, entry, clock);
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
    },
    result() {
      return {
        cases,
        deflections: total.deflections,
        clocks: withCompliance(total.clocks),
        atRisk: atRisk.sort((a, b) => a.due.getTime() - b.due.getTime()),
        overdue: overdue.sort((a, b) => b.byMinutes - a.byMinutes),
        groups: Object.fromEntries(names.map((name, i) => [name, groups[i]!.result()])) as Record<
          B,
          ComplianceGroup[]
        >,
      };
    },
  };
};

/**
 * SLA compliance over a set of cases, by priority and by organization (see
 * complianceTally). Pure: the caller evaluates each case's clocks.
 */
export const tallyCompliance = (
  entries: readonly ComplianceEntry[],
  now: Date,
): SlaComplianceReport => {
  const tally = complianceTally(now, {
    byPriority: (entry: ComplianceEntry) => entry.priority,
    byOrganization: (entry: ComplianceEntry) => entry.organization,
  });
  entries.forEach((entry) => tally.add(entry));
  const { groups, ...report } = tally.result();
  return { ...report, ...groups };
};
