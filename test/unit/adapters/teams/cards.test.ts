import { SIMPLE_WORKFLOW } from '../../../../src/domain/workflow/preset-simple.js';
import { availableTransitions } from '../../../../src/domain/workflow/index.js';
import type { SlaSummary } from '../../../../src/domain/sla/index.js';
import type { CaseState } from '../../../../src/domain/case/types.js';
import { renderAgentCard } from '../../../../adapters/teams/render/agent-card.js';
import { escapeCardText } from '../../../../adapters/teams/render/card.js';
import { renderCustomerCard } from '../../../../adapters/teams/render/customer-card.js';
import { escapeMessageText } from '../../../../adapters/teams/render/thread-lines.js';
import { buildCase } from '../../../support/build-case.js';
import { agentView, customerView, STATES } from '../../presentation/card-fixtures.js';

const verbsIn = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(verbsIn);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own =
    record.type === 'Action.Execute' && typeof record.verb === 'string' ? [record.verb] : [];
  return [
    ...own,
    ...Object.entries(record).flatMap(([k, v]) => (k === 'refresh' ? [] : verbsIn(v))),
  ];
};

const inputIds = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(inputIds);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = String(record.type ?? '').startsWith('Input.') ? [String(record.id)] : [];
  return [...own, ...Object.values(record).flatMap(inputIds)];
};

const withNote = buildCase({
  title: 'Ledger *export* fails <at>everyone</at>',
  events: [
    ...buildCase().events,
    {
      id: 'e-note',
      type: 'note',
      at: new Date('2026-01-05T10:00:00Z'),
      actor: { kind: 'staff', id: 'agent-ana', name: 'Ana', role: 'agent' },
      visibility: 'internal',
      text: 'SECRET internal remark',
    },
  ],
});

const RUNNING = {
  kind: 'firstResponse',
  state: 'running',
  ticking: true,
  usedMinutes: 0,
  leftMinutes: 60,
} as const;

const agentCard = (state: CaseState = withNote, sla: SlaSummary | undefined = undefined) =>
  renderAgentCard(agentView(state, sla ? { sla } : {}), ['29:ana']);

describe('Teams customer card', () => {
  it('offers no agent action and carries no internal note', () => {
    const card = renderCustomerCard(customerView(withNote), ['29:ana']);
    expect(verbsIn(card).sort()).toEqual(['comment']);
    expect(JSON.stringify(card)).not.toContain('SECRET');
  });

  it('asks Teams for the agent view only for agents (refresh.userIds)', () => {
    const card = renderCustomerCard(customerView(withNote), ['29:ana']);
    expect(card.refresh?.userIds).toEqual(['29:ana']);
    expect(renderCustomerCard(customerView(withNote)).refresh).toBeUndefined();
  });

  it('says who closed the case and when, never that someone is on it', () => {
    const card = JSON.stringify(renderCustomerCard(customerView(STATES.closed)));
    expect(card).toMatch(/Closed by Grace Okafor, 15:02 GMT\\\\\+1, Tue 24 Nov/);
    expect(card).not.toContain('is on it');
  });

  it('escapes the customer text it echoes', () => {
    const card = JSON.stringify(renderCustomerCard(customerView(withNote)));
    expect(card).toContain('\\\\*export\\\\*');
    expect(card).not.toContain('<at>');
  });
});

describe('Teams agent card', () => {
  const factsOf = (card: unknown) =>
    Object.fromEntries(
      (JSON.stringify(card).match(/\{"title":"[^"]*","value":"[^"]*"\}/g) ?? []).map((f) => {
        const fact = JSON.parse(f) as { title: string; value: string };
        // Markdown escapes out: what the reader sees.
        return [fact.title, fact.value.replaceAll('\\', '')];
      }),
    );

  it('names the default policy whose clocks it shows for a case without a contract', () => {
    const summary = { policy: 'standard', timeZone: 'UTC', clocks: [RUNNING], escalationLevel: 0 };
    const facts = factsOf(agentCard(withNote, summary));
    expect(facts['Contract']).toBe('No contract');
    expect(facts['SLA']).toBe('standard (default policy — no contract)');
  });

  it('names the contract’s policy, and says No SLA only when no clock runs', () => {
    const view = { ...withNote, contractLevel: 'gold', slaPolicy: 'gold-24x7' };
    const summary = { policy: 'gold-24x7', timeZone: 'UTC', clocks: [RUNNING], escalationLevel: 0 };
    expect(factsOf(agentCard(view, summary))).toMatchObject({ Contract: 'gold', SLA: 'gold-24x7' });
    expect(factsOf(agentCard(view, undefined))).toMatchObject({ Contract: 'gold', SLA: 'No SLA' });
  });

  it('offers every desk action, and as status only the transitions the workflow allows', () => {
    const card = agentCard();
    expect(verbsIn(card).sort()).toEqual(
      [
        'assign',
        'claim',
        'createTask',
        'linkIssue',
        'logTime',
        'note',
        'priority',
        'queue',
        'reply',
        'resolve',
        'status',
      ].sort(),
    );
    const statusChoices = JSON.stringify(card).match(/"id":"to"[^\]]*\]/)?.[0] ?? '';
    const allowed = availableTransitions(SIMPLE_WORKFLOW, 'new', 'agent').map((t) => t.to);
    for (const to of allowed) expect(statusChoices).toContain(`"value":"${to}"`);
    expect(statusChoices).not.toContain('"value":"new"');
  });

  it('has unique input ids, and every required input says what is missing', () => {
    const card = agentCard();
    const ids = inputIds(card);
    expect(new Set(ids).size).toBe(ids.length);
    const required = JSON.stringify(card).match(/"isRequired":true/g) ?? [];
    const messages = JSON.stringify(card).match(/"errorMessage":"/g) ?? [];
    expect(messages.length).toBe(required.length);
  });

  it('shows what the knowledge base found at intake, as the Slack card does', () => {
    const matched = {
      ...withNote,
      events: [
        ...withNote.events,
        {
          id: 'kb-1',
          type: 'kb-matched' as const,
          at: new Date('2026-11-23T09:01:00Z'),
          actor: {
            kind: 'system' as const,
            id: 'system',
            name: 'Knowledge base',
            role: 'system' as const,
          },
          visibility: 'internal' as const,
          data: {
            articles: 'export-error-42',
            articleTitles: 'Ledger export stops with *error 42*',
            similarCases: 'CASE-1040 CASE-1041',
            articleReasons: JSON.stringify([{ matched: ['export', 'error'], solvedSimilar: 3 }]),
          },
        },
      ],
    };
    const text = JSON.stringify(agentCard(matched));
    expect(text).toContain(
      'Suggested to the customer: Ledger export stops with \\\\*error 42\\\\*',
    );
    // Card markdown escapes the hyphen too.
    expect(text).toContain('Looks like CASE\\\\-1040 and 1 other this week');
    expect(text).toContain('matched: export, error; solved 3 similar questions');
    expect(JSON.stringify(agentCard())).not.toContain('Suggested to the customer');
    expect(JSON.stringify(agentCard())).not.toContain('matched:');
  });

  it('drops Claim once someone owns the case', () => {
    expect(verbsIn(agentCard(STATES.owned))).not.toContain('claim');
  });

  it('shows Claim, Status and Resolve, the rest as secondary actions in the "…" menu', () => {
    const card = agentCard(buildCase());
    const top = (card.actions ?? []).map((a) => ({
      title: a.title,
      secondary: a.mode === 'secondary',
    }));
    expect(top.filter((a) => !a.secondary).map((a) => a.title)).toEqual([
      'Claim',
      'Change status',
      'Resolve',
    ]);
    expect(top.filter((a) => a.secondary).map((a) => a.title)).toEqual([
      'Reply to customer',
      'Assign',
      'Move to queue',
      'Priority',
      'Internal note',
      'Log time',
      'Link issue',
      'Create task',
    ]);
  });

  it('offers Save as KB article on a solved case, and names the queue, not its key', () => {
    const card = agentCard(STATES.solved);
    expect(verbsIn(card)).toContain('saveKbArticle');
    expect(factsOf(card)['Queue']).toBe('Finance');
  });
});

describe('Teams text', () => {
  it('escapes markdown and HTML in cards and messages', () => {
    expect(escapeCardText('[x](http://evil) *b*')).toBe('\\[x\\]\\(http://evil\\) \\*b\\*');
    expect(escapeMessageText('<at>all</at> _x_')).toBe('&lt;at&gt;all&lt;/at&gt; \\_x\\_');
  });
});
