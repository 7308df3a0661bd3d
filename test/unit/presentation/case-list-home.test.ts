import { ok } from '../../../src/domain/result.js';
import { SIMPLE_WORKFLOW } from '../../../src/domain/workflow/preset-simple.js';
import type { CaseSummary } from '../../../src/ports/case-repository.js';
import {
  caseListLine,
  makeCaseHome,
  makeOrganizationNames,
} from '../../../src/presentation/case-list.js';
import { ANA, CAROL } from '../../support/build-case.js';

let seq = 0;
const summary = (overrides: Partial<CaseSummary> = {}): CaseSummary => {
  seq += 1;
  return {
    id: `case-${seq}`,
    number: `CASE-${1000 + seq}`,
    title: `Problem ${seq}`,
    status: 'on-hand',
    statusCategory: 'open',
    priority: 'normal',
    queueKey: 'finance',
    organizationId: 'org-acme',
    organizationKey: 'acme',
    contactName: 'Carol',
    createdAt: new Date(Date.UTC(2026, 10, 1, 9, seq)),
    updatedAt: new Date(Date.UTC(2026, 10, 1, 9, seq)),
    ...overrides,
  };
};

/** listCases over an array, with the filters the home asks for. */
const listCasesOver = (all: readonly CaseSummary[]) => async (input: unknown) => {
  const q = input as {
    assigneeId?: string;
    unassigned?: boolean;
    status?: string;
    categories?: string[];
    limit: number;
  };
  const cases = all.filter(
    (c) =>
      (!q.assigneeId || c.assigneeId === q.assigneeId) &&
      (!q.unassigned || !c.assigneeId) &&
      (!q.status || c.status === q.status) &&
      (!q.categories || q.categories.includes(c.statusCategory)),
  );
  return ok({ cases: cases.slice(0, q.limit), total: cases.length });
};

const organizations = makeOrganizationNames(async (id) =>
  id === 'org-acme' ? { name: 'Acme Retail' } : undefined,
);
const homeOver = (cases: readonly CaseSummary[]) =>
  makeCaseHome({
    listCases: listCasesOver(cases),
    organizationNames: organizations,
    workflow: SIMPLE_WORKFLOW,
  });

describe('case home for an agent', () => {
  it('groups my cases, the unowned ones and each status with cases, urgent first', async () => {
    const mine = summary({ assigneeId: 'agent-ana', assigneeName: 'Ana' });
    const urgentMine = summary({
      assigneeId: 'agent-ana',
      assigneeName: 'Ana',
      priority: 'urgent',
    });
    const waiting = summary({ status: 'waiting-on-customer', statusCategory: 'pending-customer' });
    const view = await homeOver([mine, urgentMine, waiting])(ANA);
    expect(view?.groups.map((g) => [g.title, g.lines.map((l) => l.number), g.total])).toEqual([
      ['Assigned to me', [urgentMine.number, mine.number], 2],
      ['Unassigned', [waiting.number], 1],
      ['On hand', [urgentMine.number, mine.number], 2],
      ['Waiting on customer', [waiting.number], 1],
    ]);
    expect(view?.heading).toBe('Support desk');
  });

  it('names statuses and organizations, never their keys', async () => {
    const view = await homeOver([summary()])(ANA);
    expect(view?.groups[1]?.lines[0]?.details).toEqual([
      'On hand',
      'Acme Retail',
      'Carol',
      'Unassigned',
    ]);
  });

  it('says what an empty fixed group means and leaves out empty statuses', async () => {
    const view = await homeOver([])(ANA);
    expect(view?.groups.map((g) => [g.title, g.empty, g.total])).toEqual([
      ['Assigned to me', 'Nothing assigned to you.', 0],
      ['Unassigned', 'Every case has an owner.', 0],
    ]);
  });

  it('counts every matching case when it shows only the first few', async () => {
    const view = await homeOver(Array.from({ length: 40 }, () => summary()))(ANA);
    expect(view?.groups[1]).toMatchObject({ title: 'Unassigned', total: 40 });
    expect(view?.groups[1]?.lines).toHaveLength(15);
  });
});

describe('case home for a customer', () => {
  it('shows their organization by name, customer status labels and who is on it', async () => {
    const view = await homeOver([
      summary({ assigneeName: 'Ana', assigneeId: 'agent-ana' }),
      summary({ status: 'waiting-on-customer', statusCategory: 'pending-customer' }),
    ])(CAROL);
    expect(view?.heading).toBe('Support cases for Acme Retail');
    expect(view?.offerNewCase).toBe(true);
    expect(view?.groups.map((g) => g.title)).toEqual(['Your cases']);
    expect(view?.groups[0]?.lines.map((l) => l.details)).toEqual([
      ['In progress', 'opened by Carol', 'Ana is on it'],
      ['Waiting for your reply', 'opened by Carol', 'Waiting for an agent'],
    ]);
  });

  it('says so when there are no cases', async () => {
    const view = await homeOver([])(CAROL);
    expect(view?.groups[0]).toMatchObject({ lines: [], empty: 'You have no cases yet.' });
  });
});

describe('one case line', () => {
  it('gives a customer plain words for a status the workflow no longer has, never its id', () => {
    const gone = summary({ status: 'in-review-SECRET', statusCategory: 'open' });
    const line = caseListLine(gone, 'customer', SIMPLE_WORKFLOW, new Map());
    expect(line.details.join(' ')).not.toMatch(/SECRET/);
    expect(line.details[0]).toBe('In progress');
  });

  it('tells nobody is on a solved case without asking for an agent', () => {
    const solved = summary({ status: 'solved', statusCategory: 'solved' });
    expect(caseListLine(solved, 'customer', SIMPLE_WORKFLOW, new Map()).details).toEqual([
      'Solved',
      'opened by Carol',
    ]);
  });
});
