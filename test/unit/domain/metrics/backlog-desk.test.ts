import {
  ageBucket,
  backlogTally,
  caseMetrics,
  deskMetricsTally,
  spreadOf,
  type AgeBucket,
} from '../../../../src/domain/metrics/index.js';
import {
  at,
  BEN,
  caseWith,
  categoryOf,
  logTime,
  opened,
  reopen,
  reply,
  resolve,
  selfSolve,
  status,
} from './histories.js';

const NOW = at('12:00', '2026-11-30');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe('ageBucket', () => {
  it.each<[number, AgeBucket]>([
    [0.5, 'under1d'],
    [1, '1to3d'],
    [2.9, '1to3d'],
    [3, '3to7d'],
    [7, '7to30d'],
    [29.9, '7to30d'],
    [30, 'over30d'],
    [400, 'over30d'],
  ])('puts a case %s days old in %s', (days, bucket) => {
    expect(ageBucket(daysAgo(days), NOW)).toBe(bucket);
  });
});

describe('backlogTally', () => {
  it('counts open cases by status in workflow order, with ages and the languishing', () => {
    const tally = backlogTally({
      now: NOW,
      statusOrder: ['new', 'in-progress', 'waiting'],
      languishingAfter: new Map([['waiting', 2400]]),
    });
    const add = (n: number, status: string, days: number, languishing = false) =>
      tally.add({
        caseNumber: `CASE-${n}`,
        status,
        category: categoryOf(status),
        createdAt: daysAgo(days),
        languishing,
      });
    add(1, 'waiting', 10, true);
    add(2, 'waiting', 2);
    add(3, 'new', 0.1);
    add(4, 'in-progress', 45);
    add(5, 'custom', 5);
    const report = tally.result();
    expect(report.open).toBe(5);
    expect(report.languishing).toBe(1);
    expect(report.byStatus.map((row) => [row.status, row.open, row.languishing])).toEqual([
      ['new', 1, 0],
      ['in-progress', 1, 0],
      ['waiting', 2, 1],
      ['custom', 1, 0],
    ]);
    expect(report.byStatus[2]).toMatchObject({
      languishingAfterMinutes: 2400,
      ages: { under1d: 0, '1to3d': 1, '3to7d': 0, '7to30d': 1, over30d: 0 },
    });
    expect(report.byStatus[0]).not.toHaveProperty('languishingAfterMinutes');
    expect(report.ages).toEqual({ under1d: 1, '1to3d': 1, '3to7d': 1, '7to30d': 1, over30d: 1 });
    expect(report.oldest.map((o) => o.caseNumber)).toEqual([
      'CASE-4',
      'CASE-1',
      'CASE-5',
      'CASE-2',
      'CASE-3',
    ]);
  });
});

describe('spreadOf', () => {
  it.each([
    [[], { count: 0 }],
    [[7], { count: 1, medianMinutes: 7, p90Minutes: 7 }],
    [[5, 1, 4, 2, 3], { count: 5, medianMinutes: 3, p90Minutes: 5 }],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { count: 10, medianMinutes: 5, p90Minutes: 9 }],
  ])('of %j is %j (nearest rank)', (minutes, expected) => {
    expect(spreadOf(minutes)).toEqual(expected);
  });
});

describe('deskMetricsTally', () => {
  const day = '2026-11-30';
  const on = (hhmm: string) => at(hhmm, day);
  const shift = <T extends { at: Date }>(e: T): T => ({
    ...e,
    at: new Date(e.at.getTime() + (on('00:00').getTime() - at('00:00').getTime())),
  });
  const today = (events: Parameters<typeof caseWith>[0], overrides = {}) =>
    caseMetrics(caseWith(events.map(shift), overrides), categoryOf, NOW);
  const metrics = [
    // At first contact: one reply, solved.
    today([
      opened('08:00'),
      reply('08:30', BEN),
      resolve('09:00'),
      status('09:00', 'new', 'solved'),
    ]),
    // Reopened, then solved again: neither first contact nor one-touch.
    today([
      opened('08:00'),
      reply('09:00'),
      status('09:30', 'new', 'solved'),
      reopen('10:00', 'solved', 'in-progress'),
      logTime('10:30', 40),
      status('11:00', 'in-progress', 'solved'),
    ]),
    // A deflection: opened, solved by the customer with an article.
    today([opened('08:00'), selfSolve('08:10'), status('08:10', 'new', 'solved')], {
      resolution: { type: 'self-solved', text: 'The article solved it.' },
    }),
    // Still open, unanswered.
    today([opened('10:00'), logTime('11:00', 15, BEN)]),
  ];
  const since = on('00:00');
  const tally = deskMetricsTally(since, NOW);
  metrics.forEach((m) => tally.add(m));
  const report = tally.result();

  it('gives reopen rate, first-contact resolution and deflection rate', () => {
    expect(report.opened).toBe(4);
    expect(report.solved).toBe(3);
    expect(report.reopened).toEqual({ count: 1, of: 3, rate: 1 / 3 });
    // Deflections are not the desk's solutions: one of the two it solved.
    expect(report.firstContactResolution).toEqual({ count: 1, of: 2, rate: 0.5 });
    expect(report.deflected).toEqual({ count: 1, of: 4, rate: 0.25 });
  });

  it('gives first reply and resolution spreads and the time logged per agent', () => {
    expect(report.firstReply).toEqual({ count: 2, medianMinutes: 30, p90Minutes: 60 });
    expect(report.resolution).toEqual({ count: 2, medianMinutes: 60, p90Minutes: 180 });
    expect(report.timeLogged).toEqual({
      totalMinutes: 55,
      byAgent: [
        { agentId: 'agent-ana', name: 'Ana', minutes: 40 },
        { agentId: 'agent-ben', name: 'Ben', minutes: 15 },
      ],
    });
  });

  it('leaves out what happened before the period', () => {
    const later = deskMetricsTally(on('10:30'), NOW);
    metrics.forEach((m) => later.add(m));
    const value = later.result();
    expect(value.opened).toBe(0);
    expect(value.deflected).toEqual({ count: 0, of: 0 });
    expect(value.solved).toBe(1);
    expect(value.timeLogged.totalMinutes).toBe(55);
  });
});
