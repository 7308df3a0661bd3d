import { DateTime } from 'luxon';
import type { DigestWeek } from './schedule.js';

export const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export type DayName = (typeof DAY_NAMES)[number];

export interface WeeklyFlow {
  /** Cases opened within the week. */
  readonly intake: number;
  /** Cases solved (or closed unsolved) within the week and not reopened since. */
  readonly solved: number;
  /** Per local day of the week, Monday first. */
  readonly byDay: readonly {
    readonly day: DayName;
    readonly intake: number;
    readonly solved: number;
  }[];
}

const within = (at: Date | undefined, week: DigestWeek): at is Date =>
  at !== undefined && at >= week.since && at < week.until;

const dayOf = (at: Date, zone: string): number => DateTime.fromJSDate(at, { zone }).weekday - 1;

/** Intake and solved over a week, by local weekday in the week's zone. */
export const weeklyFlow = (
  cases: readonly {
    readonly createdAt: Date;
    readonly solvedAt?: Date | undefined;
    readonly closedAt?: Date | undefined;
  }[],
  week: DigestWeek,
): WeeklyFlow => {
  const intake = DAY_NAMES.map(() => 0);
  const solved = DAY_NAMES.map(() => 0);
  for (const c of cases) {
    if (within(c.createdAt, week)) intake[dayOf(c.createdAt, week.zone)]! += 1;
    // A reopen clears both, so a case counts in the week its last solution was given.
    const done = c.solvedAt ?? c.closedAt;
    if (within(done, week)) solved[dayOf(done, week.zone)]! += 1;
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    intake: sum(intake),
    solved: sum(solved),
    byDay: DAY_NAMES.map((day, i) => ({ day, intake: intake[i] ?? 0, solved: solved[i] ?? 0 })),
  };
};
