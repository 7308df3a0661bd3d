/**
 * The digest's figures over hand-built cases on the in-memory store: what a queue's
 * digest counts, and that CSAT and recurring problems come from their reports, narrowed
 * to the queue.
 */
import type { CaseState } from '../../../src/domain/case/types.js';
import { digestWeekAt } from '../../../src/domain/digest/schedule.js';
import { ok } from '../../../src/domain/result.js';
import type { CsatReport } from '../../../src/domain/case/csat-report.js';
import { makeReportWeeklyDigest } from '../../../src/use-cases/report-weekly-digest.js';
import { buildCase } from '../../support/build-case.js';
import { InMemoryCases } from '../../support/in-memory/cases.js';

const NOW = new Date('2026-11-30T08:00:00Z'); // Monday 09:00 in Berlin
const WEEK = digestWeekAt(NOW, 'Europe/Berlin'); // 23–29 Nov

let seq = 0;
const aCase = (overrides: Partial<CaseState>): CaseState => {
  seq += 1;
  return buildCase({
    id: `case-${seq}`,
    number: `CASE-${1000 + seq}`,
    intakeKey: `case:${seq}`,
    queueKey: 'billing',
    ...overrides,
  });
};
const at = (iso: string) => new Date(iso);

const csat: CsatReport = {
  days: 7,
  total: { answers: 10, average: 4.1, satisfiedPercent: 80 },
  byAgent: [],
  byQueue: [
    { key: 'billing', name: 'Billing', answers: 4, average: 3.5, satisfiedPercent: 50 },
    { key: 'retail', name: 'Retail', answers: 6, average: 4.5, satisfiedPercent: 100 },
  ],
  byOrganization: [],
};

const setUp = async (states: CaseState[]) => {
  const cases = new InMemoryCases();
  for (const state of states) await cases.insert(state);
  const asked: unknown[] = [];
  const report = makeReportWeeklyDigest({
    cases,
    directory: {
      listQueues: async () => [{ id: 'q1', key: 'billing', name: 'Billing' }] as never,
      listOrganizations: async () => [],
    },
    clock: { now: () => NOW },
    reportCsat: async (input) => (asked.push(input), ok(csat)),
    reportRecurring: async () =>
      ok([
        { articleSlug: 'invoice-pdf', cases: ['CASE-1001', 'CASE-1002', 'CASE-1099'].map(summary) },
        { cases: ['CASE-1098', 'CASE-1097'].map(summary) }, // another queue's
      ]),
  });
  return { report, asked };
};
const summary = (number: string) => ({
  number,
  title: `Problem of ${number}`,
  status: 'new',
  createdAt: NOW,
});

describe('weekly digest figures', () => {
  it("counts a queue's week: intake, solved (opened before or within), backlog by age", async () => {
    seq = 0;
    const { report } = await setUp([
      aCase({ createdAt: at('2026-11-24T10:00:00Z'), updatedAt: at('2026-11-24T10:00:00Z') }),
      aCase({ createdAt: at('2026-11-25T10:00:00Z'), updatedAt: at('2026-11-25T10:00:00Z') }),
      // Opened the week before, solved on Thursday.
      aCase({
        createdAt: at('2026-11-10T10:00:00Z'),
        updatedAt: at('2026-11-26T15:00:00Z'),
        status: 'solved',
        statusCategory: 'solved',
        solvedAt: at('2026-11-26T15:00:00Z'),
      }),
      // Still open from October: backlog over 30 days.
      aCase({ createdAt: at('2026-10-01T10:00:00Z'), updatedAt: at('2026-10-01T10:00:00Z') }),
      // Another queue's.
      aCase({ queueKey: 'retail', createdAt: at('2026-11-24T10:00:00Z') }),
    ]);
    const figures = await report(
      { key: 'queue-billing', queueKey: 'billing', zone: WEEK.zone },
      WEEK,
    );
    expect(figures.target.name).toBe('Billing');
    expect([figures.flow.intake, figures.flow.solved]).toEqual([2, 1]);
    expect(figures.flow.byDay.find((d) => d.day === 'Thu')?.solved).toBe(1);
    expect(figures.backlog.open).toBe(3);
    // Opened 5 and 6 days before the post; the October one is past 30 days.
    expect(figures.backlog.buckets.map((b) => b.cases)).toEqual([0, 0, 2, 0, 1]);
    expect(figures.sla).toBeUndefined();
  });

  it("takes the queue's row of the CSAT report, and the desk's total for the desk", async () => {
    const { report, asked } = await setUp([]);
    const queue = await report({ key: 'queue-billing', queueKey: 'billing', zone: 'UTC' });
    const desk = await report({ key: 'desk', zone: 'UTC' });
    expect(queue.csat).toEqual({ answers: 4, average: 3.5, satisfiedPercent: 50 });
    expect(desk.csat).toEqual({ answers: 10, average: 4.1, satisfiedPercent: 80 });
    expect(asked).toContainEqual(expect.objectContaining({ days: 7 }));
  });

  it("keeps recurring groups to the target's cases, and only groups of two or more", async () => {
    seq = 0;
    const { report } = await setUp([
      aCase({ createdAt: at('2026-11-24T10:00:00Z') }),
      aCase({ createdAt: at('2026-11-25T10:00:00Z') }),
    ]);
    const figures = await report({ key: 'queue-billing', queueKey: 'billing', zone: 'UTC' }, WEEK);
    expect(figures.recurring).toEqual([
      { title: 'Problem of CASE-1001', cases: 2, articleSlug: 'invoice-pdf' },
    ]);
  });
});
