import { summarizeCsat, summarizeWorkload } from '../../../../src/domain/case/csat-report.js';
import { parseCsatPress, csatSurveyView } from '../../../../src/presentation/csat-survey.js';

const NAMES = { queues: new Map([['finance', 'Finance']]), organizations: new Map() };
const answer = (score: number, agents: string[], queueKey = 'finance') => ({
  score,
  agents: agents.map((id) => ({ id, name: id.toUpperCase() })),
  queueKey,
  organizationKey: 'acme',
});

describe('the CSAT report', () => {
  it('counts an answer for every agent who worked the case, and 4s and 5s as satisfied', () => {
    const report = summarizeCsat(
      [answer(5, ['ana', 'ben']), answer(2, ['ana']), answer(4, [], 'general')],
      30,
      NAMES,
    );
    expect(report.total).toEqual({ answers: 3, average: 3.67, satisfiedPercent: 66.7 });
    expect(report.byAgent).toEqual([
      { key: 'ana', name: 'ANA', answers: 2, average: 3.5, satisfiedPercent: 50 },
      { key: 'ben', name: 'BEN', answers: 1, average: 5, satisfiedPercent: 100 },
    ]);
    // Known queues by name, others by their key.
    expect(report.byQueue.map((q) => [q.name, q.answers])).toEqual([
      ['Finance', 2],
      ['general', 1],
    ]);
  });

  it('with no answers, is all zeros', () => {
    expect(summarizeCsat([], 7, NAMES).total).toEqual({
      answers: 0,
      average: 0,
      satisfiedPercent: 0,
    });
  });
});

describe('the workload report', () => {
  const agents = [
    { id: 'ana', name: 'Ana' },
    { id: 'ben', name: 'Ben' },
    { id: 'cy', name: 'Cy' },
  ];
  const rows = summarizeWorkload(
    [
      { assigneeId: 'ben', priority: 'urgent' },
      { assigneeId: 'ben', priority: 'low' },
      { assigneeId: 'ana', priority: 'high' },
      { assigneeId: 'gone', priority: 'normal' },
      { priority: 'normal' },
    ],
    agents,
    new Set(['ana', 'cy']),
  );

  it('lists every agent, busiest first, ties by name, idle ones too, unassigned last', () => {
    expect(rows.map((r) => [r.name, r.open, r.available])).toEqual([
      ['Ben', 2, false],
      ['Ana', 1, true],
      ['gone', 1, false],
      ['Cy', 0, true],
      ['Unassigned', 1, null],
    ]);
    expect(rows[0]!.byPriority).toEqual({ urgent: 1, high: 0, normal: 0, low: 1 });
  });
});

describe('the survey buttons', () => {
  it('carry the case and the score, and nothing else is read as a press', () => {
    const view = csatSurveyView({ caseId: 'case-1', number: 'CASE-1042' });
    expect(view.question).toBe('How did we do on CASE-1042?');
    expect(view.choices.map((c) => parseCsatPress(c.value))).toEqual(
      [1, 2, 3, 4, 5].map((score) => ({ caseId: 'case-1', score })),
    );
    for (const forged of ['case-1|6', 'case-1|0', '|3', 'case-1', 42, undefined])
      expect(parseCsatPress(forged)).toBeUndefined();
  });
});
