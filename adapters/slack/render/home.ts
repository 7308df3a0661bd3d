/**
 * App Home tabs (src/presentation/case-list.ts): an agent's work lists and a customer's
 * cases. A Home tab holds at most 100 blocks, so long lists are capped and say how many
 * more there are.
 */
import type { HomeView, KnownBlock, SectionBlock } from '@slack/types';
import type { AvailabilityBoard } from '../../../src/presentation/availability-view.js';
import type { CaseHome, CaseListGroup, CaseListLine } from '../../../src/presentation/case-list.js';
import { ACTIONS, SLASH_COMMANDS } from '../registry.js';
import { button, context, divider, fitLines, header, LIMITS, mrkdwn } from './blocks.js';
import { escapeMrkdwn, safeMrkdwn } from './escape.js';
import { PRIORITY_MARKERS } from './labels.js';

const TITLE_MAX = 200;
// Heading, "and N more" (or "nothing here") and a divider around every list.
const LIST_OVERHEAD = 3;

const caseLine = (line: CaseListLine): SectionBlock => ({
  type: 'section',
  text: mrkdwn(
    `${PRIORITY_MARKERS[line.priority]} *${escapeMrkdwn(line.number)}* ${safeMrkdwn(line.title, TITLE_MAX)}\n` +
      line.details.map((detail) => escapeMrkdwn(detail)).join(' · '),
  ),
  accessory: button({ text: 'Open', actionId: ACTIONS.openCase, value: line.caseId }),
});

const groupBlocks = (group: CaseListGroup, cap: number): KnownBlock[] => {
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwn(`*${escapeMrkdwn(group.title)}* (${group.total})`) },
  ];
  if (group.lines.length === 0) return [...blocks, context([escapeMrkdwn(group.empty)])];
  const lines = group.lines.slice(0, cap);
  blocks.push(...lines.map(caseLine));
  const hidden = group.total - lines.length;
  if (hidden > 0) blocks.push(context([`…and ${hidden} more`]));
  return blocks;
};

/** Shares the block budget fairly; lists that would still not fit are named as left out. */
const renderGroups = (top: readonly KnownBlock[], groups: readonly CaseListGroup[]) => {
  const room = LIMITS.viewBlocks - top.length - 1;
  const fair = Math.floor((room - LIST_OVERHEAD * groups.length) / Math.max(groups.length, 1));
  const cap = Math.max(1, fair);
  const blocks: KnownBlock[] = [...top];
  for (const [index, group] of groups.entries()) {
    const next = [...groupBlocks(group, cap), divider()];
    if (blocks.length + next.length > LIMITS.viewBlocks - 1) {
      blocks.push(context([`${groups.length - index} more lists not shown`]));
      break;
    }
    blocks.push(...next);
  }
  return blocks;
};

const STATE_MARKS = {
  available: ':large_green_circle:',
  away: ':white_circle:',
  'off-hours': ':crescent_moon:',
} as const;

/** One section, a line per queue, so the board costs the work lists one block. */
const availabilityBlock = (board: AvailabilityBoard): SectionBlock => {
  const heading = `*${escapeMrkdwn(board.title)}*`;
  const lines = board.queues.map((queue) => {
    const agents = queue.lines.map(
      (l) => `${STATE_MARKS[l.state]} ${escapeMrkdwn(l.name)} (${escapeMrkdwn(l.words)})`,
    );
    return `*${escapeMrkdwn(queue.title)}*: ${agents.length > 0 ? agents.join(' · ') : escapeMrkdwn(queue.empty)}`;
  });
  return {
    type: 'section',
    text: mrkdwn(`${heading}\n${fitLines(lines, LIMITS.sectionText - heading.length - 1)}`),
  };
};

export const renderHome = (home: CaseHome): HomeView => {
  const top: KnownBlock[] = [header(home.heading)];
  if (home.note) top.push(context([escapeMrkdwn(home.note)]));
  if (home.offerNewCase) top.push(context([`Open a new case with \`${SLASH_COMMANDS.support}\`.`]));
  if (home.availability) top.push(availabilityBlock(home.availability), divider());
  return { type: 'home', blocks: renderGroups(top, home.groups) };
};
