/**
 * App Home tabs: an agent's work lists and a customer's cases, urgent first. A Home tab holds
 * at most 100 blocks, so long lists are capped and say how many more there are.
 */
import type { HomeView, KnownBlock, SectionBlock } from '@slack/types';
import { priorityRank } from '../../../src/domain/priority.js';
import type { CaseSummary } from '../../../src/ports/case-repository.js';
import { ACTIONS, SLASH_COMMANDS } from '../registry.js';
import { button, context, divider, header, LIMITS, mrkdwn } from './blocks.js';
import { escapeMrkdwn, safeMrkdwn } from './escape.js';
import { CATEGORY_LABELS, PRIORITY_MARKERS } from './labels.js';

export interface AgentHomeInput {
  readonly mine: readonly CaseSummary[];
  /** How many match in all when the lists hold only the first few; else their length. */
  readonly mineTotal?: number;
  readonly unassigned: readonly CaseSummary[];
  readonly unassignedTotal?: number;
  readonly byStatus: readonly {
    readonly statusName: string;
    readonly cases: readonly CaseSummary[];
    readonly total?: number;
  }[];
  /** Status names by status id, for lines outside the by-status lists. */
  readonly statusNames?: Readonly<Record<string, string>>;
}

export interface CustomerHomeInput {
  readonly organizationName: string;
  readonly cases: readonly CaseSummary[];
  readonly total?: number;
  /** Customer labels by status id; otherwise the status category's plain label. */
  readonly statusLabels?: Readonly<Record<string, string>>;
}

interface CaseList {
  readonly title: string;
  readonly cases: readonly CaseSummary[];
  readonly total?: number | undefined;
  /** Shown when the list is empty; lists without it are left out when empty. */
  readonly empty?: string;
}

/** Most cases one list shows even when there is room for more: a Home tab is a glance. */
const MAX_PER_LIST = 15;
const TITLE_MAX = 200;
// Heading, "and N more" (or "nothing here") and a divider around every list.
const LIST_OVERHEAD = 3;

/** Urgent first, then oldest first, as every list in Caseline. */
export const byUrgency = (cases: readonly CaseSummary[]): CaseSummary[] =>
  [...cases].sort(
    (a, b) =>
      priorityRank(a.priority) - priorityRank(b.priority) ||
      a.createdAt.getTime() - b.createdAt.getTime(),
  );

const caseLine = (c: CaseSummary, details: readonly string[]): SectionBlock => ({
  type: 'section',
  text: mrkdwn(
    `${PRIORITY_MARKERS[c.priority]} *${escapeMrkdwn(c.number)}* ${safeMrkdwn(c.title, TITLE_MAX)}\n` +
      details.map((detail) => escapeMrkdwn(detail)).join(' · '),
  ),
  accessory: button({ text: 'Open', actionId: ACTIONS.openCase, value: c.id }),
});

const listBlocks = (
  list: CaseList,
  cap: number,
  line: (c: CaseSummary) => SectionBlock,
): KnownBlock[] => {
  const total = Math.max(list.total ?? 0, list.cases.length);
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwn(`*${escapeMrkdwn(list.title)}* (${total})`) },
  ];
  if (list.cases.length === 0) return [...blocks, context([escapeMrkdwn(list.empty ?? '')])];
  const lines = byUrgency(list.cases).slice(0, cap);
  blocks.push(...lines.map(line));
  const hidden = total - lines.length;
  if (hidden > 0) blocks.push(context([`…and ${hidden} more`]));
  return blocks;
};

/** Shares the block budget fairly; lists that would still not fit are named as left out. */
const renderLists = (
  top: readonly KnownBlock[],
  lists: readonly CaseList[],
  line: (c: CaseSummary) => SectionBlock,
): KnownBlock[] => {
  const shown = lists.filter((list) => list.cases.length > 0 || list.empty !== undefined);
  const room = LIMITS.viewBlocks - top.length - 1;
  const fair = Math.floor((room - LIST_OVERHEAD * shown.length) / Math.max(shown.length, 1));
  const cap = Math.min(MAX_PER_LIST, Math.max(1, fair));
  const blocks: KnownBlock[] = [...top];
  for (const [index, list] of shown.entries()) {
    const next = [...listBlocks(list, cap, line), divider()];
    if (blocks.length + next.length > LIMITS.viewBlocks - 1) {
      blocks.push(context([`${shown.length - index} more lists not shown`]));
      break;
    }
    blocks.push(...next);
  }
  return blocks;
};

export const renderAgentHome = (input: AgentHomeInput): HomeView => {
  const statusOf = (c: CaseSummary) => input.statusNames?.[c.status] ?? c.status;
  const line = (c: CaseSummary) =>
    caseLine(c, [statusOf(c), c.organizationKey, c.contactName, c.assigneeName ?? 'Unassigned']);
  const lists: CaseList[] = [
    {
      title: 'Assigned to me',
      cases: input.mine,
      total: input.mineTotal,
      empty: 'Nothing assigned to you.',
    },
    {
      title: 'Unassigned',
      cases: input.unassigned,
      total: input.unassignedTotal,
      empty: 'Every case has an owner.',
    },
    ...input.byStatus.map((group) => ({
      title: group.statusName,
      cases: group.cases,
      total: group.total,
    })),
  ];
  const top = [header('Support desk'), context(['Urgent cases first, then the oldest.'])];
  return { type: 'home', blocks: renderLists(top, lists, line) };
};

export const renderCustomerHome = (input: CustomerHomeInput): HomeView => {
  // Customers read their own words for a status, never the desk's internal status names.
  const labelOf = (c: CaseSummary) =>
    input.statusLabels?.[c.status] ?? CATEGORY_LABELS[c.statusCategory];
  const ownerOf = (c: CaseSummary) => {
    if (c.assigneeName) return [`${c.assigneeName} is on it`];
    const done = c.statusCategory === 'solved' || c.statusCategory === 'closed';
    return done ? [] : ['Waiting for an agent'];
  };
  const line = (c: CaseSummary) =>
    caseLine(c, [labelOf(c), `opened by ${c.contactName}`, ...ownerOf(c)]);
  const top = [
    header(`Support cases for ${input.organizationName}`),
    context([`Open a new case with \`${SLASH_COMMANDS.support}\`.`]),
  ];
  const list = {
    title: 'Your cases',
    cases: input.cases,
    total: input.total,
    empty: 'You have no cases yet.',
  };
  return { type: 'home', blocks: renderLists(top, [list], line) };
};
