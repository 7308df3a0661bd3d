import type { ActionsBlock, ActionsBlockElement, HeaderBlock, StaticSelect } from '@slack/types';
import {
  caseBlockId,
  parseCaseBlockId,
  renderAgentCard,
  type AgentCardInput,
} from '../../../../../adapters/slack/render/agent-card.js';
import { blockKitViolations } from '../../../../../adapters/slack/render/check-limits.js';
import { PRIORITY_LABELS } from '../../../../../adapters/slack/render/labels.js';
import { ACTIONS } from '../../../../../adapters/slack/registry.js';
import type { CaseState } from '../../../../../src/domain/case/types.js';
import type { StaffCaseView } from '../../../../../src/domain/case/view.js';
import { slaCoverage } from '../../../../../src/domain/sla/index.js';
import { buildCase } from '../../../../support/build-case.js';

const staff = (overrides: Partial<CaseState> = {}): StaffCaseView => {
  const { outbox: _outbox, ...view } = buildCase(overrides);
  return view;
};

const input = (overrides: Partial<AgentCardInput> = {}): AgentCardInput => ({
  case: staff(),
  statusName: 'New',
  organizationName: 'Acme Corp',
  contact: { name: 'Carol', email: 'carol@acme.example' },
  coverage: { contract: 'No contract', sla: 'No SLA' },
  priorityLabels: PRIORITY_LABELS,
  transitions: [
    { to: 'on-hand', label: 'Take on hand' },
    { to: 'solved', label: 'Solve' },
  ],
  queues: [
    { key: 'finance', name: 'Finance' },
    { key: 'platform', name: 'Platform' },
  ],
  ...overrides,
});

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

const RUNNING = {
  kind: 'firstResponse',
  state: 'running',
  ticking: true,
  usedMinutes: 0,
  leftMinutes: 60,
} as const;

describe('renderAgentCard', () => {
  it('heads the card with number, priority and title', () => {
    const card = renderAgentCard(input({ case: staff({ priority: 'high' }) }));
    const header = card.blocks[0] as HeaderBlock;
    expect(header.type).toBe('header');
    expect(header.text.text).toBe('CASE-1001 · High · Ledger export fails');
  });

  it('marks urgent cases in the header and in the warnings', () => {
    const card = renderAgentCard(input({ case: staff({ priority: 'urgent' }) }));
    expect((card.blocks[0] as HeaderBlock).text.text).toMatch(/^:red_circle: CASE-1001 · Urgent/);
    expect(json(card.blocks)).toContain(':rotating_light: *Urgent*');
  });

  it('shows customer, organization, contract, product, priority, status, assignee', () => {
    const c = staff({
      contractLevel: 'Gold',
      slaPolicy: 'gold-24x7',
      productKey: 'ledgerly',
      productVersion: '4.2',
      module: 'Export',
      assigneeName: 'Ana',
      assigneeId: 'agent-ana',
    });
    const card = renderAgentCard(
      input({
        case: c,
        coverage: slaCoverage(c, { policy: 'gold-24x7', clocks: [RUNNING] }),
        statusName: 'On hand',
      }),
    );
    const out = json(card.blocks);
    for (const expected of [
      'Carol (carol@acme.example)',
      'Acme Corp',
      '*Contract*\\nGold',
      '*SLA*\\ngold-24x7',
      'ledgerly 4.2 · Export',
      '*Priority*\\nNormal',
      '*Status*\\nOn hand',
      '*Assignee*\\nAna',
      '*Queue*\\nFinance',
    ]) {
      expect(out).toContain(expected);
    }
  });

  it('names the default policy whose clocks it shows for a case without a contract', () => {
    const c = staff();
    const card = renderAgentCard(
      input({
        case: c,
        coverage: slaCoverage(c, { policy: 'standard', clocks: [RUNNING] }),
        slaLines: ['First response due 14:00'],
      }),
    );
    const out = json(card.blocks);
    expect(out).toContain('*Contract*\\nNo contract');
    expect(out).toContain('*SLA*\\nstandard (default policy — no contract)');
    expect(out).not.toContain('No SLA');
  });

  it.each([
    ['unknown-support-key', 'Unknown support key'],
    ['expired-contract', 'Contract expired'],
    ['no-contract', 'No contract'],
  ] as const)('warns about the %s flag', (flag, text) => {
    const card = renderAgentCard(input({ case: staff({ flags: [flag] }) }));
    expect(json(card.blocks)).toContain(`:warning: ${text}`);
  });

  it.each([
    ['unassigned', {}, true],
    ['assigned', { assigneeId: 'agent-ana', assigneeName: 'Ana' }, false],
  ])('shows Claim only when the case is unassigned (%s)', (_label, overrides, claim) => {
    const card = renderAgentCard(input({ case: staff(overrides) }));
    expect(actionIds(card.blocks).includes(ACTIONS.claim)).toBe(claim);
  });

  it('offers every control, with the case id on buttons and in the select block id', () => {
    const card = renderAgentCard(input());
    expect(actionIds(card.blocks)).toEqual([
      ACTIONS.claim,
      ACTIONS.assign,
      ACTIONS.queue,
      ACTIONS.status,
      ACTIONS.priority,
      ACTIONS.reply,
      ACTIONS.note,
      ACTIONS.logTime,
      ACTIONS.resolve,
      ACTIONS.linkIssue,
      ACTIONS.createTask,
    ]);
    const buttons = elements(card.blocks).filter((e) => e.type === 'button');
    expect(buttons.every((b) => (b as { value?: string }).value === 'case-1')).toBe(true);
    const selects = actionBlocks(card.blocks).find((b) =>
      b.elements.some((e) => e.type === 'static_select'),
    );
    expect(parseCaseBlockId(selects?.block_id ?? '')).toEqual({ caseId: 'case-1', version: 1 });
  });

  it('omits the status menu when the viewer may take no transition', () => {
    const card = renderAgentCard(input({ transitions: [] }));
    expect(actionIds(card.blocks)).not.toContain(ACTIONS.status);
  });

  it('hides Resolve on a solved case', () => {
    const card = renderAgentCard(
      input({ case: staff({ status: 'solved', statusCategory: 'solved' }) }),
    );
    expect(actionIds(card.blocks)).not.toContain(ACTIONS.resolve);
  });

  it('preselects the current queue and priority, and lists the given transitions', () => {
    const card = renderAgentCard(input({ case: staff({ priority: 'high' }) }));
    expect(selectOf(card.blocks, ACTIONS.queue)?.initial_option?.value).toBe('finance');
    expect(selectOf(card.blocks, ACTIONS.priority)?.initial_option?.value).toBe('high');
    expect(selectOf(card.blocks, ACTIONS.status)?.options?.map((o) => o.value)).toEqual([
      'on-hand',
      'solved',
    ]);
  });

  it('escapes user text in blocks and in the fallback text', () => {
    const card = renderAgentCard(
      input({
        case: staff({ description: '<!channel> see <https://evil.example|bank.example>' }),
        organizationName: '<!here> Corp',
        contact: { name: '<@U123>', email: 'x@y.example' },
      }),
    );
    for (const out of [json(card.blocks), card.text]) {
      expect(out).not.toMatch(/<!channel>|<!here>|<@U123>|<https:\/\/evil/);
    }
  });

  it('stays within Block Kit limits with very long input and many options', () => {
    const long = '<&>'.repeat(5000);
    const card = renderAgentCard(
      input({
        case: staff({
          title: long,
          description: long,
          impact: long,
          expectation: long,
          resolution: { type: 'other', text: long },
          linkedIssues: Array.from({ length: 80 }, (_, i) => ({
            url: `https://jira.example/browse/X-${i}`,
            title: long,
          })),
          flags: ['expired-contract', 'unknown-support-key', 'no-contract', 'unknown-contact'],
          priority: 'urgent',
        }),
        organizationName: long,
        contact: { name: long, email: long },
        statusName: long,
        slaLines: [long.slice(0, 200), long.slice(0, 200), long.slice(0, 200)],
        transitions: Array.from({ length: 150 }, (_, i) => ({ to: `s-${i}`, label: long })),
        queues: Array.from({ length: 150 }, (_, i) => ({ key: `q-${i}`, name: long })),
      }),
    );
    expect(blockKitViolations('message', card.blocks)).toEqual([]);
    expect(card.text.length).toBeLessThanOrEqual(1000);
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
