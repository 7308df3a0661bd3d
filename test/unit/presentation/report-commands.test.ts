import { WORKFLOW_PRESETS } from '../../../src/domain/workflow/index.js';
import { parseSupportCommand } from '../../../src/presentation/support-commands.js';

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
