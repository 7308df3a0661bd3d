import type { ClockTally } from '../sla/index.js';
import type { BacklogAge } from './backlog-age.js';
import type { DigestWeek } from './schedule.js';
import type { WeeklyFlow } from './weekly-flow.js';

/** The figures of one weekly digest; the view (src/presentation) words them. */
export interface WeeklyDigestReport {
  readonly target: { readonly key: string; readonly queueKey?: string; readonly name: string };
  readonly week: DigestWeek;
  readonly flow: WeeklyFlow;
  /** Per clock over the week's cases and those still open; undefined without an SLA. */
  readonly sla?: {
    readonly clocks: Readonly<Record<'firstResponse' | 'resolution', ClockTally>>;
    readonly deflections: number;
  };
  readonly backlog: BacklogAge;
  /** Answers of the last 7 days; undefined when nobody answered. */
  readonly csat?: {
    readonly answers: number;
    readonly average: number;
    readonly satisfiedPercent: number;
  };
  /** Groups of two or more alike cases, largest first, at most three. */
  readonly recurring: readonly {
    readonly title: string;
    readonly cases: number;
    readonly articleSlug?: string;
  }[];
}
