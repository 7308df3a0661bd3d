import {
  answerCsat,
  csatSettingsSchema,
  decideSurvey,
  isLowScore,
  isSampled,
  surveyDueAt,
  workedBy,
  type CsatSettings,
} from '../../../../src/domain/case/csat.js';
import type { CaseEvent } from '../../../../src/domain/case/types.js';
import { ANA, BEN, CAROL, DAVE, buildCase, ctx } from '../../../support/build-case.js';

const settings = (overrides: Partial<CsatSettings> = {}): CsatSettings => ({
  ...csatSettingsSchema.parse({ send: 'every', delayMinutes: 60 }),
  ...overrides,
});
const closedAt = new Date('2026-11-23T10:00:00Z');
const closed = buildCase({ status: 'closed', statusCategory: 'closed', closedAt });
const sentEvent = (entryId: string): CaseEvent => ({
  id: 'e-sent',
  type: 'csat-sent',
  at: closedAt,
  actor: { kind: 'system', id: 'system', name: 'Caseline survey', role: 'system' },
  visibility: 'internal',
  data: { entryId },
});
const NOBODY = { agentIds: [], channels: [] };

describe('which closed cases are surveyed', () => {
  it.each([
    ['off', { send: 'off' as const }, 0],
    ['every case', { send: 'every' as const }, 1000],
  ])('%s', (_name, overrides, expected) => {
    const ids = Array.from({ length: 1000 }, (_, i) => `case-${i}`);
    expect(ids.filter((id) => isSampled(settings(overrides), id))).toHaveLength(expected);
  });

  it('a sample takes about its share, and the same case always decides the same', () => {
    const sample = settings({ send: 'sample', samplePercent: 25 });
    const ids = Array.from({ length: 4000 }, (_, i) => `c0ffee-${i}`);
    const taken = ids.filter((id) => isSampled(sample, id)).length;
    expect(taken).toBeGreaterThan(800);
    expect(taken).toBeLessThan(1200);
    expect(ids.map((id) => isSampled(sample, id))).toEqual(ids.map((id) => isSampled(sample, id)));
  });

  it('is off unless caseline.yaml says otherwise', () => {
    expect(csatSettingsSchema.parse(undefined)).toMatchObject({ send: 'off' });
    expect(csatSettingsSchema.safeParse({ send: 'sometimes' }).success).toBe(false);
    expect(csatSettingsSchema.safeParse({ lowScoreAtMost: 5 }).success).toBe(false);
  });
});

describe('when the survey of a closed case goes out', () => {
  const at = (minutes: number) => new Date(closedAt.getTime() + minutes * 60_000);

  it.each([
    ['waits for the delay', closed, 59, { kind: 'wait', until: at(60) }],
    ['goes at the delay', closed, 60, { kind: 'send' }],
    [
      'not once the case is reopened',
      buildCase({ status: 'on-hand', statusCategory: 'open' }),
      90,
      { kind: 'skip', reason: 'no longer closed' },
    ],
    [
      'not a second time (an earlier close sent one)',
      buildCase({ ...closed, events: [sentEvent('entry-old')] }),
      90,
      { kind: 'skip', reason: 'already surveyed' },
    ],
    [
      'again under the same entry (a retry after a crash)',
      buildCase({ ...closed, events: [sentEvent('entry-1')] }),
      90,
      { kind: 'send' },
    ],
  ])('%s', (_name, state, minutes, expected) => {
    expect(decideSurvey(settings(), state, 'entry-1', at(minutes))).toEqual(expected);
  });

  it('with no delay, at the close', () => {
    expect(surveyDueAt(settings({ delayMinutes: 0 }), closedAt)).toEqual(closedAt);
  });
});

describe('the answer', () => {
  const worked = buildCase({
    ...closed,
    assigneeId: 'agent-ana',
    assigneeName: 'Ana',
    events: [
      sentEvent('entry-1'),
      {
        ...sentEvent('x'),
        id: 'e1',
        type: 'replied',
        actor: { kind: 'staff', id: 'agent-ben', name: 'Ben', role: 'lead' },
      },
    ],
  });

  it('names the agents who worked the case', () => {
    expect(workedBy(worked)).toEqual([
      { id: 'agent-ana', name: 'Ana' },
      { id: 'agent-ben', name: 'Ben' },
    ]);
  });

  it.each([
    [1, 2, true],
    [2, 2, true],
    [3, 2, false],
    [3, 3, true],
    [5, 4, false],
  ])('score %i with low at most %i is low: %s', (score, threshold, low) => {
    expect(isLowScore(settings({ lowScoreAtMost: threshold }), score)).toBe(low);
  });

  it('is recorded with the score, the comment and the agents, once', () => {
    const change = answerCsat(
      settings(),
      { current: worked, actor: CAROL, ctx: ctx() },
      { score: 4, comment: ' Quick fix ' },
      NOBODY,
    );
    expect(change.ok && change.value?.events).toEqual([
      expect.objectContaining({
        type: 'csat-answered',
        text: 'Quick fix',
        data: expect.objectContaining({ score: 4, low: false, agentIds: 'agent-ana,agent-ben' }),
      }),
    ]);
    expect(change.ok && change.value?.notify).toEqual([]);
    const answered = buildCase({
      ...worked,
      events: [...worked.events, ...(change.ok ? change.value!.events : [])],
    });
    const again = answerCsat(
      settings(),
      { current: answered, actor: CAROL, ctx: ctx() },
      { score: 1 },
      NOBODY,
    );
    expect(again).toEqual({ ok: true, value: null });
  });

  it('a low score tells the lead named', () => {
    const change = answerCsat(
      settings(),
      { current: worked, actor: CAROL, ctx: ctx() },
      { score: 1 },
      { agentIds: ['agent-ben'], channels: [] },
    );
    expect(change.ok && change.value?.events[0]?.data).toMatchObject({
      low: true,
      leadAgentIds: 'agent-ben',
    });
    expect(change.ok && change.value?.notify).toEqual([
      expect.objectContaining({ topic: 'csat-low-score', audience: 'staff' }),
    ]);
  });

  it('is refused on a case that was never asked', () => {
    const unasked = buildCase({
      ...worked,
      events: worked.events.filter((e) => e.type !== 'csat-sent'),
    });
    const refused = answerCsat(
      settings(),
      { current: unasked, actor: CAROL, ctx: ctx() },
      { score: 5 },
      NOBODY,
    );
    expect(refused).toMatchObject({ ok: false, code: 'not-found' });
  });

  it.each([
    ['an agent', ANA],
    ['a lead', BEN],
    ['another customer', DAVE],
  ])('is refused from %s', (_name, actor) => {
    const refused = answerCsat(
      settings(),
      { current: worked, actor, ctx: ctx() },
      { score: 5 },
      NOBODY,
    );
    expect(refused).toMatchObject({ ok: false, code: 'not-allowed' });
  });
});
