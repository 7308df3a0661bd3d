import type { CaseState } from '../case/types.js';
import type { StatusCategory } from '../workflow/types.js';
import { dueSlaAlerts, languishingCheck, recordedAlertKeys } from './alerts.js';
import type { LanguishingCheck, SlaAlert } from './alerts.js';
import { computeClocks } from './clocks.js';
import { clockDecision } from './next-decision.js';
import type { DecisionKind } from './next-decision.js';
import { CLOCK_KINDS } from './types.js';
import type {
  BusinessCalendar,
  ClockKind,
  SlaClock,
  SlaClocks,
  SlaConfig,
  SlaPolicy,
} from './types.js';

/** Every timer a case may have armed: one per clock, one for a languishing status. */
export const TIMER_KINDS = [...CLOCK_KINDS, 'languishing'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

export interface TimerPlan {
  readonly at: Date;
  readonly decision: DecisionKind | 'languishing';
}

export type SlaCase = Pick<
  CaseState,
  'events' | 'priority' | 'status' | 'statusCategory' | 'createdAt' | 'slaPolicy'
>;

export interface CaseSla {
  readonly policy: SlaPolicy;
  readonly calendar: BusinessCalendar;
  readonly clocks: SlaClocks;
  readonly languishing?: LanguishingCheck;
  /** Alerts due now that history does not record yet. */
  readonly due: readonly SlaAlert[];
  /** When each timer should next run; undefined cancels it. */
  readonly timers: Readonly<Record<TimerKind, TimerPlan | undefined>>;
}

/**
 * The policy a case is measured by: its contract's, else the default. A contract naming
 * a policy the config no longer has falls back to the default rather than to no SLA.
 */
export const policyFor = (
  config: SlaConfig,
  name: string | undefined,
): { policy: SlaPolicy; calendar: BusinessCalendar } => {
  const policy =
    config.policies.find((p) => p.name === name) ??
    config.policies.find((p) => p.name === config.defaultPolicy)!;
  const calendar = config.calendars.find((c) => c.name === policy.calendar)!;
  return { policy, calendar };
};

/** Everything the SLA knows about one case as of `now`: clocks, due alerts, timers. */
export const evaluateCaseSla = (
  state: SlaCase,
  config: SlaConfig,
  workflowCategoryOf: (statusId: string) => StatusCategory,
  now: Date,
): CaseSla => {
  const { policy, calendar } = policyFor(config, state.slaPolicy);
  const clocks = computeClocks({ case: state, policy, calendar, workflowCategoryOf, now });
  const check = languishingCheck(state, config.languishing, calendar);
  const due = dueSlaAlerts({
    case: state,
    clocks,
    reescalateEvery: policy.escalation.reescalateEvery,
    ...(check ? { languishing: check } : {}),
    calendar,
    now,
  });
  const timers = {} as Record<TimerKind, TimerPlan | undefined>;
  for (const kind of CLOCK_KINDS) {
    // A point that passed unrecorded (priority raised past the target, a missed run)
    // runs at once; otherwise the clock's next point.
    const pending = due.find((alert) => alert.clock === kind);
    const next = clockDecision(clocks[kind], now);
    timers[kind] = pending
      ? { at: now, decision: pending.kind }
      : next && { at: next.at, decision: next.kind };
  }
  const recorded = recordedAlertKeys(state.events);
  timers.languishing =
    check && !recorded.has(check.key)
      ? { at: new Date(Math.max(check.at.getTime(), now.getTime())), decision: 'languishing' }
      : undefined;
  return { policy, calendar, clocks, ...(check ? { languishing: check } : {}), due, timers };
};

/** What a card shows of the SLA: the clocks that apply and the next promise. */
export interface SlaSummary {
  readonly policy: string;
  readonly timeZone: string;
  readonly clocks: readonly SlaClock[];
  /** The earliest time something is promised by; `late` when a promise is already broken. */
  readonly nextPromise?: { readonly clock: ClockKind; readonly at: Date; readonly late: boolean };
  readonly escalationLevel: number;
}

export const summarizeSla = (sla: CaseSla, escalationLevel = 0): SlaSummary => {
  const clocks = CLOCK_KINDS.map((kind) => sla.clocks[kind]).filter(
    (clock) => clock.state !== 'not-applicable',
  );
  const owed = clocks.filter((clock) => clock.ticking && clock.due);
  const byDue = (a: SlaClock, b: SlaClock) => a.due!.getTime() - b.due!.getTime();
  const running = owed.filter((clock) => clock.state === 'running').sort(byDue)[0];
  const late = owed.filter((clock) => clock.state === 'breached').sort(byDue)[0];
  const promise = late ?? running;
  return {
    policy: sla.policy.name,
    timeZone: sla.calendar.timeZone,
    clocks,
    ...(promise
      ? { nextPromise: { clock: promise.kind, at: promise.due!, late: promise === late } }
      : {}),
    escalationLevel,
  };
};
