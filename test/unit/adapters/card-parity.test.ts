/**
 * One vocabulary, three chats: every case card action is drawn and handled by Slack, Teams
 * and the playground, and the same case shows the same facts and the same allowed actions
 * (in the same places) in each. As the Slack listener test holds listeners to the registry,
 * this holds the chats to CASE_ACTIONS.
 */
import type { App } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { forWebChat, SUBMIT_KEY } from '../../../adapters/playground/cards.js';
import type { SlackContext } from '../../../adapters/slack/context.js';
import { casePresses } from '../../../adapters/slack/listeners/case-actions.js';
import { registerSlackListeners } from '../../../adapters/slack/listeners/index.js';
import { ACTIONS, SLACK_CASE_ACTIONS } from '../../../adapters/slack/registry.js';
import { renderAgentCard as slackAgent } from '../../../adapters/slack/render/agent-card.js';
import { renderCustomerCard as slackCustomer } from '../../../adapters/slack/render/customer-card.js';
import { isCaseVerb } from '../../../adapters/teams/actions.js';
import { isKbArticleVerb } from '../../../adapters/teams/kb-article.js';
import { renderAgentCard as teamsAgent } from '../../../adapters/teams/render/agent-card.js';
import {
  attachment,
  CASE_VERBS,
  escapeCardText,
  type AdaptiveCard,
} from '../../../adapters/teams/render/card.js';
import { renderCustomerCard as teamsCustomer } from '../../../adapters/teams/render/customer-card.js';
import {
  CASE_ACTIONS,
  type CaseActionId,
  type CaseAction,
} from '../../../src/presentation/case-actions.js';
import type { AgentCardView } from '../../../src/presentation/agent-card-view.js';
import type { CustomerCardView } from '../../../src/presentation/customer-card-view.js';
import { agentView, customerView, RUNNING_SLA, STATES } from '../presentation/card-fixtures.js';

type Placed = Readonly<Record<CaseAction['placement'], readonly CaseActionId[]>>;

const byValue = <K extends string>(table: Readonly<Record<K, string>>, value: unknown) =>
  (Object.keys(table) as K[]).find((key) => table[key] === value);

/** Slack: buttons and menus by action_id, the overflow's options by value. */
const slackActions = (blocks: readonly KnownBlock[]): Placed => {
  const placed = { primary: [] as CaseActionId[], overflow: [] as CaseActionId[] };
  for (const block of blocks) {
    if (block.type !== 'actions') continue;
    const main = block.block_id?.startsWith('case:') ?? false;
    for (const element of block.elements) {
      if (element.type === 'overflow' && element.action_id === ACTIONS.more) {
        placed.overflow.push(...element.options.map((o) => o.value as CaseActionId));
        continue;
      }
      const id = byValue(SLACK_CASE_ACTIONS, (element as { action_id?: string }).action_id);
      if (id) placed[main ? 'primary' : 'overflow'].push(id);
    }
  }
  return placed;
};

/** Teams and the playground: each top-level action's verb (a form's is on its submit). */
const cardActions = (card: { actions?: unknown[] }, verbOf: (node: unknown) => unknown): Placed => {
  const placed = { primary: [] as CaseActionId[], overflow: [] as CaseActionId[] };
  for (const node of card.actions ?? []) {
    const action = node as { mode?: string; card?: { actions?: unknown[] } };
    const sent = action.card?.actions?.[0] ?? action;
    const id = byValue(CASE_VERBS, verbOf(sent));
    if (id) placed[action.mode === 'secondary' ? 'overflow' : 'primary'].push(id);
  }
  return placed;
};

const teamsVerb = (node: unknown) => (node as { verb?: string }).verb;
const playgroundVerb = (node: unknown) =>
  (node as { data?: Record<string, { verb?: string }> }).data?.[SUBMIT_KEY]?.verb;

const inPlayground = (card: AdaptiveCard) => {
  const shown = forWebChat({ id: 'activity-1', attachments: [attachment(card)] });
  return (shown.attachments[0] as { content: AdaptiveCard }).content;
};

const placedOf = (actions: readonly CaseAction[]): Placed => ({
  primary: actions.filter((a) => a.placement === 'primary').map((a) => a.id),
  overflow: actions.filter((a) => a.placement === 'overflow').map((a) => a.id),
});

const sorted = (placed: Placed) => ({
  primary: [...placed.primary].sort(),
  overflow: [...placed.overflow].sort(),
});

interface Drawn {
  readonly state: string;
  readonly view: AgentCardView | CustomerCardView;
  readonly slack: { readonly blocks: KnownBlock[] };
  readonly teams: AdaptiveCard;
  readonly playground: AdaptiveCard;
}

const drawAll = (): Drawn[] =>
  Object.entries(STATES).flatMap(([name, state]) => {
    const agent = agentView(state, { sla: RUNNING_SLA });
    const customer = customerView(state, { sla: RUNNING_SLA });
    return [
      { view: agent, slack: slackAgent(agent), teams: teamsAgent(agent) },
      { view: customer, slack: slackCustomer(customer), teams: teamsCustomer(customer) },
    ].map((d) => ({ ...d, state: name, playground: inPlayground(d.teams) }));
  });

const slackListeners = () => {
  const actions: string[] = [];
  const record = (kind: string) => (id: unknown) =>
    void (kind === 'action' && actions.push(String(id)));
  const app = Object.fromEntries(
    ['event', 'command', 'shortcut', 'action', 'view', 'options'].map((k) => [k, record(k)]),
  ) as unknown as App;
  const ctx = { core: { useCases: {} } } as unknown as SlackContext;
  registerSlackListeners(app, ctx);
  return { actions, presses: casePresses(ctx) };
};

describe('every case card action', () => {
  const drawn = drawAll();
  const listened = slackListeners();
  const offered = (pick: (d: Drawn) => Placed) =>
    new Set(drawn.flatMap((d) => [...pick(d).primary, ...pick(d).overflow]));

  it.each(CASE_ACTIONS)('%s is drawn and handled in Slack', (id) => {
    expect(offered((d) => slackActions(d.slack.blocks)).has(id)).toBe(true);
    expect(listened.actions).toContain(SLACK_CASE_ACTIONS[id]);
    expect(typeof listened.presses[id]).toBe('function');
  });

  it('reaches Slack through the overflow menu too', () => {
    expect(listened.actions).toContain(ACTIONS.more);
  });

  it.each(CASE_ACTIONS)('%s is drawn and handled in Teams', (id) => {
    expect(offered((d) => cardActions(d.teams, teamsVerb)).has(id)).toBe(true);
    const verb = CASE_VERBS[id];
    expect(isCaseVerb(verb) || isKbArticleVerb(verb)).toBe(true);
  });

  it.each(CASE_ACTIONS)('%s is drawn in the playground', (id) => {
    expect(offered((d) => cardActions(d.playground, playgroundVerb)).has(id)).toBe(true);
  });
});

describe('the same case in Slack, Teams and the playground', () => {
  const cases = drawAll().map(
    (d) => [`the ${d.view.audience} card of a ${d.state} case`, d] as const,
  );

  it.each(cases)('%s offers the same actions in the same places', (_name, d) => {
    const expected = sorted(placedOf(d.view.actions));
    expect(sorted(slackActions(d.slack.blocks))).toEqual(expected);
    expect(sorted(cardActions(d.teams, teamsVerb))).toEqual(expected);
    expect(sorted(cardActions(d.playground, playgroundVerb))).toEqual(expected);
  });

  it.each(cases)('%s shows the same facts', (_name, d) => {
    const slack = JSON.stringify(d.slack.blocks);
    const teams = JSON.stringify(d.teams);
    const playground = JSON.stringify(d.playground);
    const lines =
      d.view.audience === 'staff'
        ? [...d.view.facts.map((f) => f.value), ...(d.view.outcome ? [d.view.outcome.text] : [])]
        : [d.view.statusLabel, d.view.sentence, ...(d.view.owner ? [d.view.owner.text] : [])];
    for (const line of lines) {
      expect(slack).toContain(JSON.stringify(line).slice(1, -1));
      for (const card of [teams, playground])
        expect(card).toContain(JSON.stringify(escapeCardText(line)).slice(1, -1));
    }
    if (d.view.audience === 'staff')
      for (const f of d.view.facts) {
        expect(slack).toContain(JSON.stringify(`*${f.label}*\n${f.value}`).slice(1, -1));
        expect(teams).toContain(JSON.stringify({ title: f.label, value: escapeCardText(f.value) }));
      }
  });
});
