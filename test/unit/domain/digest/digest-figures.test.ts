import { backlogAge } from '../../../../src/domain/digest/backlog-age.js';
import { digestCron, digestWeekAt } from '../../../../src/domain/digest/schedule.js';
import { weeklyFlow } from '../../../../src/domain/digest/weekly-flow.js';

const NOW = new Date('2026-11-30T08:00:00Z'); // Monday 09:00 in Berlin
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

describe('interim backlog age', () => {
  it.each([
    ['just opened', 0.5, '< 1 d'],
    ['a day old exactly', 24, '1–3 d'],
    ['two days', 48, '1–3 d'],
    ['three days exactly', 72, '3–7 d'],
    ['a week exactly', 168, '7–30 d'],
    ['29 days', 29 * 24, '7–30 d'],
    ['30 days exactly', 30 * 24, '> 30 d'],
    ['a year', 365 * 24, '> 30 d'],
  ])('%s (%d h) goes in %s', (_what, hours, bucket) => {
    const backlog = backlogAge([{ statusCategory: 'open', createdAt: hoursAgo(hours) }], NOW);
    expect(backlog.buckets.find((b) => b.cases === 1)?.bucket).toBe(bucket);
  });

  it.each(['solved', 'closed'] as const)('leaves %s cases out', (statusCategory) => {
    const backlog = backlogAge([{ statusCategory, createdAt: hoursAgo(100) }], NOW);
    expect(backlog.open).toBe(0);
  });

  it('counts waiting cases as open', () => {
    const cases = [
      { statusCategory: 'pending-customer', createdAt: hoursAgo(2) },
      { statusCategory: 'new', createdAt: hoursAgo(2) },
    ] as const;
    expect(backlogAge(cases, NOW).buckets[0]).toEqual({ bucket: '< 1 d', cases: 2 });
  });
});

describe('digest week', () => {
  it.each([
    [
      'Monday 09:00 Berlin',
      '2026-11-30T08:00:00Z',
      'Europe/Berlin',
      '2026-11-23',
      '2026-11-29',
      '2026-W48',
    ],
    [
      'Monday late, after a retry',
      '2026-11-30T22:30:00Z',
      'Europe/Berlin',
      '2026-11-23',
      '2026-11-29',
      '2026-W48',
    ],
    [
      'Friday 16:00 New York',
      '2026-12-04T21:00:00Z',
      'America/New_York',
      '2026-11-27',
      '2026-12-03',
      '2026-W48',
    ],
    ['across the year', '2027-01-04T09:00:00Z', 'UTC', '2026-12-28', '2027-01-03', '2026-W53'],
  ])('%s covers the seven days before', (_what, at, zone, first, last, label) => {
    const week = digestWeekAt(new Date(at), zone);
    expect([week.firstDay, week.lastDay, week.label]).toEqual([first, last, label]);
  });

  it.each([
    ['monday', '09:00', '0 9 * * 1'],
    ['sunday', '18:30', '30 18 * * 0'],
  ] as const)('%s at %s is the cron line %s', (weekday, time, cron) => {
    expect(digestCron({ weekday, time })).toBe(cron);
  });
});

describe('weekly flow', () => {
  const week = digestWeekAt(NOW, 'Europe/Berlin');
  it('counts intake and solved by local weekday, and only within the week', () => {
    const flow = weeklyFlow(
      [
        // Monday 00:30 in Berlin is Sunday in UTC: counted on Monday.
        { createdAt: new Date('2026-11-22T23:30:00Z'), solvedAt: new Date('2026-11-25T10:00:00Z') },
        { createdAt: new Date('2026-11-20T10:00:00Z'), closedAt: new Date('2026-11-29T22:59:00Z') },
        { createdAt: new Date('2026-11-29T23:00:00Z') }, // Monday of this week: not yet
      ],
      week,
    );
    expect([flow.intake, flow.solved]).toEqual([1, 2]);
    expect(flow.byDay.find((d) => d.day === 'Mon')?.intake).toBe(1);
    expect(flow.byDay.find((d) => d.day === 'Wed')?.solved).toBe(1);
    expect(flow.byDay.find((d) => d.day === 'Sun')?.solved).toBe(1);
  });
});
