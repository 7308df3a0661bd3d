/**
 * The card a customer sees in their thread: what the case is, where it stands, what happens
 * next and who is on it. It takes the customer view only, so the desk's internals (history,
 * tasks, flags, contract, time) cannot reach it even by mistake.
 */
import type { Button, KnownBlock } from '@slack/types';
import type { CustomerCaseView } from '../../../src/domain/case/view.js';
import type { Resolution } from '../../../src/domain/resolution.js';
import {
  NEXT_UPDATE_PLACEHOLDER,
  renderCustomerSentence,
  type Status,
} from '../../../src/domain/workflow/index.js';
import { ACTIONS } from '../registry.js';
import { actions, button, context, fitLines, section, type SlackMessage } from './blocks.js';
import { escapeMrkdwn, mrkdwnLink, safeMrkdwn } from './escape.js';
import { RESOLUTION_LABELS } from './labels.js';

export interface CustomerCardInput {
  readonly case: CustomerCaseView;
  readonly status: Pick<Status, 'category' | 'customerLabel' | 'customerSentence'>;
  /** The next promised time, already formatted for the customer ("Tue 14:00"). */
  readonly nextUpdateText?: string;
  /** The SLA promise as ready mrkdwn (ours, not user text), shown under the status. */
  readonly promiseMrkdwn?: string;
  /** Who works the case; falls back to the name on the case. */
  readonly assigneeName?: string;
}

const TITLE_MAX = 500;
const RESOLUTION_MAX = 2500;
const ISSUE_LABEL_MAX = 120;

/** The case's own block id prefix on customer cards; the buttons carry the id too. */
export const customerBlockId = (caseId: string): string => `customer:${caseId}`;

const statusText = (input: CustomerCardInput): string => {
  const { status, nextUpdateText } = input;
  const sentence = renderCustomerSentence(status, nextUpdateText);
  const lines = [`*${escapeMrkdwn(status.customerLabel)}*`, escapeMrkdwn(sentence)];
  // A sentence with a placeholder already carries the time; others get it on its own line.
  if (nextUpdateText?.trim() && !status.customerSentence.includes(NEXT_UPDATE_PLACEHOLDER)) {
    lines.push(`Next update by ${escapeMrkdwn(nextUpdateText.trim())}`);
  }
  const open = status.category !== 'solved' && status.category !== 'closed';
  if (input.promiseMrkdwn && open) lines.push(`:clock3: ${input.promiseMrkdwn}`);
  return lines.join('\n');
};

const resolutionText = (resolution: Resolution): string => {
  const lines = [
    `*Solution* (${RESOLUTION_LABELS[resolution.type]})`,
    safeMrkdwn(resolution.text, RESOLUTION_MAX),
  ];
  if (resolution.docLink) lines.push(`Documentation: ${mrkdwnLink(resolution.docLink)}`);
  return lines.join('\n');
};

const ownerText = (input: CustomerCardInput): string | undefined => {
  const name = input.assigneeName ?? input.case.assigneeName;
  if (name) return `:bust_in_silhouette: ${escapeMrkdwn(name)} is on it`;
  const done = input.status.category === 'solved' || input.status.category === 'closed';
  return done ? undefined : ':hourglass_flowing_sand: Waiting for an agent';
};

const issuesText = (issues: CustomerCaseView['linkedIssues']): string =>
  fitLines([
    '*Follow the fix*',
    ...issues.map(
      (issue) =>
        `:link: ${mrkdwnLink(issue.url, issue.title ? issue.title.slice(0, ISSUE_LABEL_MAX) : undefined)}`,
    ),
  ]);

const customerButtons = (caseId: string, category: Status['category']): Button[] => {
  const solved = category === 'solved';
  const closed = category === 'closed';
  const buttons: Button[] = [];
  // A closed case takes no more details: the customer reopens it or writes a new request.
  if (!closed)
    buttons.push(button({ text: 'Add details', actionId: ACTIONS.addDetails, value: caseId }));
  if (solved) {
    buttons.push(
      button({
        text: 'Close my case',
        actionId: ACTIONS.closeMine,
        value: caseId,
        style: 'primary',
      }),
    );
  }
  if (solved || closed)
    buttons.push(button({ text: 'Reopen', actionId: ACTIONS.reopen, value: caseId }));
  return buttons;
};

export const renderCustomerCard = (input: CustomerCardInput): SlackMessage => {
  const c = input.case;
  const category = input.status.category;
  const blocks: KnownBlock[] = [
    section(`*${escapeMrkdwn(c.number)}* · ${safeMrkdwn(c.title, TITLE_MAX)}`),
    section(statusText(input)),
  ];
  if (c.resolution && (category === 'solved' || category === 'closed')) {
    blocks.push(section(resolutionText(c.resolution)));
  }
  const owner = ownerText(input);
  if (owner) blocks.push(context([owner]));
  if (c.linkedIssues.length > 0) blocks.push(section(issuesText(c.linkedIssues)));
  const buttons = customerButtons(c.id, category);
  if (buttons.length > 0) blocks.push(actions(customerBlockId(c.id), buttons));
  const sentence = renderCustomerSentence(input.status, input.nextUpdateText);
  const text = `${c.number} ${c.title}: ${input.status.customerLabel}. ${sentence}`;
  return { text: safeMrkdwn(text, 1000), blocks };
};
