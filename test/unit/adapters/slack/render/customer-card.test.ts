import type { ActionsBlock, Button } from '@slack/types';
import { blockKitViolations } from '../../../../../adapters/slack/render/check-limits.js';
import { renderCustomerCard } from '../../../../../adapters/slack/render/customer-card.js';
import { ACTIONS } from '../../../../../adapters/slack/registry.js';
import type { CaseState } from '../../../../../src/domain/case/types.js';
import { viewCase, type CustomerCaseView } from '../../../../../src/domain/case/view.js';
import {
  SIMPLE_WORKFLOW,
  statusById,
  type Status,
} from '../../../../../src/domain/workflow/index.js';
import { CAROL, buildCase } from '../../../../support/build-case.js';

const status = (id: string): Status => {
  const found = statusById(SIMPLE_WORKFLOW, id);
  if (!found) throw new Error(`no status ${id}`);
  return found;
};

const customerView = (state: CaseState): CustomerCaseView => {
  const view = viewCase(state, CAROL);
  if (!view.ok || view.value.audience !== 'customer') throw new Error('expected a customer view');
  return view.value.case;
};

const buttonsOf = (blocks: readonly unknown[]): Button[] =>
  blocks
    .filter((block): block is ActionsBlock => (block as ActionsBlock).type === 'actions')
    .flatMap((block) => block.elements as Button[]);

const json = (value: unknown): string => JSON.stringify(value);

describe('renderCustomerCard', () => {
  it('shows number, title, the status label and its sentence with the next update', () => {
    const card = renderCustomerCard({
      case: customerView(buildCase()),
      status: status('new'),
      nextUpdateText: 'Tue 14:00',
    });
    const out = json(card.blocks);
    expect(out).toContain('CASE-1001');
    expect(out).toContain('Ledger export fails');
    expect(out).toContain('*Received*');
    expect(out).toContain('We have your request and will respond by Tue 14:00.');
    expect(out).not.toContain('Next update by Tue 14:00'); // the sentence already says it
  });

  it('adds the next update on its own line when the sentence has no placeholder', () => {
    const card = renderCustomerCard({
      case: customerView(buildCase()),
      status: { ...status('new'), customerSentence: 'We have it.' },
      nextUpdateText: 'Tue 14:00',
    });
    expect(json(card.blocks)).toContain('Next update by Tue 14:00');
  });

  it('drops the promise of a time when none is given', () => {
    const card = renderCustomerCard({ case: customerView(buildCase()), status: status('on-hand') });
    expect(json(card)).not.toContain('{nextUpdate}');
    expect(json(card.blocks)).toContain('Someone on our team is working on your request.');
  });

  it.each([
    [undefined, 'Waiting for an agent'],
    ['Ana', 'Ana is on it'],
  ])('names who is on it (assignee %s)', (assigneeName, expected) => {
    const card = renderCustomerCard({
      case: customerView(buildCase(assigneeName ? { assigneeName, assigneeId: 'agent-ana' } : {})),
      status: status('on-hand'),
    });
    expect(json(card.blocks)).toContain(expected);
  });

  it.each([
    ['new', [ACTIONS.addDetails]],
    ['on-hand', [ACTIONS.addDetails]],
    ['waiting-on-customer', [ACTIONS.addDetails]],
    ['solved', [ACTIONS.addDetails, ACTIONS.closeMine, ACTIONS.reopen]],
    ['closed', [ACTIONS.reopen]],
  ])('in status %s offers %j, each carrying the case id', (statusId, expected) => {
    const s = status(statusId);
    const card = renderCustomerCard({
      case: customerView(buildCase({ status: s.id, statusCategory: s.category })),
      status: s,
    });
    const buttons = buttonsOf(card.blocks);
    expect(buttons.map((b) => b.action_id)).toEqual(expected);
    expect(buttons.every((b) => b.value === 'case-1')).toBe(true);
  });

  it('shows the resolution and its documentation link once solved', () => {
    const card = renderCustomerCard({
      case: customerView(
        buildCase({
          status: 'solved',
          statusCategory: 'solved',
          resolution: {
            type: 'works-as-designed',
            text: 'Exports stop at <!here> 10k rows',
            docLink: 'https://docs.example/limits',
          },
        }),
      ),
      status: status('solved'),
    });
    const out = json(card.blocks);
    expect(out).toContain('Works as designed');
    expect(out).toContain('Exports stop at &lt;!here&gt; 10k rows');
    expect(out).toContain('<https://docs.example/limits|https://docs.example/limits>');
  });

  it('links development issues with escaped titles', () => {
    const card = renderCustomerCard({
      case: customerView(
        buildCase({
          linkedIssues: [{ url: 'https://github.example/o/r/issues/7', title: 'Fix <@U1> & co' }],
        }),
      ),
      status: status('on-hand'),
    });
    expect(json(card.blocks)).toContain(
      '<https://github.example/o/r/issues/7|Fix &lt;@U1&gt; &amp; co>',
    );
  });

  it('escapes hostile titles, names and labels in blocks and in the fallback text', () => {
    const card = renderCustomerCard({
      case: customerView(buildCase({ title: '<!channel> <https://evil.example|bank.example>' })),
      status: { ...status('new'), customerLabel: '<!here>' },
      assigneeName: '<@U999>',
    });
    for (const out of [json(card.blocks), card.text]) {
      expect(out).not.toMatch(/<!channel>|<!here>|<@U999>|<https:\/\/evil/);
    }
    expect(card.text).toContain('&lt;!channel&gt;');
  });

  it('stays within Block Kit limits with very long input', () => {
    const long = 'x'.repeat(10_000);
    const card = renderCustomerCard({
      case: customerView(
        buildCase({
          title: long,
          status: 'solved',
          statusCategory: 'solved',
          resolution: { type: 'fixed', text: '<'.repeat(4000) },
          linkedIssues: Array.from({ length: 60 }, (_, i) => ({
            url: `https://jira.example/browse/X-${i}`,
            title: long,
          })),
        }),
      ),
      status: status('solved'),
      nextUpdateText: long,
    });
    expect(blockKitViolations('message', card.blocks)).toEqual([]);
  });

  describe('never shows the desk’s internals', () => {
    const secretState = buildCase({
      flags: ['expired-contract', 'unknown-support-key'],
      contractId: 'contract-SECRET',
      contractLevel: 'Platinum-SECRET',
      slaPolicy: 'sla-SECRET',
      minutesLogged: 4242,
      queueKey: 'queue-SECRET',
      assigneeId: 'agent-SECRET',
      assigneeName: 'Ana',
      tasks: [
        { id: 't1', title: 'Task SECRET', status: 'open', createdAt: new Date('2026-11-23') },
      ],
      events: [
        {
          id: 'e1',
          type: 'note',
          at: new Date('2026-11-23T10:00:00Z'),
          actor: { kind: 'staff', id: 'agent-ana', name: 'Ana', role: 'agent' },
          visibility: 'internal',
          minutes: 4242,
          text: 'Note SECRET: customer is difficult',
        },
      ],
    });

    it.each([
      ['the customer view', customerView(secretState)],
      // Even handed the full state, the card reads only customer-facing fields.
      ['the full state', secretState as CustomerCaseView],
    ])('rendered from %s', (_label, view) => {
      const out = json(renderCustomerCard({ case: view, status: status('on-hand') }));
      expect(out).not.toMatch(/SECRET|4242|contract|expired|support key|flag|queue/i);
    });
  });
});
