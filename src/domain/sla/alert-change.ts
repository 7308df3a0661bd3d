import { DateTime } from 'luxon';
import { ChangeBuilder, type ActionInput } from '../case/change.js';
import type { CaseChange } from '../case/types.js';
import { PRIORITIES, type Priority } from '../priority.js';
import { ok, type Result } from '../result.js';
import { ALERT_EVENT, breachPoint, minutesInStatus, type SlaAlert } from './alerts.js';
import type { BusinessCalendar, ClockKind, SlaPolicy } from './types.js';

/** Someone told about an alert: an agent (by DM) or a chat channel. */
export type AlertRecipient =
  | { readonly kind: 'agent'; readonly id: string; readonly name: string; readonly as: string }
  | { readonly kind: 'channel'; readonly address: string; readonly as: string };

export const CLOCK_LABELS: Record<ClockKind, string> = {
  firstResponse: 'First response',
  nextResponse: 'Next response',
  resolution: 'Resolution',
};

/** "2h 10m", "35m", "3d 2h" — business durations for people. */
export const formatMinutes = (minutes: number): string => {
  const total = Math.max(0, Math.round(minutes));
  const days = Math.floor(total / (24 * 60));
  const hours = Math.floor((total % (24 * 60)) / 60);
  const mins = total % 60;
  const parts = [
    days ? `${days}d` : '',
    hours ? `${hours}h` : '',
    mins || !total ? `${mins}m` : '',
  ];
  return parts.filter(Boolean).slice(0, 2).join(' ');
};

/** "14:00 CET, Mon 23 Nov" in the calendar's zone: the desk's hours are what the SLA means. */
export const formatInZone = (at: Date, timeZone: string): string =>
  DateTime.fromJSDate(at, { zone: timeZone }).toFormat('HH:mm ZZZZ, ccc d LLL');

const raised = (priority: Priority): Priority =>
  PRIORITIES[Math.max(0, PRIORITIES.indexOf(priority) - 1)]!;

const describeAlert = (alert: SlaAlert, calendar: BusinessCalendar, now: Date): string => {
  if (alert.kind === 'languishing') {
    const since = alert.since ?? now;
    return `In status "${alert.rule?.status}" for ${formatMinutes(
      minutesInStatus(calendar, since, now),
    )} of business time (limit ${formatMinutes(alert.rule?.after ?? 0)}).`;
  }
  const clock = alert.snapshot!;
  const label = CLOCK_LABELS[alert.clock!];
  const due = clock.due ? formatInZone(clock.due, calendar.timeZone) : 'unknown';
  if (alert.kind === 'warning') {
    return `${label} due ${due}: ${formatMinutes(clock.leftMinutes)} of business time left (target ${formatMinutes(clock.targetMinutes ?? 0)}).`;
  }
  const by = formatMinutes(clock.breachedByMinutes ?? 0);
  return alert.kind === 'breach'
    ? `${label} breached: it was due ${due} (target ${formatMinutes(clock.targetMinutes ?? 0)}).`
    : `${label} still breached, now by ${by}: escalated again (level ${alert.level}).`;
};

const describeRecipients = (recipients: readonly AlertRecipient[]): string =>
  recipients.length === 0
    ? 'nobody could be told (no assignee, manager or channel is configured)'
    : recipients
        .map((r) => (r.kind === 'agent' ? `${r.name} (${r.as})` : `${r.address} (${r.as})`))
        .join(', ');

export interface AlertChangeInput {
  readonly action: ActionInput;
  readonly alerts: readonly {
    readonly alert: SlaAlert;
    readonly told: readonly AlertRecipient[];
  }[];
  readonly policy: SlaPolicy;
  readonly calendar: BusinessCalendar;
}

/**
 * Records due SLA alerts: one internal event each, saying what was reached and who is
 * told (the `sla-alert` notification delivers it to them). A breach or re-escalation
 * raises the escalation level, and a breach raises the priority one step when the
 * policy says so. A languishing status that waits on the customer also asks them.
 */
export const recordSlaAlerts = (input: AlertChangeInput): Result<CaseChange | null> => {
  if (input.alerts.length === 0) return ok(null);
  const { current, ctx } = input.action;
  const builder = new ChangeBuilder(input.action);
  let level = current.escalationLevel ?? 0;
  let priority = current.priority;
  let askCustomer = false;
  // A breach that raises the priority is judged by the new target from here on; its
  // recorded level counts against that target, so the raise itself does not re-page.
  const willRaise =
    input.policy.escalation.raisePriorityOnBreach &&
    input.alerts.some(({ alert }) => alert.kind === 'breach');
  const levelAfterRaise = (alert: SlaAlert): number | undefined => {
    const every = input.policy.escalation.reescalateEvery;
    const target = input.policy.targets[raised(current.priority)][alert.clock!];
    if (!willRaise || alert.kind !== 'breach' || !every || target === undefined) return alert.level;
    const used = alert.snapshot?.usedMinutes ?? 0;
    return Math.max(alert.level ?? 0, Math.floor((used - target) / every));
  };
  for (const { alert, told } of input.alerts) {
    const recordedLevel = alert.kind === 'breach' ? levelAfterRaise(alert) : alert.level;
    const agents = told.filter((r) => r.kind === 'agent');
    const channels = told.filter((r) => r.kind === 'channel');
    const point = breachPoint(alert);
    const event = builder.event({
      type: ALERT_EVENT[alert.kind],
      visibility: 'internal',
      text: describeAlert(alert, input.calendar, ctx.now),
      data: {
        key: alert.key,
        ...(alert.clock ? { clock: alert.clock } : {}),
        ...(point ? { point } : {}),
        ...(recordedLevel !== undefined ? { level: recordedLevel } : {}),
        ...(alert.snapshot?.due ? { due: alert.snapshot.due.toISOString() } : {}),
        ...(alert.rule ? { status: alert.rule.status } : {}),
        told: describeRecipients(told),
        agentIds: agents.map((r) => r.id).join(','),
        channels: channels.map((r) => r.address).join(','),
      },
    });
    builder.notify({ topic: 'sla-alert', audience: 'staff', eventId: event.id });
    if (alert.kind === 'breach' || alert.kind === 're-escalation') level += 1;
    if (alert.kind === 'breach' && input.policy.escalation.raisePriorityOnBreach) {
      priority = raised(priority);
    }
    if (alert.kind === 'languishing' && alert.rule?.askCustomer) askCustomer = true;
  }
  if (level !== (current.escalationLevel ?? 0)) builder.fields({ escalationLevel: level });
  if (priority !== current.priority) {
    builder.fields({ priority });
    builder.event({
      type: 'priority-changed',
      visibility: 'public',
      text: 'Raised by the SLA policy after a breach.',
      data: { from: current.priority, to: priority },
    });
  }
  if (askCustomer) {
    const asked = builder.event({
      type: 'status-languishing',
      visibility: 'public',
      text: 'Could you tell us whether the fix works for you? If it does, we will close the case.',
      data: { key: `ask:${input.alerts[0]!.alert.key}`, status: current.status },
    });
    builder.notify({ topic: 'milestone', audience: 'customer', eventId: asked.id });
  }
  builder.refreshCards(priority !== current.priority);
  return builder.build();
};
