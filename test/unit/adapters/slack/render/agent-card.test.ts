import type {
  ActionsBlock,
  ActionsBlockElement,
  HeaderBlock,
  Overflow,
  StaticSelect,
} from '@slack/types';
import {
  caseBlockId,
  parseCaseBlockId,
  renderAgentCard,
} from '../../../../../adapters/slack/render/agent-card.js';
import { blockKitViolations } from '../../../../../adapters/slack/render/check-limits.js';
import { ACTIONS } from '../../../../../adapters/slack/registry.js';
import type { CaseState } from '../../../../../src/domain/case/types.js';
import { buildAgentCardView } from '../../../../../src/presentation/agent-card-view.js';
import { SIMPLE_WORKFLOW } from '../../../../../src/domain/workflow/index.js';
import { buildCase } from '../../../../support/build-case.js';
import {
  agentView,
  LABELS,
  NOW,
  RUNNING_SLA,
  STATES,
  staffOf,
} from '../../../presentation/card-fixtures.js';

const card = (overrides: Partial<CaseState> = {}) =>
  renderAgentCard(agentView(buildCase(overrides)));

const actionBlocks = (blocks: readonly unknown[]): ActionsBlock[] =>
  blocks.filter((b): b is ActionsBlock => (b as ActionsBlock).type === 'actions');

const elements = (blocks: readonly unknown[]): ActionsBlockElement[] =>
  actionBlocks(blocks).flatMap((b) => b.elements);

const actionIds = (blocks: readonly unknown[]): string[] =>
  elements(blocks).map((e) => (e as { action_id?: string }).action_id ?? '');

const selectOf = (blocks: readonly unknown[], actionId: string): StaticSelect | undefined =>
  elements(blocks).find((e) => (e as StaticSelect).action_id === actionId) as
    StaticSelect | undefined;

const json = (value: unknown): string => JSON.stringify(value);

describe('renderAgentCard', () => {
  it('heads the card with number, priority and title', () => {
    const header = card({ priority: 'high' }).blocks[0] as HeaderBlock;
    expect(header.type).toBe('header');
    expect(header.text.text).toBe('CASE-1001 · High · Ledger export fails');
  });

  it('marks urgent cases in the header and in the warnings', () => {
    const drawn = card({ priority: 'urgent' });
    expect((drawn.blocks[0] as HeaderBlock).text.text).toMatch(/^:red_circle: CASE-1001 · Urgent/);
    expect(json(drawn.blocks)).toContain(':rotating_light: *Urgent*');
  });

  it('shows customer, organization, contract, product, priority, status, owner and queue by name', () => {
    const out = json(
      renderAgentCard(
        agentView(
          buildCase({
            contractLevel: 'Gold',
            slaPolicy: 'gold-24x7',
            productKey: 'ledgerly',
            productVersion: '4.2',
            module: 'Export',
            assigneeName: 'Ana',
            assigneeId: 'agent-ana',
            status: 'on-hand',
            statusCategory: 'open',
          }),
          { sla: { ...RUNNING_SLA, policy: 'gold-24x7' } },
        ),
      ).blocks,
    );
    for (const expected of [
      'Carol (carol@acme.example)',
      'Acme Corp',
      '*Contract*\\nGold',
      '*SLA*\\ngold-24x7',
      'ledgerly 4.2 · Export',
      '*Priority*\\nNormal',
      '*Status*\\nOn hand',
      '*Owner*\\nAna',
      '*Queue*\\nFinance',
    ])
      expect(out).toContain(expected);
  });

  it('names the default policy whose clocks it shows, and writes its times per reader', () => {
    const out = json(renderAgentCard(agentView(buildCase(), { sla: RUNNING_SLA })).blocks);
    expect(out).toContain('*Contract*\\nNo contract');
    expect(out).toContain('*SLA*\\nstandard (default policy — no contract)');
    expect(out).toMatch(
      /:stopwatch: First response due <!date\^\d+\^\{date_short_pretty\} \{time\}\|[^>]+> \(in 1h\)/,
    );
  });

  it.each([
    ['unknown-support-key', 'Unknown support key'],
    ['expired-contract', 'Contract expired'],
    ['no-contract', 'No contract'],
  ] as const)('warns about the %s flag', (flag, text) => {
    expect(json(card({ flags: [flag] }).blocks)).toContain(`:warning: ${text}`);
  });

  it('leads with Claim, Status and Resolve, the rest in an overflow menu and a row of menus', () => {
    const [main, menus] = actionBlocks(card().blocks);
    expect(main?.elements.map((e) => (e as { action_id?: string }).action_id)).toEqual([
      ACTIONS.claim,
      ACTIONS.status,
      ACTIONS.resolve,
      ACTIONS.more,
    ]);
    const more = main?.elements.at(-1) as Overflow;
    expect(more.options.map((o) => o.value)).toEqual([
      'reply',
      'note',
      'logTime',
      'linkIssue',
      'createTask',
    ]);
    expect(menus?.elements.map((e) => (e as { action_id?: string }).action_id)).toEqual([
      ACTIONS.assign,
      ACTIONS.queue,
      ACTIONS.priority,
    ]);
    for (const block of [main, menus])
      expect(parseCaseBlockId(block?.block_id ?? '')).toEqual({ caseId: 'case-1', version: 1 });
    const buttons = elements(card().blocks).filter((e) => e.type === 'button');
    expect(buttons.every((b) => (b as { value?: string }).value === 'case-1')).toBe(true);
  });

  it('leads with Reply once someone owns the case', () => {
    const ids = actionIds(renderAgentCard(agentView(STATES.owned)).blocks);
    expect(ids.slice(0, 3)).toEqual([ACTIONS.reply, ACTIONS.status, ACTIONS.resolve]);
    expect(ids).not.toContain(ACTIONS.claim);
  });

  it('says who closed the case and when, and offers neither Claim nor Resolve', () => {
    const closed = { ...STATES.closed!, assigneeId: undefined, assigneeName: undefined };
    const drawn = renderAgentCard(agentView(closed));
    expect(json(drawn.blocks)).toMatch(/:white_check_mark: Closed by Grace Okafor, <!date\^\d+\^/);
    expect(actionIds(drawn.blocks)).not.toContain(ACTIONS.claim);
    expect(actionIds(drawn.blocks)).not.toContain(ACTIONS.resolve);
  });

  it('lists the agents to assign to, and preselects the current queue and priority', () => {
    const drawn = card({ priority: 'high' });
    expect(selectOf(drawn.blocks, ACTIONS.assign)?.options?.map((o) => o.value)).toEqual([
      'agent-ana',
      'agent-tomas',
    ]);
    expect(selectOf(drawn.blocks, ACTIONS.queue)?.initial_option?.value).toBe('finance');
    expect(selectOf(drawn.blocks, ACTIONS.priority)?.initial_option?.value).toBe('high');
    expect(selectOf(drawn.blocks, ACTIONS.status)?.options?.map((o) => o.value)).toEqual([
      'on-hand',
      'waiting-on-customer',
      'solved',
      'closed',
    ]);
  });

  it('escapes user text in blocks and in the fallback text', () => {
    const view = agentView(
      buildCase({
        description: '<!channel> see <https://evil.example|bank.example>',
        contactName: '<@U123>',
      }),
      { organizationName: '<!here> Corp' },
    );
    const drawn = renderAgentCard(view);
    for (const out of [json(drawn.blocks), drawn.text])
      expect(out).not.toMatch(/<!channel>|<!here>|<@U123>|<https:\/\/evil/);
  });

  it('stays within Block Kit limits with very long input and many options', () => {
    const long = '<&>'.repeat(5000);
    const view = buildAgentCardView({
      case: staffOf(
        buildCase({
          title: long,
          description: long,
          impact: long,
          expectation: long,
          contactName: long,
          resolution: { type: 'other', text: long },
          linkedIssues: Array.from({ length: 80 }, (_, i) => ({
            url: `https://jira.example/browse/X-${i}`,
            title: long,
          })),
          flags: ['expired-contract', 'unknown-support-key', 'no-contract', 'unknown-contact'],
          priority: 'urgent',
        }),
      ),
      workflow: SIMPLE_WORKFLOW,
      priorityLabels: LABELS,
      organizationName: long,
      contactEmail: long,
      queues: Array.from({ length: 150 }, (_, i) => ({ value: `q-${i}`, label: long })),
      agents: Array.from({ length: 150 }, (_, i) => ({ value: `a-${i}`, label: long })),
      sla: RUNNING_SLA,
      role: 'agent',
      now: NOW,
      timeZone: 'UTC',
      notice: long,
    });
    const drawn = renderAgentCard(view);
    expect(blockKitViolations('message', drawn.blocks)).toEqual([]);
    expect(drawn.text.length).toBeLessThanOrEqual(1000);
  });
});

describe('caseBlockId', () => {
  it.each([
    ['case-1', 3],
    ['6740f0c1a2b3c4d5e6f70812', 12],
    ['with:colon', 1],
  ])('round-trips %s at version %i', (caseId, version) => {
    expect(parseCaseBlockId(caseBlockId(caseId, version))).toEqual({ caseId, version });
  });

  it.each(['buttons:case-1:1', 'case:', 'customer:case-1', 'case:abc'])('rejects %s', (blockId) => {
    expect(parseCaseBlockId(blockId)).toBeUndefined();
  });
});
