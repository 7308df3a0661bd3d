import { DateTime } from 'luxon';
import type { CaseEvent } from '../../../../src/domain/case/types.js';
import { computeClocks } from '../../../../src/domain/sla/clocks.js';
import type { BusinessCalendar, SlaClocks, SlaPolicy } from '../../../../src/domain/sla/types.js';
import type { StatusCategory } from '../../../../src/domain/workflow/types.js';
import { buildCase } from '../../../support/build-case.js';

const shifts = [
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '17:00' },
];
const calendar: BusinessCalendar = {
  name: 'berlin-office',
  timeZone: 'Europe/Berlin',
  hours: { mon: shifts, tue: shifts, wed: shifts, thu: shifts, fri: shifts },
  holidays: [],
};
const pauseOn = ['pending-customer'] as const;
const policy: SlaPolicy = {
  name: 'standard',
  calendar: 'berlin-office',
  targets: {
    urgent: { firstResponse: 60, nextResponse: 30, resolution: 240 },
    high: { firstResponse: 120 },
    normal: { firstResponse: 240, nextResponse: 120, resolution: 960 },
    low: {},
  },
  warningAt: 0.75,
  pauseOn: { firstResponse: pauseOn, nextResponse: pauseOn, resolution: pauseOn },
  escalation: { raisePriorityOnBreach: false },
};
const categories: Record<string, StatusCategory> = {
  new: 'new',
  'on-hand': 'open',
  waiting: 'pending-customer',
  solved: 'solved',
};
const workflowCategoryOf = (status: string): StatusCategory => categories[status] ?? 'open';

// Monday 23 November 2026, Berlin wall time.
const at = (time: string, day = '2026-11-23'): Date =>
  DateTime.fromISO(`${day}T${time}`, { zone: 'Europe/Berlin' }).toJSDate();
const tuesday = (time: string) => at(time, '2026-11-24');

const event = (type: CaseEvent['type'], when: Date, extra: Partial<CaseEvent> = {}): CaseEvent => ({
  id: `${type}-${when.toISOString()}`,
  type,
  at: when,
  actor: { kind: 'staff', id: 'agent-ana', name: 'Ana', role: 'agent' },
  visibility: 'public',
  ...extra,
});
const customer = {
  kind: 'customer',
  id: 'contact-carol',
  name: 'Carol',
  role: 'customer',
} as const;
const opened = (when: Date) => event('opened', when, { actor: customer });
const reply = (when: Date) => event('replied', when);
const comment = (when: Date) => event('commented', when, { actor: customer });
const move = (when: Date, from: string, to: string, type: CaseEvent['type'] = 'status-changed') =>
  event(type, when, { data: { from, to } });
const prioritize = (when: Date, from: string, to: string) =>
  event('priority-changed', when, { data: { from, to } });

const clocksAt = (
  now: Date,
  events: CaseEvent[],
  overrides: Partial<SlaPolicy> = {},
): SlaClocks => {
  const last = [...events].reverse();
  const status = last.find((e) => e.data?.['to'] && e.type !== 'priority-changed')?.data?.['to'];
  const priority = last.find((e) => e.type === 'priority-changed')?.data?.['to'];
  return computeClocks({
    case: buildCase({
      events,
      status: typeof status === 'string' ? status : 'new',
      priority: priority === 'urgent' || priority === 'high' ? priority : 'normal',
    }),
    policy: { ...policy, ...overrides },
    calendar,
    workflowCategoryOf,
    now,
  });
};

describe('first response', () => {
  it('runs from opening with its due time and warning in business hours', () => {
    const { firstResponse } = clocksAt(at('10:00'), [opened(at('09:00'))]);
    expect(firstResponse).toEqual({
      kind: 'firstResponse',
      state: 'running',
      ticking: true,
      targetMinutes: 240,
      usedMinutes: 60,
      leftMinutes: 180,
      due: at('14:00'), // 09:00 + 4h with the lunch hour off
      warnAt: at('12:00'), // 3h used exactly at the lunch break
    });
  });

  it('is met by the first public staff reply', () => {
    const { firstResponse } = clocksAt(at('16:00'), [opened(at('09:00')), reply(at('11:30'))]);
    expect(firstResponse).toMatchObject({ state: 'met', ticking: false, usedMinutes: 150 });
    expect(firstResponse.metAt).toEqual(at('11:30'));
  });

  it('is breached by a late reply, and says by how much', () => {
    const { firstResponse } = clocksAt(tuesday('12:00'), [
      opened(at('09:00')),
      reply(tuesday('09:00')),
    ]);
    expect(firstResponse).toMatchObject({
      state: 'breached',
      ticking: false,
      breachedByMinutes: 240,
    });
    expect(firstResponse.due).toEqual(at('14:00'));
  });

  it('ignores internal notes and customer messages', () => {
    const note = event('replied', at('10:00'), { visibility: 'internal' });
    const clocks = clocksAt(at('11:00'), [opened(at('09:00')), note, comment(at('10:30'))]);
    expect(clocks.firstResponse.state).toBe('running');
    expect(clocks.nextResponse.state).toBe('not-applicable');
  });

  it('opened on a Saturday starts counting on Monday morning', () => {
    const saturday = at('10:00', '2026-11-21');
    const { firstResponse } = clocksAt(at('09:00'), [opened(saturday)]);
    expect(firstResponse).toMatchObject({ usedMinutes: 60, due: at('12:00') });
  });

  it('stops when the case is solved without a reply', () => {
    const events = [opened(at('09:00')), move(at('10:00'), 'new', 'solved')];
    expect(clocksAt(at('16:00'), events).firstResponse.state).toBe('met');
  });
});

describe('next response', () => {
  const answered = [opened(at('09:00')), reply(at('09:30'))];

  it('is not applicable while no customer message waits', () => {
    expect(clocksAt(at('11:00'), answered).nextResponse.state).toBe('not-applicable');
  });

  it('runs from a customer comment after the first response', () => {
    const { nextResponse } = clocksAt(tuesday('09:00'), [...answered, comment(at('16:30'))]);
    expect(nextResponse).toMatchObject({ state: 'running', usedMinutes: 90, leftMinutes: 30 });
    expect(nextResponse.due).toEqual(tuesday('09:30'));
  });

  it('counts from the first of several unanswered comments', () => {
    const events = [...answered, comment(at('14:00')), comment(at('15:00'))];
    expect(clocksAt(at('15:30'), events).nextResponse.usedMinutes).toBe(90);
  });

  it('is breached when the comment stays unanswered past its target', () => {
    const { nextResponse } = clocksAt(at('16:00'), [...answered, comment(at('11:00'))]);
    expect(nextResponse).toMatchObject({
      state: 'breached',
      ticking: true,
      breachedByMinutes: 120,
    });
    expect(nextResponse.due).toEqual(at('14:00'));
  });

  it('rests again after the staff reply', () => {
    const events = [...answered, comment(at('11:00')), reply(at('11:15'))];
    expect(clocksAt(at('16:00'), events).nextResponse.state).toBe('not-applicable');
  });
});

describe('pauses', () => {
  it('a case waiting on the customer for a day uses no business time', () => {
    const events = [
      opened(at('09:00')),
      reply(at('09:30')),
      move(at('10:00'), 'new', 'waiting'),
      comment(tuesday('10:00')),
      move(tuesday('10:00'), 'waiting', 'on-hand'),
    ];
    const { resolution } = clocksAt(tuesday('11:00'), events);
    expect(resolution).toMatchObject({ state: 'running', usedMinutes: 120 });
    expect(resolution.due).toEqual(at('09:00', '2026-11-26')); // 14 h left from Tue 11:00
  });

  it('reports a paused clock without a due time', () => {
    const events = [opened(at('09:00')), move(at('10:00'), 'new', 'waiting')];
    const { resolution } = clocksAt(at('15:00'), events);
    expect(resolution).toMatchObject({
      state: 'paused',
      ticking: false,
      usedMinutes: 60,
      leftMinutes: 900,
    });
    expect(resolution.due).toBeUndefined();
  });

  it('adds up several pauses', () => {
    const events = [
      opened(at('09:00')),
      move(at('10:00'), 'new', 'waiting'),
      move(at('11:00'), 'waiting', 'on-hand'),
      move(at('14:00'), 'on-hand', 'waiting'),
      move(at('16:00'), 'waiting', 'on-hand'),
    ];
    // 09–10, 11–12 and 13–14 count; lunch and both waits do not.
    expect(clocksAt(at('16:30'), events).resolution.usedMinutes).toBe(210);
  });

  it('follows the policy: a clock not paused by the category keeps running', () => {
    const events = [opened(at('09:00')), move(at('10:00'), 'new', 'waiting')];
    const keepsRunning = { ...policy.pauseOn, firstResponse: [] };
    const clocks = clocksAt(at('11:00'), events, { pauseOn: keepsRunning });
    expect(clocks.firstResponse).toMatchObject({ state: 'running', usedMinutes: 120 });
    expect(clocks.resolution).toMatchObject({ state: 'paused', usedMinutes: 60 });
  });
});

describe('resolution', () => {
  const solvedMonday = [
    opened(at('09:00')),
    reply(at('09:30')),
    move(at('11:00'), 'on-hand', 'solved'),
  ];

  it('is met when the case is solved', () => {
    const { resolution } = clocksAt(tuesday('12:00'), solvedMonday);
    expect(resolution).toMatchObject({ state: 'met', usedMinutes: 120, metAt: at('11:00') });
  });

  it('resumes with the time already used when the case is reopened', () => {
    const events = [...solvedMonday, move(tuesday('09:00'), 'solved', 'on-hand', 'reopened')];
    const { resolution } = clocksAt(tuesday('10:00'), events);
    expect(resolution).toMatchObject({ state: 'running', usedMinutes: 180 });
    expect(resolution.metAt).toBeUndefined();
  });
});

describe('priority changes', () => {
  it('re-target a running clock and keep the time used', () => {
    const events = [opened(at('09:00')), prioritize(at('09:30'), 'normal', 'urgent')];
    const { firstResponse } = clocksAt(at('09:45'), events);
    expect(firstResponse).toMatchObject({ state: 'running', targetMinutes: 60, usedMinutes: 45 });
    expect(firstResponse.due).toEqual(at('10:00'));
  });

  it('breach at the moment of the change when the new target is already used up', () => {
    const events = [opened(at('09:00')), prioritize(at('10:30'), 'normal', 'urgent')];
    const { firstResponse } = clocksAt(at('11:00'), events);
    expect(firstResponse).toMatchObject({ state: 'breached', breachedByMinutes: 60 });
    expect(firstResponse.due).toEqual(at('10:30'));
  });

  it('lift a breach when the priority is lowered again', () => {
    const events = [
      opened(at('09:00')),
      prioritize(at('10:30'), 'normal', 'urgent'),
      prioritize(at('11:00'), 'urgent', 'normal'),
    ];
    const { firstResponse } = clocksAt(at('11:00'), events);
    expect(firstResponse).toMatchObject({ state: 'running', usedMinutes: 120, due: at('14:00') });
  });

  it('leave a clock that was already met alone', () => {
    const events = [
      opened(at('09:00')),
      reply(at('10:30')),
      prioritize(at('11:00'), 'normal', 'urgent'),
    ];
    expect(clocksAt(at('12:00'), events).firstResponse.state).toBe('met');
  });

  it('make a clock not applicable when the new priority has no target', () => {
    const events = [opened(at('09:00')), prioritize(at('09:30'), 'normal', 'low')];
    const clocks = clocksAt(at('10:00'), events);
    expect(clocks.firstResponse).toMatchObject({ state: 'not-applicable', usedMinutes: 60 });
  });
});

describe('re-escalation', () => {
  it('schedules the next repeat for a breached clock that keeps ticking', () => {
    const escalation = { raisePriorityOnBreach: true, reescalateEvery: 60 };
    const { firstResponse } = clocksAt(at('15:30'), [opened(at('09:00'))], { escalation });
    expect(firstResponse).toMatchObject({ state: 'breached', breachedByMinutes: 90 });
    expect(firstResponse.reescalateAt).toEqual(at('16:00'));
  });
});
