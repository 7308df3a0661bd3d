/**
 * The customer card in Block Kit, drawn from the chat-neutral view (src/presentation):
 * what the case is, where it stands, what happens next and who has it, then the actions
 * the view offers (primary first).
 */
import type { KnownBlock } from '@slack/types';
import type { CustomerCardView } from '../../../src/presentation/customer-card-view.js';
import type { OwnerTone } from '../../../src/presentation/card-parts.js';
import { context, fitLines, section, type SlackMessage } from './blocks.js';
import { controlRows } from './agent-card.js';
import { slackTimed } from './card-time.js';
import { escapeMrkdwn, mrkdwnLink, safeMrkdwn } from './escape.js';

const TITLE_MAX = 500;
const RESOLUTION_MAX = 2500;
const ISSUE_LABEL_MAX = 120;

const OWNER_ICONS: Readonly<Record<OwnerTone, string>> = {
  owner: ':bust_in_silhouette:',
  waiting: ':hourglass_flowing_sand:',
  done: ':white_check_mark:',
};

const statusText = (view: CustomerCardView): string => {
  const lines = [`*${escapeMrkdwn(view.statusLabel)}*`, escapeMrkdwn(view.sentence)];
  if (view.promise) lines.push(`:clock3: ${slackTimed(view.promise, view.timeZone)}`);
  return lines.join('\n');
};

const resolutionText = (r: NonNullable<CustomerCardView['resolution']>): string => {
  const lines = [`*Solution* (${r.typeLabel})`, safeMrkdwn(r.text, RESOLUTION_MAX)];
  if (r.docLink) lines.push(`Documentation: ${mrkdwnLink(r.docLink)}`);
  return lines.join('\n');
};

const issuesText = (issues: CustomerCardView['issues']): string =>
  fitLines([
    '*Follow the fix*',
    ...issues.map(
      (issue) => `:link: ${mrkdwnLink(issue.url, issue.title?.slice(0, ISSUE_LABEL_MAX))}`,
    ),
  ]);

export const renderCustomerCard = (view: CustomerCardView): SlackMessage => {
  const blocks: KnownBlock[] = [
    ...(view.notice ? [section(`:warning: *${escapeMrkdwn(view.notice)}*`)] : []),
    section(`*${escapeMrkdwn(view.number)}* · ${safeMrkdwn(view.title, TITLE_MAX)}`),
    section(statusText(view)),
  ];
  if (view.resolution) blocks.push(section(resolutionText(view.resolution)));
  if (view.owner)
    blocks.push(
      context([`${OWNER_ICONS[view.owner.tone]} ${slackTimed(view.owner, view.timeZone)}`]),
    );
  if (view.issues.length > 0) blocks.push(section(issuesText(view.issues)));
  // Customer cards hold no selects, whose stale choice a version in the block id clears.
  blocks.push(...controlRows(view.caseId, 0, view.actions));
  return { text: safeMrkdwn(view.summary, 1000), blocks };
};
