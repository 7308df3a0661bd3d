import type { Priority } from '../priority.js';
import type { StatusCategory } from '../workflow/types.js';

/** Weekday keys as written in the config, Monday first like ISO 8601 and Luxon. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One open interval of a day in local wall time, `HH:mm`; `to` may be `24:00`. */
export interface TimeRange {
  readonly from: string;
  readonly to: string;
}

/** Days left out are closed; several ranges a day express split shifts. */
export type WeeklyHours = Readonly<Partial<Record<Weekday, readonly TimeRange[]>>>;

export interface BusinessCalendar {
  readonly name: string;
  /** IANA zone; all wall times, weekdays and holidays are read in it. */
  readonly timeZone: string;
  readonly hours: '24/7' | WeeklyHours;
  /** Whole local days off, ISO `yyyy-MM-dd`; they close a 24/7 calendar too. */
  readonly holidays: readonly string[];
}

export const CLOCK_KINDS = ['firstResponse', 'nextResponse', 'resolution'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/** Targets in business minutes; a missing target means the clock does not apply. */
export type ClockTargets = Readonly<Partial<Record<ClockKind, number>>>;

export interface SlaPolicy {
  readonly name: string;
  /** Name of the business calendar the targets are measured in. */
  readonly calendar: string;
  readonly targets: Readonly<Record<Priority, ClockTargets>>;
  /** Fraction of the target after which the assignee is warned, e.g. 0.75. */
  readonly warningAt: number;
  /** Status categories during which each clock stands still. */
  readonly pauseOn: Readonly<Record<ClockKind, readonly StatusCategory[]>>;
  readonly escalation: {
    /** Business minutes between repeated escalations while a clock stays breached. */
    readonly reescalateEvery?: number;
    readonly raisePriorityOnBreach: boolean;
    readonly reassignOnBreach?: boolean;
  };
}

/** A status a case must not sit in longer than `after` business minutes. */
export interface LanguishingRule {
  readonly status: string;
  readonly after: number;
  readonly askCustomer: boolean;
}

export interface SlaConfig {
  readonly calendars: readonly BusinessCalendar[];
  readonly policies: readonly SlaPolicy[];
  /** Covers cases without a contract. */
  readonly defaultPolicy: string;
  readonly languishing: readonly LanguishingRule[];
  readonly contractNoticeDays: number;
}

export type ClockStateName = 'running' | 'paused' | 'met' | 'breached' | 'not-applicable';

/**
 * One clock as of `now`. Minutes are business minutes and may carry fractions when the
 * history has seconds; round only for display.
 */
export interface SlaClock {
  readonly kind: ClockKind;
  readonly state: ClockStateName;
  /** True while business time counts against the clock (running, or breached and open). */
  readonly ticking: boolean;
  readonly targetMinutes?: number;
  readonly usedMinutes: number;
  readonly leftMinutes: number;
  readonly breachedByMinutes?: number;
  /** Running: when it breaches if nothing happens. Breached: when it breached. */
  readonly due?: Date;
  /** When the warning threshold is (or was) reached; unknown while paused before it. */
  readonly warnAt?: Date;
  readonly metAt?: Date;
  /** Breached and ticking with `reescalateEvery` set: the next repeated escalation. */
  readonly reescalateAt?: Date;
}

export type SlaClocks = Readonly<Record<ClockKind, SlaClock>>;
