/**
 * The agent card in Block Kit, drawn from the chat-neutral view (src/presentation): the
 * facts in two columns, then the primary actions in one row with an overflow menu for
 * the rarer work, and the pick-one controls (assign, queue, priority) in a second row.
 * What the card offers is the view's decision; this file only draws it.
 */
import type { ActionsBlockElement, KnownBlock, Overflow, StaticSelect } from '@slack/types';
import type { AgentCardView } from '../../../src/presentation/agent-card-view.js';
import type { CaseAction } from '../../../src/presentation/case-actions.js';
import type { SlaTone } from '../../../src/presentation/card-parts.js';
import { ACTIONS, SLACK_CASE_ACTIONS } from '../registry.js';
import {
  actions,
  button,
  context,
  fields,
  fitLines,
  header,
  option,
  options,
  plain,
  section,
  type SlackMessage,
} from './blocks.js';
import { escapeMrkdwn, mrkdwnLink, safeMrkdwn } from './escape.js';
import { slackTimed } from './card-time.js';

const FIELD_MAX = 300;
const DESCRIPTION_MAX = 1500;
const DETAIL_MAX = 500;
/** Slack's overflow menu holds two to five options. */
const OVERFLOW_MAX = 5;

// The version makes the id new on every change: Slack clients keep a select's old choice
// after chat.update while the block_id stays the same (slackapi/bolt-js#1920, #2766).
/** `block_id` of the card's main row: `case:<caseId>:<version>`. */
export const caseBlockId = (caseId: string, version: number): string => `case:${caseId}:${version}`;

/** `block_id` of the row of pick-one controls. */
const menusBlockId = (caseId: string, version: number): string => `menus:${caseId}:${version}`;

/** Reads a `caseBlockId` (or the menus row's id) back; undefined for any other block. */
export const parseCaseBlockId = (
  blockId: string,
): { readonly caseId: string; readonly version: number } | undefined => {
  const match = /^(?:case|menus):(.+):(\d+)$/.exec(blockId);
  return match?.[1] && match[2] ? { caseId: match[1], version: Number(match[2]) } : undefined;
};

const SLA_ICONS: Readonly<Record<SlaTone, string>> = {
  running: ':stopwatch:',
  paused: ':double_vertical_bar:',
  breached: ':rotating_light:',
  met: ':white_check_mark:',
  escalated: ':arrow_double_up:',
};

const headerText = (view: AgentCardView): string => {
  const marker = view.priority.id === 'urgent' ? ':red_circle: ' : '';
  return `${marker}${view.number} · ${view.priority.label} · ${view.title}`;
};

const warnings = (view: AgentCardView): string[] =>
  view.warnings.map((w) =>
    w.kind === 'urgent' ? `:rotating_light: *${w.text}*` : `:warning: ${escapeMrkdwn(w.text)}`,
  );

const problemText = (view: AgentCardView): string | undefined => {
  const p = view.problem;
  const parts = [
    p.description && `*Problem*\n${safeMrkdwn(p.description, DESCRIPTION_MAX)}`,
    p.fullTextNote && `:paperclip: ${escapeMrkdwn(p.fullTextNote)}`,
    p.impact && `*Impact:* ${safeMrkdwn(p.impact, DETAIL_MAX)}`,
    p.expectation && `*Expectation:* ${safeMrkdwn(p.expectation, DETAIL_MAX)}`,
  ].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join('\n') : undefined;
};

const extraSections = (view: AgentCardView): KnownBlock[] => {
  const blocks: KnownBlock[] = [];
  const r = view.resolution;
  if (r) {
    const link = r.docLink ? `\nDocs: ${mrkdwnLink(r.docLink)}` : '';
    blocks.push(section(`*Resolution* (${r.typeLabel})\n${safeMrkdwn(r.text, DETAIL_MAX)}${link}`));
  }
  const kb = [
    ...(view.kb.suggested.length > 0
      ? [
          `:bulb: Suggested to the customer: ${view.kb.suggested
            .map((title) => `*${escapeMrkdwn(title)}*`)
            .join(', ')}`,
        ]
      : []),
    ...view.kb.why.map((why) => `:mag: ${escapeMrkdwn(why)}`),
    ...(view.kb.lookAlike ? [`:repeat: ${escapeMrkdwn(view.kb.lookAlike)}`] : []),
  ];
  if (kb.length > 0) blocks.push(context(kb));
  if (view.issues.length > 0) {
    const links = view.issues.map(
      (issue) => `:link: ${mrkdwnLink(issue.url, issue.title?.slice(0, 120))}`,
    );
    blocks.push(section(fitLines(['*Development issues*', ...links])));
  }
  return blocks;
};

const workText = (view: AgentCardView): string[] => [
  slackTimed(view.opened, view.timeZone),
  ...view.sla.map((line) => `${SLA_ICONS[line.tone]} ${slackTimed(line, view.timeZone)}`),
  ...view.work.map(escapeMrkdwn),
];

const select = (action: CaseAction): StaticSelect | undefined => {
  const choices = options((action.choices ?? []).map((c) => ({ text: c.label, value: c.value })));
  if (choices.length === 0) return undefined;
  const selected = choices.find((choice) => choice.value === action.current);
  return {
    type: 'static_select',
    action_id: SLACK_CASE_ACTIONS[action.id],
    placeholder: plain(`${action.label}…`),
    options: choices,
    ...(selected ? { initial_option: selected } : {}),
  };
};

const control = (action: CaseAction, caseId: string): ActionsBlockElement | undefined =>
  action.choices
    ? select(action)
    : button({
        text: action.label,
        actionId: SLACK_CASE_ACTIONS[action.id],
        value: caseId,
        ...(action.emphasis ? { style: 'primary' as const } : {}),
      });

const present = <T>(items: readonly (T | undefined)[]): T[] =>
  items.filter((item): item is T => item !== undefined);

/** The overflow menu: its option values are action ids; the row's block id names the case. */
const overflow = (items: readonly CaseAction[]): Overflow => ({
  type: 'overflow',
  action_id: ACTIONS.more,
  options: items.map((a) => option(a.label, a.id)),
});

/** Both rows of controls: primary first, then the overflow; the menus row after. */
export const controlRows = (
  caseId: string,
  version: number,
  all: readonly CaseAction[],
): KnownBlock[] => {
  const primary = all.filter((a) => a.placement === 'primary');
  const rest = all.filter((a) => a.placement === 'overflow');
  const menus = rest.filter((a) => a.choices);
  const presses = rest.filter((a) => !a.choices);
  const inMenu = presses.length >= 2 ? presses.slice(0, OVERFLOW_MAX) : [];
  const loose = presses.filter((a) => !inMenu.includes(a));
  const main = [
    ...present(primary.map((a) => control(a, caseId))),
    ...(inMenu.length > 0 ? [overflow(inMenu)] : []),
  ];
  const second = present([...menus, ...loose].map((a) => control(a, caseId)));
  return [
    ...(main.length > 0 ? [actions(caseBlockId(caseId, version), main)] : []),
    ...(second.length > 0 ? [actions(menusBlockId(caseId, version), second)] : []),
  ];
};

export const renderAgentCard = (view: AgentCardView): SlackMessage => {
  const alerts = warnings(view);
  const problem = problemText(view);
  const blocks: KnownBlock[] = [
    header(headerText(view)),
    ...(view.notice ? [section(`:warning: *${escapeMrkdwn(view.notice)}*`)] : []),
    ...(alerts.length > 0 ? [context(alerts)] : []),
    ...(view.outcome
      ? [context([`:white_check_mark: ${slackTimed(view.outcome, view.timeZone)}`])]
      : []),
    fields(view.facts.map((f) => `*${f.label}*\n${safeMrkdwn(f.value, FIELD_MAX)}`)),
    ...(problem ? [section(problem)] : []),
    ...extraSections(view),
    context(workText(view)),
    ...controlRows(view.caseId, view.version, view.actions),
  ];
  return { text: safeMrkdwn(view.summary, 1000), blocks };
};
