import { DateTime } from 'luxon';
import type { CaseEvent, CaseState } from '../../../../src/domain/case/types.js';
import {
  evaluateCaseSla,
  recordSlaAlerts,
  summarizeSla,
  type AlertRecipient,
  type SlaConfig,
  type SlaPolicy,
} from '../../../../src/domain/sla/index.js';
import type { StatusCategory } from '../../../../src/domain/workflow/types.js';
import { buildCase } from '../../../support/build-case.js';

const shifts = [
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '17:00' },
];
const pauseOn = ['pending-customer'] as const;
const policy: SlaPolicy = {
  name: 'standard',
  calendar: 'berlin-office',
  targets: {
    urgent: { firstResponse: 60, resolution: 240 },
    high: { firstResponse: 120, resolution: 480 },
    normal: { firstResponse: 240, nextResponse: 120, resolution: 960 },
    low: {},
  },
  warningAt: 0.75,
  pauseOn: { firstResponse: pauseOn, nextResponse: pauseOn, resolution: pauseOn },
  escalation: { raisePriorityOnBreach: false },
};
const config = (overrides: Partial<SlaPolicy> = {}, languishing = false): SlaConfig => ({
  calendars: [
    {
      name: 'berlin-office',
      timeZone: 'Europe/Berlin',
      hours: { mon: shifts, tue: shifts, wed: shifts, thu: shifts, fri: shifts },
      holidays: [],
    },
  ],
  policies: [{ ...policy, ...overrides }],
  defaultPolicy: 'standard',
  languishing: languishing ? [{ status: 'testing', after: 240, askCustomer: true }] : [],
  contractNoticeDays: 30,
});
const categories: Record<string, StatusCategory> = {
  new: 'new',
  'on-hand': 'open',
  testing: 'pending-customer',
  solved: 'solved',
  closed: 'closed',
};
const categoryOf = (status: string): StatusCategory => categories[status] ?? 'open';

// Monday 23 November 2026, Berlin wall time: first response due 14:00, warned at 12:00.
const at = (time: string): Date =>
  DateTime.fromISO(`2026-11-23T${time}`, { zone: 'Europe/Berlin' }).toJSDate();
const event = (type: CaseEvent['type'], when: Date, data?: CaseEvent['data']): CaseEvent => ({
  id: `${type}-${when.toISOString()}`,
  type,
  at: when,
  actor: { kind: 'staff', id: 'agent-ana', name: 'Ana', role: 'agent' },
  visibility: type.startsWith('sla-') ? 'internal' : 'public',
  ...(data ? { data } : {}),
});
const opened = event('opened', at('09:00'));
const warned = event('sla-warning', at('12:00'), {
  key: `warning:firstResponse:${at('12:00').toISOString()}`,
  clock: 'firstResponse',
});
const breached = (level: number) =>
  event('sla-breached', at('14:00'), {
    key: `breach:firstResponse:${at('14:00').toISOString()}`,
    point: `firstResponse:${at('14:00').toISOString()}`,
    clock: 'firstResponse',
    level,
  });

const caseWith = (events: CaseEvent[], overrides: Partial<CaseState> = {}): CaseState =>
  buildCase({ createdAt: at('09:00'), events: [opened, ...events], ...overrides });

describe('SLA alerts due from the history', () => {
  it.each([
    {
      name: 'nothing before the warning point; the timer waits for it',
      now: '11:00',
      events: [],
      due: [],
      timer: { at: at('12:00'), decision: 'warning' },
    },
    {
      name: 'the warning once the threshold passed, armed to run at once',
      now: '12:30',
      events: [],
      due: [{ kind: 'warning', clock: 'firstResponse' }],
      timer: { at: at('12:30'), decision: 'warning' },
    },
    {
      name: 'nothing once the warning is recorded; the timer waits for the breach',
      now: '12:30',
      events: [warned],
      due: [],
      timer: { at: at('14:00'), decision: 'breach' },
    },
    {
      name: 'only the breach when both points passed unnoticed (the app was down)',
      now: '15:00',
      events: [],
      due: [{ kind: 'breach', clock: 'firstResponse', level: 0 }],
      timer: { at: at('15:00'), decision: 'breach' },
    },
    {
      name: 'nothing after a reply, even a late one: the clock stopped',
      now: '16:00',
      events: [event('replied', at('15:00'))],
      due: [],
      timer: undefined,
    },
  ])('$name', ({ now, events, due, timer }) => {
    const sla = evaluateCaseSla(caseWith(events), config(), categoryOf, at(now));
    expect(
      sla.due.map(({ kind, clock, level }) => ({
        kind,
        clock,
        ...(level === undefined ? {} : { level }),
      })),
    ).toEqual(due);
    expect(sla.timers.firstResponse).toEqual(timer);
  });

  it('re-escalates once per interval past the target, counting a late breach as told', () => {
    const every = config({ escalation: { reescalateEvery: 60, raisePriorityOnBreach: false } });
    const at1530 = evaluateCaseSla(caseWith([warned, breached(0)]), every, categoryOf, at('15:30'));
    expect(at1530.due).toMatchObject([{ kind: 're-escalation', level: 1 }]);
    // A breach first noticed at level 2 stands for levels up to 2.
    const late = evaluateCaseSla(caseWith([warned, breached(2)]), every, categoryOf, at('16:30'));
    expect(late.due).toEqual([]);
    expect(late.timers.firstResponse).toEqual({ at: at('17:00'), decision: 're-escalation' });
  });

  it('has no timers on a closed case', () => {
    const closed = caseWith([event('status-changed', at('10:00'), { from: 'new', to: 'closed' })], {
      status: 'closed',
      statusCategory: 'closed',
    });
    const sla = evaluateCaseSla(closed, config(), categoryOf, at('15:00'));
    expect(Object.values(sla.timers).filter(Boolean)).toEqual([]);
    expect(sla.due).toEqual([]);
  });

  it('trips a languishing status after its business time, once', () => {
    const testing = event('status-changed', at('10:00'), { from: 'new', to: 'testing' });
    const state = caseWith([event('replied', at('09:30')), testing], {
      status: 'testing',
      statusCategory: 'pending-customer',
    });
    const before = evaluateCaseSla(state, config({}, true), categoryOf, at('14:00'));
    // 10:00 + 4 business hours with the lunch hour off.
    expect(before.timers.languishing).toEqual({ at: at('15:00'), decision: 'languishing' });
    expect(before.due).toEqual([]);
    const after = evaluateCaseSla(state, config({}, true), categoryOf, at('15:30'));
    expect(after.due).toMatchObject([{ kind: 'languishing', since: at('10:00') }]);
    const recorded = caseWith(
      [
        ...state.events.slice(1),
        event('status-languishing', at('15:00'), { key: after.due[0]!.key }),
      ],
      { status: 'testing', statusCategory: 'pending-customer' },
    );
    expect(evaluateCaseSla(recorded, config({}, true), categoryOf, at('16:00')).due).toEqual([]);
  });
});

describe('recording alerts', () => {
  const told: AlertRecipient[] = [
    { kind: 'agent', id: 'agent-ben', name: 'Ben', as: 'queue manager' },
    { kind: 'channel', address: 'slack:C0ESC', as: 'escalation channel' },
  ];
  const input = (state: CaseState, now: Date, overrides: Partial<SlaPolicy> = {}) => {
    const sla = evaluateCaseSla(state, config(overrides), categoryOf, now);
    return recordSlaAlerts({
      action: {
        current: state,
        actor: { kind: 'system', name: 'Caseline SLA' },
        ctx: {
          now,
          newId: (() => {
            let n = 0;
            return () => `id-${++n}`;
          })(),
        },
      },
      alerts: sla.due.map((alert) => ({ alert, told })),
      policy: sla.policy,
      calendar: sla.calendar,
    });
  };

  it('writes an internal event naming who is told, raises the escalation level, notifies staff', () => {
    const result = input(caseWith([warned]), at('14:30'));
    if (!result.ok || !result.value) throw new Error('expected a change');
    const [breach] = result.value.events;
    expect(breach).toMatchObject({
      type: 'sla-breached',
      visibility: 'internal',
      data: {
        clock: 'firstResponse',
        told: 'Ben (queue manager), slack:C0ESC (escalation channel)',
        agentIds: 'agent-ben',
        channels: 'slack:C0ESC',
      },
    });
    expect(breach!.text).toContain('First response breached: it was due 14:00');
    expect(result.value.set.escalationLevel).toBe(1);
    expect(result.value.set.priority).toBeUndefined();
    expect(result.value.notify).toContainEqual({
      topic: 'sla-alert',
      audience: 'staff',
      eventId: breach!.id,
    });
    // Nothing for the customer: the breach is the desk's business.
    expect(result.value.notify.filter((n) => n.audience === 'customer')).toEqual([]);
  });

  it('raises the priority one step on a breach when the policy says so', () => {
    const result = input(caseWith([warned]), at('14:30'), {
      escalation: { raisePriorityOnBreach: true },
    });
    if (!result.ok || !result.value) throw new Error('expected a change');
    expect(result.value.set.priority).toBe('high');
    expect(result.value.events.map((e) => e.type)).toEqual(['sla-breached', 'priority-changed']);
  });

  it('records nothing when nothing is due', () => {
    expect(input(caseWith([warned, breached(0)]), at('14:30'))).toEqual({ ok: true, value: null });
  });
});

describe('card summary', () => {
  it('promises the earliest running due time, and owns up when a promise is broken', () => {
    const running = summarizeSla(evaluateCaseSla(caseWith([]), config(), categoryOf, at('10:00')));
    expect(running.nextPromise).toEqual({ clock: 'firstResponse', at: at('14:00'), late: false });
    expect(running.clocks.map((c) => c.kind)).toEqual(['firstResponse', 'resolution']);
    const late = summarizeSla(evaluateCaseSla(caseWith([]), config(), categoryOf, at('15:00')), 1);
    expect(late.nextPromise).toEqual({ clock: 'firstResponse', at: at('14:00'), late: true });
    expect(late.escalationLevel).toBe(1);
  });
});
