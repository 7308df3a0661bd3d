import { viewCase } from '../../../src/domain/case/view.js';
import { ok } from '../../../src/domain/result.js';
import { SIMPLE_WORKFLOW } from '../../../src/domain/workflow/preset-simple.js';
import type { CaseSummary } from '../../../src/ports/case-repository.js';
import { makeOrganizationNames } from '../../../src/presentation/case-list.js';
import { makeAnswerSupportCommand } from '../../../src/presentation/support-answers.js';
import { ANA, buildCase, CAROL } from '../../support/build-case.js';

const summary: CaseSummary = {
  id: 'case-1',
  number: 'CASE-1001',
  title: 'Ledger export fails',
  status: 'on-hand',
  statusCategory: 'open',
  priority: 'urgent',
  queueKey: 'finance',
  organizationId: 'org-acme',
  organizationKey: 'acme',
  contactName: 'Carol',
  assigneeId: 'agent-ana',
  assigneeName: 'Ana',
  createdAt: new Date('2026-11-23T09:00:00Z'),
  updatedAt: new Date('2026-11-23T09:00:00Z'),
};

const answer = makeAnswerSupportCommand({
  listCases: async () => ok({ cases: [summary], total: 41 }),
  getCase: async (input) => {
    const { actor } = input as { actor: typeof ANA };
    const view = viewCase(buildCase({ priority: 'high', assigneeName: 'Ana' }), actor);
    return view;
  },
  organizationNames: makeOrganizationNames(async () => ({ name: 'Acme Retail' })),
  workflow: SIMPLE_WORKFLOW,
  priorityLabels: { urgent: 'P1 Urgent', high: 'P2 High', normal: 'P3 Normal', low: 'P4 Low' },
});

const list = { kind: 'list', request: { mine: false, all: false, unknown: [] } } as const;

describe('the list answer of /support and of the Teams bot', () => {
  it('shows an agent the same line as the App Home: status, organization by name, contact, owner', async () => {
    const shown = await answer(ANA, list, 'slash');
    expect(shown).toMatchObject({
      kind: 'list',
      heading: 'Cases still being worked on',
      cases: [
        { number: 'CASE-1001', urgent: true, details: ['On hand', 'Acme Retail', 'Carol', 'Ana'] },
      ],
    });
    expect(shown.kind === 'list' && shown.more).toMatch(/^Showing 1 of 41/);
  });

  it('shows a customer the customer words for the same case', async () => {
    const shown = await answer(CAROL, list, 'message');
    expect(shown.kind === 'list' && shown.cases[0]?.details).toEqual([
      'In progress',
      'opened by Carol',
      'Ana is on it',
    ]);
  });

  it('names the priority of a shown case in the desk’s words', async () => {
    const shown = await answer(ANA, { kind: 'show', caseNumber: 'CASE-1001' }, 'slash');
    expect(shown).toMatchObject({ kind: 'case', priority: 'P2 High' });
  });
});
