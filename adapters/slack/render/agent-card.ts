/**
 * The card agents work a case from, in the triage channel: who asked, under which contract,
 * what is wrong, and every control the viewer may use. The caller decides which status
 * moves this viewer may take; the card only draws them.
 */
import type { ActionsBlockElement, Button, KnownBlock, StaticSelect } from '@slack/types';
import type { StaffCaseView } from '../../../src/domain/case/view.js';
import type { SlaCoverage } from '../../../src/domain/sla/index.js';
import { PRIORITIES } from '../../../src/domain/priority.js';
import { ACTIONS } from '../registry.js';
import {
  actions,
  button,
  context,
  fields,
  fitLines,
  header,
  options,
  plain,
  section,
  type SlackMessage,
} from './blocks.js';
import { escapeMrkdwn, mrkdwnLink, safeMrkdwn } from './escape.js';
import { latestKbMatches, looksLike, type KbMatches } from '../../../src/domain/kb/matches.js';
import { FLAG_LABELS, RESOLUTION_LABELS, type PriorityLabels } from './labels.js';
import { fullTextNote } from '../../shared/words.js';

export interface AgentCardInput {
  readonly case: StaffCaseView;
  readonly statusName: string;
  readonly organizationName: string;
  readonly contact: { readonly name: string; readonly email?: string };
  /** The contract, and the SLA policy whose clocks `slaLines` show (slaCoverage). */
  readonly coverage: SlaCoverage;
  readonly priorityLabels: PriorityLabels;
  /** Only the moves this viewer may take from the current status. */
  readonly transitions: readonly { readonly to: string; readonly label: string }[];
  readonly queues: readonly { readonly key: string; readonly name: string }[];
  /** SLA lines as ready mrkdwn (ours, not user text): "First response due 14:00 (in 2h 10m)". */
  readonly slaLines?: readonly string[];
}

const FIELD_MAX = 300;
const DESCRIPTION_MAX = 1500;
const DETAIL_MAX = 500;

// The version makes the id new on every change: Slack clients keep a select's old choice
// after chat.update while the block_id stays the same (slackapi/bolt-js#1920, #2766).
/** `block_id` of the card's select controls: `case:<caseId>:<version>`. */
export const caseBlockId = (caseId: string, version: number): string => `case:${caseId}:${version}`;

/** Reads a `caseBlockId` back; undefined for any other block. */
export const parseCaseBlockId = (
  blockId: string,
): { readonly caseId: string; readonly version: number } | undefined => {
  const match = /^case:(.+):(\d+)$/.exec(blockId);
  return match?.[1] && match[2] ? { caseId: match[1], version: Number(match[2]) } : undefined;
};

const headerText = (input: AgentCardInput): string => {
  const c = input.case;
  const marker = c.priority === 'urgent' ? ':red_circle: ' : '';
  return `${marker}${c.number} · ${input.priorityLabels[c.priority]} · ${c.title}`;
};

const field = (label: string, value: string): string =>
  `*${label}*\n${safeMrkdwn(value, FIELD_MAX)}`;

const factFields = (input: AgentCardInput): string[] => {
  const c = input.case;
  const customer = input.contact.email
    ? `${input.contact.name} (${input.contact.email})`
    : input.contact.name;
  const product = [c.productKey, c.productVersion].filter(Boolean).join(' ');
  const queue = input.queues.find((q) => q.key === c.queueKey)?.name ?? c.queueKey;
  return [
    field('Customer', customer),
    field('Organization', input.organizationName),
    field('Contract', input.coverage.contract),
    field('SLA', input.coverage.sla),
    field('Product', [product, c.module].filter(Boolean).join(' · ') || 'Not given'),
    field('Priority', input.priorityLabels[c.priority]),
    field('Status', input.statusName),
    field('Assignee', c.assigneeName ?? 'Unassigned'),
    field('Queue', queue),
  ];
};

/** Urgency and contract problems, the things an agent must not overlook. */
const warnings = (c: StaffCaseView): string[] => [
  ...(c.priority === 'urgent' ? [':rotating_light: *Urgent*'] : []),
  ...c.flags.map((flag) => `:warning: ${FLAG_LABELS[flag]}`),
];

const problemText = (c: StaffCaseView): string | undefined => {
  const full = c.attachments.find((a) => a.field === 'description');
  const parts = [
    c.description.trim() && `*Problem*\n${safeMrkdwn(c.description, DESCRIPTION_MAX)}`,
    full && `:paperclip: ${escapeMrkdwn(fullTextNote(full))}`,
    c.impact && `*Impact:* ${safeMrkdwn(c.impact, DETAIL_MAX)}`,
    c.expectation && `*Expectation:* ${safeMrkdwn(c.expectation, DETAIL_MAX)}`,
  ].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join('\n') : undefined;
};

const workText = (input: AgentCardInput): string[] => {
  const c = input.case;
  const openTasks = c.tasks.filter((task) => !task.completedAt).length;
  const opened = Math.floor(c.createdAt.getTime() / 1000);
  return [
    // Slack formats the date in each reader's own time zone; the ISO text is the fallback.
    `Opened <!date^${opened}^{date_short_pretty} {time}|${c.createdAt.toISOString()}>`,
    ...(input.slaLines ?? []),
    ...(openTasks > 0 ? [`${openTasks} open task${openTasks === 1 ? '' : 's'}`] : []),
    ...(c.minutesLogged > 0 ? [`${c.minutesLogged} min logged`] : []),
  ];
};

const extraSections = (c: StaffCaseView): KnownBlock[] => {
  const blocks: KnownBlock[] = [];
  if (c.resolution) {
    const label = RESOLUTION_LABELS[c.resolution.type];
    const link = c.resolution.docLink ? `\nDocs: ${mrkdwnLink(c.resolution.docLink)}` : '';
    blocks.push(
      section(`*Resolution* (${label})\n${safeMrkdwn(c.resolution.text, DETAIL_MAX)}${link}`),
    );
  }
  const matchLines = kbMatchLines(latestKbMatches(c.events));
  if (matchLines.length > 0) blocks.push(context(matchLines));
  if (c.linkedIssues.length > 0) {
    const links = c.linkedIssues.map(
      (issue) => `:link: ${mrkdwnLink(issue.url, issue.title?.slice(0, 120))}`,
    );
    blocks.push(section(fitLines(['*Development issues*', ...links])));
  }
  return blocks;
};

/** What the knowledge base found at intake: the articles offered, the look-alike cases. */
const kbMatchLines = (matches: KbMatches | undefined): string[] => [
  ...(matches && matches.articles.length > 0
    ? [
        `:bulb: Suggested to the customer: ${matches.articles
          .map((article) => `*${escapeMrkdwn(article.title)}*`)
          .join(', ')}`,
      ]
    : []),
  ...(matches && matches.similarCases.length > 0
    ? [`:repeat: ${escapeMrkdwn(looksLike(matches.similarCases))} this week`]
    : []),
];

const select = (
  actionId: string,
  placeholder: string,
  items: readonly { text: string; value: string }[],
  initial?: string,
): StaticSelect | undefined => {
  const choices = options(items);
  if (choices.length === 0) return undefined;
  const selected = choices.find((choice) => choice.value === initial);
  return {
    type: 'static_select',
    action_id: actionId,
    placeholder: plain(placeholder),
    options: choices,
    ...(selected ? { initial_option: selected } : {}),
  };
};

const controls = (input: AgentCardInput): ActionsBlockElement[] => {
  const c = input.case;
  // One option per target status: two edges into one status would be one choice anyway.
  const moves = [...new Map(input.transitions.map((t) => [t.to, t.label])).entries()];
  const elements: (ActionsBlockElement | undefined)[] = [
    c.assigneeId
      ? undefined
      : button({ text: 'Claim', actionId: ACTIONS.claim, value: c.id, style: 'primary' }),
    { type: 'users_select', action_id: ACTIONS.assign, placeholder: plain('Assign to…') },
    select(
      ACTIONS.queue,
      'Move to queue…',
      input.queues.map((q) => ({ text: q.name, value: q.key })),
      c.queueKey,
    ),
    select(
      ACTIONS.status,
      'Change status…',
      moves.map(([to, label]) => ({ text: label, value: to })),
    ),
    select(
      ACTIONS.priority,
      'Priority…',
      PRIORITIES.map((p) => ({ text: input.priorityLabels[p], value: p })),
      c.priority,
    ),
  ];
  return elements.filter((element): element is ActionsBlockElement => element !== undefined);
};

const workButtons = (c: StaffCaseView): Button[] => {
  const done = c.statusCategory === 'solved' || c.statusCategory === 'closed';
  const make = (text: string, actionId: string): Button => button({ text, actionId, value: c.id });
  return [
    make('Reply to customer', ACTIONS.reply),
    make('Internal note', ACTIONS.note),
    make('Log time', ACTIONS.logTime),
    // Resolving again would overwrite the resolution the customer already received.
    ...(done ? [] : [make('Resolve', ACTIONS.resolve)]),
    make('Link issue', ACTIONS.linkIssue),
    make('Create task', ACTIONS.createTask),
    // A solved case's resolution is the knowledge base's best source.
    ...(done && c.resolution ? [make('Save as KB article', ACTIONS.saveKbArticle)] : []),
  ];
};

export const renderAgentCard = (input: AgentCardInput): SlackMessage => {
  const c = input.case;
  const alerts = warnings(c);
  const problem = problemText(c);
  const blocks: KnownBlock[] = [
    header(headerText(input)),
    ...(alerts.length > 0 ? [context(alerts)] : []),
    fields(factFields(input)),
    ...(problem ? [section(problem)] : []),
    ...extraSections(c),
    context(workText(input)),
    actions(caseBlockId(c.id, c.version), controls(input)),
    actions(`buttons:${c.id}:${c.version}`, workButtons(c)),
  ];
  const text = `${c.number} [${input.priorityLabels[c.priority]}] ${c.title} (${input.organizationName}, ${input.contact.name})`;
  return { text: safeMrkdwn(text, 1000), blocks };
};
