import type { ActionsBlock, Button } from '@slack/types';
import { blockKitViolations } from '../../../../../adapters/slack/render/check-limits.js';
import { renderCustomerCard } from '../../../../../adapters/slack/render/customer-card.js';
import { ACTIONS } from '../../../../../adapters/slack/registry.js';
import type { CaseState } from '../../../../../src/domain/case/types.js';
import type { CustomerCaseView } from '../../../../../src/domain/case/view.js';
import { SIMPLE_WORKFLOW, statusById } from '../../../../../src/domain/workflow/index.js';
import { buildCustomerCardView } from '../../../../../src/presentation/customer-card-view.js';
import { buildCase } from '../../../../support/build-case.js';
import { customerView, NOW, RUNNING_SLA, STATES } from '../../../presentation/card-fixtures.js';

const buttonsOf = (blocks: readonly unknown[]): Button[] =>
  blocks
    .filter((block): block is ActionsBlock => (block as ActionsBlock).type === 'actions')
    .flatMap((block) => block.elements as Button[]);

const json = (value: unknown): string => JSON.stringify(value);

const drawn = (state: CaseState, sla = RUNNING_SLA) =>
  renderCustomerCard(customerView(state, { sla }));

describe('renderCustomerCard', () => {
  it('shows number, title, the status label, its sentence and the promise', () => {
    const out = json(drawn(buildCase()).blocks);
    expect(out).toContain('CASE-1001');
    expect(out).toContain('Ledger export fails');
    expect(out).toContain('*Received*');
    expect(out).toContain('We have your request and will respond.');
    expect(out).toMatch(/:clock3: You will hear from us by <!date\^\d+\^[^>]+> \(in 1h\)\./);
    expect(out).not.toContain('{nextUpdate}');
  });

  it.each([
    ['new', 'Waiting for an agent'],
    ['owned', 'Tomás Herrera is on it'],
    ['waiting', 'Tomás Herrera is waiting for your reply'],
  ])('on a %s case says %s', (state, expected) => {
    expect(json(drawn(STATES[state]!).blocks)).toContain(expected);
  });

  it('says in the past tense who closed the case and when, never that someone is on it', () => {
    const out = json(drawn(STATES.closed!).blocks);
    expect(out).toMatch(/Closed by Grace Okafor, <!date\^\d+\^/);
    expect(out).not.toContain('is on it');
    expect(out).not.toContain('You will hear from us');
  });

  it.each([
    ['new', [ACTIONS.addDetails]],
    ['owned', [ACTIONS.addDetails]],
    ['waiting', [ACTIONS.addDetails]],
    ['solved', [ACTIONS.addDetails, ACTIONS.closeMine, ACTIONS.reopen]],
    ['closed', [ACTIONS.reopen]],
  ])('on a %s case offers %j, each carrying the case id', (state, expected) => {
    const buttons = buttonsOf(drawn(STATES[state]!).blocks);
    expect(buttons.map((b) => b.action_id)).toEqual(expected);
    expect(buttons.every((b) => b.value === 'case-1')).toBe(true);
  });

  it('shows the resolution and its documentation link once solved', () => {
    const out = json(
      drawn({
        ...STATES.solved!,
        resolution: {
          type: 'works-as-designed',
          text: 'Exports stop at <!here> 10k rows',
          docLink: 'https://docs.example/limits',
        },
      }).blocks,
    );
    expect(out).toContain('Works as designed');
    expect(out).toContain('Exports stop at &lt;!here&gt; 10k rows');
    expect(out).toContain('<https://docs.example/limits|https://docs.example/limits>');
  });

  it('links development issues with escaped titles', () => {
    const out = json(
      drawn(
        buildCase({
          linkedIssues: [{ url: 'https://github.example/o/r/issues/7', title: 'Fix <@U1> & co' }],
        }),
      ).blocks,
    );
    expect(out).toContain('<https://github.example/o/r/issues/7|Fix &lt;@U1&gt; &amp; co>');
  });

  it('escapes hostile titles, names and labels in blocks and in the fallback text', () => {
    const state = buildCase({
      title: '<!channel> <https://evil.example|bank.example>',
      assigneeId: 'agent-x',
      assigneeName: '<@U999>',
    });
    const status = { ...statusById(SIMPLE_WORKFLOW, 'new')!, customerLabel: '<!here>' };
    const card = renderCustomerCard(customerView(state, { status }));
    for (const out of [json(card.blocks), card.text])
      expect(out).not.toMatch(/<!channel>|<!here>|<@U999>|<https:\/\/evil/);
    expect(card.text).toContain('&lt;!channel&gt;');
  });

  it('stays within Block Kit limits with very long input', () => {
    const long = 'x'.repeat(10_000);
    const card = drawn({
      ...STATES.solved!,
      title: long,
      resolution: { type: 'fixed', text: '<'.repeat(4000) },
      linkedIssues: Array.from({ length: 60 }, (_, i) => ({
        url: `https://jira.example/browse/X-${i}`,
        title: long,
      })),
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
      status: 'on-hand',
      statusCategory: 'open',
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
      // Even handed the full state, the view reads only customer-facing fields.
      [
        'the full state',
        buildCustomerCardView({
          case: secretState as CustomerCaseView,
          status: statusById(SIMPLE_WORKFLOW, 'on-hand')!,
          workflow: SIMPLE_WORKFLOW,
          reopenWithinDays: 30,
          now: NOW,
          timeZone: 'UTC',
        }),
      ],
    ])('rendered from %s', (_label, view) => {
      const out = json(renderCustomerCard(view));
      expect(out).not.toMatch(/SECRET|4242|contract|expired|support key|flag|queue/i);
    });
  });
});
