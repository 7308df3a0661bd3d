import { caseMetrics, type CaseMetrics } from '../../../../src/domain/metrics/index.js';
import type { CaseEvent, CaseState } from '../../../../src/domain/case/types.js';
import {
  at,
  BEN,
  caseWith,
  categoryOf,
  claim,
  comment,
  logTime,
  note,
  opened,
  reopen,
  reply,
  resolve,
  selfSolve,
  status,
} from './histories.js';

const NOW = at('18:00');

interface Row {
  readonly name: string;
  readonly events: readonly CaseEvent[];
  readonly overrides?: Partial<CaseState>;
  readonly expected: Partial<CaseMetrics>;
  /** Figures that must be missing: what has not happened has no value. */
  readonly absent?: readonly (keyof CaseMetrics)[];
}

const rows: Row[] = [
  {
    name: 'answered, asked again, answered, solved',
    events: [
      opened('09:00'),
      reply('09:30'),
      comment('10:00'),
      comment('10:15'),
      reply('11:00'),
      resolve('12:00'),
      status('12:00', 'new', 'solved'),
    ],
    expected: {
      firstReplyAt: at('09:30'),
      firstReplyMinutes: 30,
      // From the earliest unanswered message, as Zendesk's next reply time.
      nextReplyMinutes: [60],
      solvedAt: at('12:00'),
      firstSolvedAt: at('12:00'),
      resolutionMinutes: 180,
      requesterWaitMinutes: 180,
      pendingMinutes: 0,
      agentReplies: 2,
      reopens: 0,
      firstContactResolution: false,
    },
  },
  {
    name: 'pauses: waiting on the customer and on hold',
    events: [
      opened('09:00'),
      status('09:10', 'new', 'in-progress'),
      reply('09:20'),
      status('09:30', 'in-progress', 'waiting'),
      comment('11:30'),
      status('11:30', 'waiting', 'in-progress'),
      status('12:00', 'in-progress', 'on-hold'),
      resolve('13:00'),
      status('13:00', 'on-hold', 'solved'),
    ],
    expected: {
      firstReplyMinutes: 20,
      nextReplyMinutes: [90],
      resolutionMinutes: 240,
      // 09:00–09:30 and 11:30–13:00: the hold counts as waiting, the pending does not.
      requesterWaitMinutes: 120,
      pendingMinutes: 120,
      onHoldMinutes: 60,
      agentReplies: 1,
      firstContactResolution: true,
    },
  },
  {
    name: 'a reopen: solved, reopened, solved again',
    events: [
      opened('09:00'),
      resolve('10:00'),
      status('10:00', 'new', 'solved'),
      reopen('11:00', 'solved', 'in-progress'),
      reply('11:30'),
      status('12:00', 'in-progress', 'solved'),
    ],
    expected: {
      // The resolution answered first; a reopen never makes a first reply later.
      firstReplyMinutes: 60,
      firstSolvedAt: at('10:00'),
      solvedAt: at('12:00'),
      resolutionMinutes: 180,
      requesterWaitMinutes: 120,
      reopens: 1,
      agentReplies: 1,
      firstContactResolution: false,
    },
  },
  {
    name: 'reopened and still open: not solved, nothing resolved',
    events: [
      opened('09:00'),
      status('10:00', 'new', 'solved'),
      reopen('11:00', 'solved', 'in-progress'),
    ],
    expected: {
      firstSolvedAt: at('10:00'),
      requesterWaitMinutes: 60 + 7 * 60,
      reopens: 1,
      firstContactResolution: false,
    },
    absent: ['solvedAt', 'resolutionMinutes', 'firstReplyAt'],
  },
  {
    name: 'a deflection: the customer solved it with an article',
    events: [opened('09:00'), selfSolve('09:05'), status('09:05', 'new', 'solved', BEN)],
    overrides: { resolution: { type: 'self-solved', text: 'The article solved it.' } },
    expected: {
      nextReplyMinutes: [],
      resolutionMinutes: 5,
      agentReplies: 0,
      deflected: true,
      firstContactResolution: false,
    },
    absent: ['firstReplyAt', 'firstReplyMinutes'],
  },
  {
    name: 'time logged by two agents; internal notes are no replies',
    events: [
      opened('09:00'),
      claim('09:05'),
      note('09:10'),
      logTime('09:40', 25),
      reply('10:00', BEN, 10),
      status('10:30', 'new', 'closed'),
    ],
    expected: {
      firstReplyMinutes: 60,
      agentWorkMinutes: 35,
      timeLogged: [
        { agentId: 'agent-ana', agentName: 'Ana', minutes: 25, at: at('09:40') },
        { agentId: 'agent-ben', agentName: 'Ben', minutes: 10, at: at('10:00') },
      ],
      agentReplies: 1,
      // Closed without a solve counts as solved at the close.
      solvedAt: at('10:30'),
      firstContactResolution: true,
    },
  },
  {
    name: 'open and unanswered: the requester is still waiting',
    events: [opened('09:00'), status('09:30', 'new', 'in-progress')],
    expected: {
      nextReplyMinutes: [],
      requesterWaitMinutes: 9 * 60,
      agentWorkMinutes: 0,
      firstContactResolution: false,
    },
    absent: ['firstReplyAt', 'solvedAt', 'firstSolvedAt', 'resolutionMinutes'],
  },
];

describe('caseMetrics', () => {
  it.each(rows)('$name', ({ events, overrides, expected, absent }) => {
    const metrics = caseMetrics(caseWith(events, overrides), categoryOf, NOW);
    expect(metrics).toMatchObject(expected);
    for (const key of absent ?? []) expect(metrics[key]).toBeUndefined();
  });

  it('reads history only up to now', () => {
    const c = caseWith([opened('09:00'), reply('19:00')]);
    expect(caseMetrics(c, categoryOf, NOW).firstReplyAt).toBeUndefined();
  });
});
