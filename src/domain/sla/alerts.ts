import type { CaseEvent, CaseEventType, CaseState } from '../case/types.js';
import { addBusinessMs, businessMsBetween } from './business-time.js';
import { CLOCK_KINDS } from './types.js';
import type { BusinessCalendar, ClockKind, LanguishingRule, SlaClock, SlaClocks } from './types.js';

/** What an SLA timer may find due: a reminder, an escalation, or a status left too long. */
export type SlaAlertKind = 'warning' | 'breach' | 're-escalation' | 'languishing';

export interface SlaAlert {
  readonly kind: SlaAlertKind;
  /** Which clock; undefined for a languishing status. */
  readonly clock?: ClockKind;
  /**
   * Names this decision point once and for all (the instant it was reached, which history
   * fixes), so a timer that runs twice, or on two replicas, records it only once.
   */
  readonly key: string;
  /** Re-escalations: how many escalation intervals the clock is past its target. */
  readonly level?: number;
  readonly snapshot?: SlaClock;
  /** Languishing: the rule and since when the case has been in the status. */
  readonly rule?: LanguishingRule;
  readonly since?: Date;
}

export const ALERT_EVENT: Record<SlaAlertKind, CaseEventType> = {
  warning: 'sla-warning',
  breach: 'sla-breached',
  're-escalation': 'sla-reescalated',
  languishing: 'status-languishing',
};

const ALERT_EVENT_TYPES: readonly CaseEventType[] = Object.values(ALERT_EVENT);

const iso = (at: Date): string => at.toISOString();

/** Keys of the alerts already in the history. */
export const recordedAlertKeys = (events: readonly CaseEvent[]): Set<string> =>
  new Set(
    events
      .filter((event) => ALERT_EVENT_TYPES.includes(event.type))
      .map((event) => event.data?.['key'])
      .filter((key): key is string => typeof key === 'string'),
  );

/**
 * Escalations already recorded per breach (`clock:due` → the highest level told), so a
 * breach first noticed late counts for the re-escalations it stands for.
 */
const escalatedLevels = (events: readonly CaseEvent[]): Map<string, number> => {
  const levels = new Map<string, number>();
  for (const event of events) {
    if (event.type !== 'sla-breached' && event.type !== 'sla-reescalated') continue;
    const point = event.data?.['point'];
    const level = event.data?.['level'];
    if (typeof point !== 'string' || typeof level !== 'number') continue;
    levels.set(point, Math.max(level, levels.get(point) ?? -1));
  }
  return levels;
};

/**
 * The alert a clock owes right now, if any. Only clocks still owed count: an answer that
 * came late stops the clock, and its breach stays visible on the card without paging
 * anyone. When several points passed while nobody looked (the app was down), one alert
 * is sent for the latest, not a burst of stale ones.
 */
const clockAlert = (
  clock: SlaClock,
  reescalateEvery: number | undefined,
  escalated: Map<string, number>,
  recorded: Set<string>,
  now: Date,
): SlaAlert | undefined => {
  if (clock.state === 'breached') {
    if (!clock.ticking || !clock.due) return undefined;
    const point = `${clock.kind}:${iso(clock.due)}`;
    const level =
      reescalateEvery === undefined
        ? 0
        : Math.floor((clock.breachedByMinutes ?? 0) / reescalateEvery);
    const told = escalated.get(point);
    if (told === undefined) {
      return { kind: 'breach', clock: clock.kind, key: `breach:${point}`, level, snapshot: clock };
    }
    if (level <= told) return undefined;
    return {
      kind: 're-escalation',
      clock: clock.kind,
      key: `re-escalation:${point}:${level}`,
      level,
      snapshot: clock,
    };
  }
  const owed = clock.state === 'running' || clock.state === 'paused';
  if (!owed || !clock.warnAt || clock.warnAt.getTime() > now.getTime()) return undefined;
  const key = `warning:${clock.kind}:${iso(clock.warnAt)}`;
  return recorded.has(key)
    ? undefined
    : { kind: 'warning', clock: clock.kind, key, snapshot: clock };
};

/** The `clock:due` a breach or re-escalation belongs to (stored with its event). */
export const breachPoint = (alert: SlaAlert): string | undefined =>
  alert.clock && alert.snapshot?.due ? `${alert.clock}:${iso(alert.snapshot.due)}` : undefined;

/** When the case entered its current status (reopened counts), or when it was created. */
export const enteredStatusAt = (
  state: Pick<CaseState, 'events' | 'status' | 'createdAt'>,
): Date => {
  for (let i = state.events.length - 1; i >= 0; i -= 1) {
    const event = state.events[i]!;
    const entered = event.type === 'status-changed' || event.type === 'reopened';
    if (entered && event.data?.['to'] === state.status) return event.at;
  }
  return state.createdAt;
};

export interface LanguishingCheck {
  readonly rule: LanguishingRule;
  readonly since: Date;
  /** When the status becomes too old. */
  readonly at: Date;
  readonly key: string;
}

/** The languishing rule for the case's current status, and when it trips. */
export const languishingCheck = (
  state: Pick<CaseState, 'events' | 'status' | 'createdAt' | 'statusCategory'>,
  rules: readonly LanguishingRule[],
  calendar: BusinessCalendar,
): LanguishingCheck | undefined => {
  if (state.statusCategory === 'closed') return undefined;
  const rule = rules.find((candidate) => candidate.status === state.status);
  if (!rule) return undefined;
  const since = enteredStatusAt(state);
  const at = new Date(addBusinessMs(calendar, since.getTime(), rule.after * 60_000));
  return { rule, since, at, key: `languishing:${state.status}:${iso(since)}` };
};

export interface DueAlertsInput {
  readonly case: Pick<CaseState, 'events' | 'status' | 'createdAt' | 'statusCategory'>;
  readonly clocks: SlaClocks;
  readonly reescalateEvery: number | undefined;
  readonly languishing?: LanguishingCheck;
  readonly calendar: BusinessCalendar;
  readonly now: Date;
}

/** Every alert due now that the history does not record yet. */
export const dueSlaAlerts = (input: DueAlertsInput): SlaAlert[] => {
  const recorded = recordedAlertKeys(input.case.events);
  const escalated = escalatedLevels(input.case.events);
  const due: SlaAlert[] = [];
  for (const kind of CLOCK_KINDS) {
    const clock = input.clocks[kind];
    const alert = clockAlert(clock, input.reescalateEvery, escalated, recorded, input.now);
    if (alert) due.push(alert);
  }
  const check = input.languishing;
  if (check && check.at.getTime() <= input.now.getTime() && !recorded.has(check.key)) {
    due.push({ kind: 'languishing', key: check.key, rule: check.rule, since: check.since });
  }
  return due;
};

/** Business minutes a case has sat in its current status (for messages). */
export const minutesInStatus = (calendar: BusinessCalendar, since: Date, now: Date): number =>
  businessMsBetween(calendar, since.getTime(), now.getTime()) / 60_000;
