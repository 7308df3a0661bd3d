import { WORKFLOW_PRESETS } from '../../../src/domain/workflow/index.js';
import { parseSupportCommand } from '../../../src/presentation/support-commands.js';
import { interimBacklogByStatusAndAge } from '../../../src/use-cases/report-interim-backlog.js';

const workflow = WORKFLOW_PRESETS.simple;

describe('report and desk, as typed', () => {
  it.each([
    ['report', 'slash', { kind: 'report', report: 'sla', unknown: [] }],
    ['report csat --days 7', 'slash', { kind: 'report', report: 'csat', days: 7, unknown: [] }],
    [
      'report --days 14 backlog',
      'message',
      { kind: 'report', report: 'backlog', days: 14, unknown: [] },
    ],
    [
      'report workload —days 3',
      'message',
      { kind: 'report', report: 'workload', days: 3, unknown: [] },
    ],
    ['report nps', 'slash', { kind: 'report', report: 'sla', unknown: ['nps'] }],
    ['report on the outage', 'message', undefined],
    ['desk', 'slash', { kind: 'desk' }],
    ['desk', 'message', { kind: 'desk' }],
    ['desk phone is broken', 'message', undefined],
  ] as const)('%s (%s)', (text, form, expected) => {
    expect(parseSupportCommand(text, form, workflow)).toEqual(expected);
  });
});

describe('interimBacklogByStatusAndAge', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

  it('counts open cases by status in workflow order and by age since opened', () => {
    const backlog = interimBacklogByStatusAndAge(
      [
        { number: 'CASE-3', status: 'waiting-on-customer', createdAt: daysAgo(40) },
        { number: 'CASE-1', status: 'new', createdAt: daysAgo(0.5) },
        { number: 'CASE-2', status: 'new', createdAt: daysAgo(5) },
      ],
      workflow,
      now,
    );
    expect(backlog.open).toBe(3);
    expect(backlog.byAge).toEqual([1, 0, 1, 0, 1]);
    expect(backlog.byStatus.map((row) => [row.status, row.open, row.byAge])).toEqual([
      ['new', 2, [1, 0, 1, 0, 0]],
      ['waiting-on-customer', 1, [0, 0, 0, 0, 1]],
    ]);
    expect(backlog.oldest).toEqual({ caseNumber: 'CASE-3', days: 40 });
  });

  it('says nothing is open when nothing is', () => {
    expect(interimBacklogByStatusAndAge([], workflow, now)).toEqual({
      open: 0,
      byStatus: [],
      byAge: [0, 0, 0, 0, 0],
      oldest: undefined,
    });
  });
});
