import {
  attainmentEntry,
  caseMetrics,
  clockStops,
  placementAt,
  tallyAttainment,
  type AttainmentEntry,
} from '../../../../src/domain/metrics/index.js';
import type { CaseEvent, CaseState } from '../../../../src/domain/case/types.js';
import {
  computeClocks,
  deflectionOf,
  type BusinessCalendar,
  type SlaPolicy,
} from '../../../../src/domain/sla/index.js';
import {
  ANA,
  assign,
  at,
  BEN,
  caseWith,
  categoryOf,
  claim,
  comment,
  moveQueue,
  opened,
  prioritize,
  reply,
  resolve,
  selfSolve,
  status,
} from './histories.js';

const NOW = at('18:00');
const calendar: BusinessCalendar = { name: 'always', timeZone: 'UTC', hours: '24/7', holidays: [] };
const none = [] as const;
const policy: SlaPolicy = {
  name: 'standard',
  calendar: 'always',
  targets: {
    urgent: { firstResponse: 30, resolution: 120 },
    high: { firstResponse: 60, resolution: 240 },
    normal: { firstResponse: 120, nextResponse: 60, resolution: 480 },
    low: {},
  },
  warningAt: 0.75,
  pauseOn: {
    firstResponse: ['pending-customer'],
    nextResponse: none,
    resolution: ['pending-customer'],
  },
  escalation: { raisePriorityOnBreach: false },
};

const entryOf = (events: readonly CaseEvent[], overrides: Partial<CaseState> = {}) => {
  const c = caseWith(events, { queueKey: 'finance', ...overrides });
  const deflection = deflectionOf(c);
  return attainmentEntry({
    case: c,
    clocks: computeClocks({ case: c, policy, calendar, workflowCategoryOf: categoryOf, now: NOW }),
    organization: 'Acme',
    ...(deflection ? { deflection } : {}),
    stops: clockStops(caseMetrics(c, categoryOf, NOW)),
    now: NOW,
  });
};

const group = (groups: readonly { name: string }[], name: string) =>
  groups.find((g) => g.name === name) as AttainmentGroupOf | undefined;
type AttainmentGroupOf = ReturnType<typeof tallyAttainment>['byAgent'][number];

describe('placementAt', () => {
  const c = caseWith(
    [
      opened('09:00'),
      moveQueue('09:00', null, 'finance'),
      claim('09:10'),
      prioritize('10:00', 'normal', 'urgent'),
      moveQueue('11:00', 'finance', 'payroll'),
      assign('11:00', BEN),
    ],
    { queueKey: 'payroll', priority: 'urgent', assigneeId: BEN.id, assigneeName: 'Ben' },
  );
  it.each([
    ['before anyone claimed it', '09:05', { queueKey: 'finance', priority: 'normal' }],
    [
      'after Ana claimed it',
      '09:30',
      { agentName: 'Ana', queueKey: 'finance', priority: 'normal' },
    ],
    ['after the priority change', '10:30', { agentName: 'Ana', priority: 'urgent' }],
    ['after the queue move', '11:30', { agentName: 'Ben', queueKey: 'payroll' }],
  ])('is where the case stood %s', (_, hhmm, expected) => {
    const placement = placementAt(c, at(hhmm));
    expect(placement).toMatchObject(expected);
    if (!('agentName' in expected)) expect(placement.agentName).toBeUndefined();
  });
});

describe('tallyAttainment', () => {
  const entries: AttainmentEntry[] = [
    // Ana answers in 30 min (kept); the case then moves to payroll and Ben, and is raised
    // to high: its resolution, still running at 9 h against 4 h, is broken for Ben/payroll.
    entryOf(
      [
        opened('09:00'),
        moveQueue('09:00', null, 'finance'),
        claim('09:05'),
        reply('09:30'),
        prioritize('10:00', 'normal', 'high'),
        moveQueue('10:00', 'finance', 'payroll'),
        assign('10:00', BEN),
      ],
      { priority: 'high', queueKey: 'payroll', assigneeId: BEN.id, assigneeName: 'Ben' },
    ),
    // Ana answers late (3 h against 2 h), then solves within 8 h.
    entryOf(
      [
        opened('09:00'),
        claim('09:00'),
        reply('12:00'),
        status('12:00', 'new', 'waiting'),
        comment('13:00'),
        status('13:00', 'waiting', 'in-progress'),
        reply('13:30'),
        resolve('14:00'),
        status('14:00', 'in-progress', 'solved'),
      ],
      { assigneeId: ANA.id, assigneeName: 'Ana' },
    ),
    // Solved by the customer with an article: a deflection, never a kept response.
    entryOf([opened('09:00'), selfSolve('09:10'), status('09:10', 'new', 'solved')], {
      resolution: { type: 'self-solved', text: 'The article solved it.' },
    }),
  ];
  const report = tallyAttainment(entries, NOW);

  it('counts deflections apart, never as kept first responses', () => {
    expect(report.deflections).toBe(1);
    expect(report.clocks.firstResponse).toMatchObject({ met: 1, breached: 1, deflected: 1 });
    expect(report.clocks.firstResponse.compliance).toBe(0.5);
    expect(report.clocks.resolution).toMatchObject({ met: 1, breached: 1, deflected: 1 });
  });

  it('credits each clock to the owner when it stopped, or the owner now', () => {
    expect(group(report.byAgent, 'Ana')?.clocks.firstResponse).toMatchObject({
      met: 1,
      breached: 1,
    });
    expect(group(report.byAgent, 'Ana')?.clocks.resolution).toMatchObject({ met: 1, breached: 0 });
    expect(group(report.byAgent, 'Ben')?.clocks.firstResponse).toMatchObject({
      met: 0,
      breached: 0,
    });
    expect(group(report.byAgent, 'Ben')?.clocks.resolution).toMatchObject({ breached: 1 });
    expect(group(report.byAgent, 'Unassigned')).toMatchObject({ deflections: 1 });
  });

  it('counts a clock in the queue it was in when it stopped', () => {
    expect(group(report.byQueue, 'finance')?.clocks.firstResponse).toMatchObject({
      met: 1,
      breached: 1,
      deflected: 1,
    });
    expect(group(report.byQueue, 'payroll')?.clocks.resolution).toMatchObject({ breached: 1 });
    expect(group(report.byQueue, 'payroll')?.clocks.firstResponse.met).toBe(0);
  });

  it('counts a clock at the priority it was judged by when it stopped', () => {
    expect(group(report.byPriority, 'normal')?.clocks.firstResponse).toMatchObject({
      met: 1,
      breached: 1,
    });
    expect(group(report.byPriority, 'high')?.clocks.resolution).toMatchObject({ breached: 1 });
    expect(group(report.byOrganization, 'Acme')?.deflections).toBe(1);
  });
});

describe('clockStops', () => {
  it.each([
    [
      'answered, then solved',
      { firstReplyAt: at('10:00'), firstSolvedAt: at('11:00'), solvedAt: at('11:00') },
      { firstResponse: at('10:00'), resolution: at('11:00') },
    ],
    [
      'solved without an answer, reopened',
      { firstSolvedAt: at('09:30') },
      { firstResponse: at('09:30') },
    ],
    ['nothing yet', {}, {}],
  ])('%s', (_, metrics, expected) => {
    expect(clockStops(metrics)).toEqual(expected);
  });
});
