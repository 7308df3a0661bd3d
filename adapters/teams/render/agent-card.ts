/**
 * The card agents work from in the queue's Teams channel: the facts of the case and every
 * action, each an `Action.Execute` carrying the case id. Status offers only the
 * transitions the workflow allows from here.
 */
import type { StaffCaseView } from '../../../src/domain/case/view.js';
import type { SlaCoverage } from '../../../src/domain/sla/index.js';
import { latestKbMatches, looksLike } from '../../../src/domain/kb/matches.js';
import { PRIORITIES, type Priority } from '../../../src/domain/priority.js';
import { RESOLUTION_TYPES } from '../../../src/domain/resolution.js';
import {
  card,
  choices,
  escapeCardText,
  execute,
  facts,
  refreshFor,
  showCard,
  textBlock,
  textInput,
  VERBS,
  type AdaptiveCard,
  type CardElement,
} from './card.js';
import { FLAG_LABELS, RESOLUTION_LABELS } from './labels.js';
import { fullTextNote } from '../../shared/words.js';

export interface Option {
  readonly value: string;
  readonly title: string;
}

export interface AgentCardInput {
  readonly case: StaffCaseView;
  readonly statusName: string;
  readonly organizationName: string;
  readonly contact: { readonly name: string; readonly email?: string };
  /** The contract, and the SLA policy whose clocks `slaLines` show (slaCoverage). */
  readonly coverage: SlaCoverage;
  readonly priorityLabels: Readonly<Record<Priority, string>>;
  readonly transitions: readonly Option[];
  readonly queues: readonly Option[];
  readonly agents: readonly Option[];
  readonly agentUserIds?: readonly string[];
  readonly notice?: string;
  readonly slaLines?: readonly string[];
}

const detailFacts = (input: AgentCardInput): CardElement => {
  const c = input.case;
  const pairs: [string, string][] = [
    ['Status', escapeCardText(input.statusName)],
    ['Priority', escapeCardText(input.priorityLabels[c.priority])],
    ['Customer', escapeCardText(`${input.contact.name} (${input.organizationName})`)],
    ['Queue', escapeCardText(c.queueKey)],
    ['Owner', c.assigneeName ? escapeCardText(c.assigneeName) : 'Unassigned'],
    ['Contract', escapeCardText(input.coverage.contract)],
    ['SLA', escapeCardText(input.coverage.sla)],
  ];
  if (c.productKey)
    pairs.push([
      'Product',
      escapeCardText([c.productKey, c.productVersion, c.module].filter(Boolean).join(' · ')),
    ]);
  if (c.minutesLogged > 0) pairs.push(['Time logged', `${c.minutesLogged} min`]);
  return facts(pairs);
};

const form = (
  title: string,
  verb: (typeof VERBS)[keyof typeof VERBS],
  caseId: string,
  inputs: CardElement[],
) => showCard(title, inputs, [execute(title, verb, { caseId })]);

const agentActions = (input: AgentCardInput): CardElement[] => {
  const id = input.case.id;
  const open = input.case.statusCategory !== 'closed';
  const actions: CardElement[] = [];
  if (open && !input.case.assigneeId) actions.push(execute('Claim', VERBS.claim, { caseId: id }));
  if (input.transitions.length > 0)
    actions.push(
      form('Status', VERBS.status, id, [
        choices('to', 'New status', input.transitions, { isRequired: true }),
      ]),
    );
  actions.push(
    form('Reply', VERBS.reply, id, [
      textInput('replyText', 'Reply to the customer', { isMultiline: true, isRequired: true }),
    ]),
    form('Note', VERBS.note, id, [
      textInput('noteText', 'Internal note (agents only)', { isMultiline: true, isRequired: true }),
    ]),
  );
  if (open && input.case.statusCategory !== 'solved')
    actions.push(
      form('Resolve', VERBS.resolve, id, [
        choices(
          'resolutionType',
          'Resolution',
          RESOLUTION_TYPES.map((t) => ({ value: t, title: RESOLUTION_LABELS[t] })),
          { value: 'fixed', isRequired: true },
        ),
        textInput('resolutionText', 'What solved it', { isMultiline: true, isRequired: true }),
        textInput('docLink', 'Documentation link (optional)', { style: 'Url' }),
      ]),
    );
  return actions;
};

// Teams shows at most six top-level actions; the rarer ones sit in the body.
const moreActions = (input: AgentCardInput): CardElement => {
  const id = input.case.id;
  return {
    type: 'ActionSet',
    actions: [
      form('Assign', VERBS.assign, id, [choices('agentId', 'Agent', input.agents)]),
      form('Queue', VERBS.queue, id, [choices('queueKey', 'Queue', input.queues)]),
      form('Priority', VERBS.priority, id, [
        choices(
          'priority',
          'Priority',
          PRIORITIES.map((p) => ({ value: p, title: input.priorityLabels[p] })),
          { value: input.case.priority },
        ),
      ]),
      form('Log time', VERBS.logTime, id, [
        textInput('minutes', 'Minutes', { style: 'Number', isRequired: true }),
        textInput('timeNote', 'What was done (optional)'),
      ]),
      form('Link issue', VERBS.linkIssue, id, [
        textInput('issueUrl', 'Issue URL', { style: 'Url', isRequired: true }),
        textInput('issueTitle', 'Title (optional)'),
      ]),
    ],
  };
};

export const renderAgentCard = (input: AgentCardInput): AdaptiveCard => {
  const c = input.case;
  const body: CardElement[] = [];
  if (input.notice) body.push(textBlock(input.notice, { color: 'Warning', weight: 'Bolder' }));
  body.push(
    textBlock(`${c.number} · ${escapeCardText(c.title, 500)}`, {
      size: 'Medium',
      weight: 'Bolder',
    }),
  );
  if (c.flags.length > 0)
    body.push(
      textBlock(c.flags.map((f) => FLAG_LABELS[f] ?? f).join(' · '), { color: 'Attention' }),
    );
  body.push(detailFacts(input));
  for (const line of input.slaLines ?? [])
    body.push(textBlock(escapeCardText(line), { spacing: 'None' }));
  // What the knowledge base found at intake, as on the Slack card.
  const matches = latestKbMatches(c.events);
  if (matches && matches.articles.length > 0) {
    const titles = matches.articles.map((a) => escapeCardText(a.title, 200)).join(', ');
    body.push(textBlock(`Suggested to the customer: ${titles}`, { spacing: 'None' }));
  }
  if (matches && matches.similarCases.length > 0) {
    body.push(
      textBlock(`${escapeCardText(looksLike(matches.similarCases))} this week`, {
        spacing: 'None',
      }),
    );
  }
  if (c.description && c.description !== c.title)
    body.push(textBlock(escapeCardText(c.description, 1500), { isSubtle: true }));
  const full = c.attachments.find((a) => a.field === 'description');
  if (full) body.push(textBlock(`📎 ${escapeCardText(fullTextNote(full))}`, { spacing: 'None' }));
  for (const issue of c.linkedIssues)
    body.push(
      textBlock(
        `Issue: [${escapeCardText(issue.title ?? issue.url, 120)}](${encodeURI(issue.url)})`,
      ),
    );
  body.push(moreActions(input));
  return card(body, agentActions(input), refreshFor(c.id, 'staff', input.agentUserIds ?? []));
};

export const agentSummary = (input: AgentCardInput): string =>
  `${input.case.number} ${input.case.title} (${input.statusName})`;
