/** The weekly digest (src/presentation/weekly-digest-view.ts) as a Slack message. */
import type { KnownBlock } from '@slack/types';
import type { WeeklyDigestView } from '../../../src/presentation/weekly-digest-view.js';
import { context, fields, fitLines, header, section } from './blocks.js';
import { escapeMrkdwn } from './escape.js';
import type { SlackMessage } from './blocks.js';

const fact = (label: string, value: string) => `*${escapeMrkdwn(label)}*\n${escapeMrkdwn(value)}`;

export const renderWeeklyDigest = (view: WeeklyDigestView): SlackMessage => {
  const blocks: KnownBlock[] = [
    header(view.title),
    fields(view.facts.map((f) => fact(f.label, f.value))),
    section(
      `*Backlog by age*  ${view.backlog.map((b) => `${escapeMrkdwn(b.label)}: *${b.value}*`).join(' · ')}`,
    ),
  ];
  if (view.recurring.length > 0)
    blocks.push(
      section(
        fitLines([
          '*Recurring problems*',
          ...view.recurring.map((line) => `• ${escapeMrkdwn(line)}`),
        ]),
      ),
    );
  if (view.charts.length > 0)
    blocks.push(
      context([escapeMrkdwn(`Charts follow: ${view.charts.map((c) => c.title).join('; ')}`)]),
    );
  return { text: view.summary, blocks };
};
