/**
 * The conversation specification: what a customer's message becomes and what they see,
 * by the state of their case and where they write. README.md ("What a message becomes")
 * shows the same table; the Slack and Teams e2e suites each run every row over HTTP.
 */
import type { StatusCategory } from '../../src/domain/workflow/index.js';

/** Where the message is written: the top of a support conversation, or a case's thread. */
export type Place = 'top' | 'thread';

/**
 * The customer's case before the message: opened by their own message seconds before
 * (within the grouping window), then moved on by an agent.
 */
export type CaseStage =
  'none' | 'new' | 'open' | 'pending-customer' | 'solved' | 'closed' | 'closed-long-ago';

export type MessageKind =
  | 'new-request'
  | 'follow-up'
  | 'courtesy'
  | 'emoji-only'
  | 'file-only'
  /** `help`: typed in Teams, `/support help` in Slack. */
  | 'command';

/** The message texts each row writes (a file-only message has no text, one shared file). */
export const MESSAGES: Readonly<Record<MessageKind, string>> = {
  'new-request': 'Another issue: two users cannot log in since this morning',
  'follow-up': 'It also happens for March, same error.',
  courtesy: 'thanks!',
  'emoji-only': '👍',
  'file-only': '',
  command: 'help',
};
export const FILE_NAME = 'export-error.png';
/** The request that opened the case of every row with a case. */
export const OPENING_REQUEST = 'Invoice export fails at month-end with error 500';

export type Seen =
  /** The new case's customer card, threaded under the message (Slack) or as a reply (Teams). */
  | { readonly card: true }
  /** An answer only to the writer, matching `text`, with these buttons. */
  | { readonly notice: RegExp; readonly buttons: readonly string[] }
  /** The case's own thread message about the change (a reopen announced). */
  | { readonly milestone: RegExp }
  /** Nothing beyond the message itself in the thread (the card keeps the promise). */
  | { readonly nothing: true }
  /** The command's own answer, only to the writer in Slack, a reply in Teams. */
  | { readonly answer: RegExp };

export interface ConversationRow {
  readonly stage: CaseStage;
  readonly place: Place;
  readonly kind: MessageKind;
  /** What happens to cases: a new one, a comment on the row's case (which may reopen it). */
  readonly outcome: 'new case' | 'comment' | 'nothing';
  /** The status category of the row's case afterwards (unchanged unless a reopen). */
  readonly after?: StatusCategory;
  readonly sees: Seen;
}

const ADDED = /^Added to CASE-\d+ \(“Invoice export fails/;
const SEPARATE = ['This is a separate request'];
// Help lists the commands, `show CASE-1042` among them, in both chats.
const HELP = /show CASE-1042/;

export const CONVERSATION_TABLE: readonly ConversationRow[] = [
  // The top of a support conversation: a support channel, a DM, a personal or group chat.
  { stage: 'none', place: 'top', kind: 'new-request', outcome: 'new case', sees: { card: true } },
  { stage: 'none', place: 'top', kind: 'file-only', outcome: 'new case', sees: { card: true } },
  {
    stage: 'none',
    place: 'top',
    kind: 'courtesy',
    outcome: 'nothing',
    sees: { notice: /did not open a case/, buttons: [] },
  },
  {
    stage: 'none',
    place: 'top',
    kind: 'emoji-only',
    outcome: 'nothing',
    sees: { notice: /did not open a case/, buttons: [] },
  },
  {
    stage: 'new',
    place: 'top',
    kind: 'follow-up',
    outcome: 'comment',
    after: 'new',
    sees: { notice: ADDED, buttons: SEPARATE },
  },
  {
    stage: 'new',
    place: 'top',
    kind: 'file-only',
    outcome: 'comment',
    after: 'new',
    sees: { notice: ADDED, buttons: SEPARATE },
  },
  {
    stage: 'new',
    place: 'top',
    kind: 'new-request',
    outcome: 'new case',
    after: 'new',
    sees: { card: true },
  },
  {
    stage: 'new',
    place: 'top',
    kind: 'courtesy',
    outcome: 'comment',
    after: 'new',
    sees: { notice: /^Noted on CASE-\d+\.$/, buttons: [] },
  },
  {
    stage: 'open',
    place: 'top',
    kind: 'follow-up',
    outcome: 'comment',
    after: 'open',
    sees: { notice: ADDED, buttons: SEPARATE },
  },
  {
    stage: 'pending-customer',
    place: 'top',
    kind: 'follow-up',
    outcome: 'comment',
    after: 'open',
    sees: { notice: ADDED, buttons: SEPARATE },
  },
  {
    stage: 'solved',
    place: 'top',
    kind: 'courtesy',
    outcome: 'comment',
    after: 'solved',
    sees: { notice: /^Glad we could help! CASE-\d+ stays solved/, buttons: [] },
  },
  {
    stage: 'closed',
    place: 'top',
    kind: 'follow-up',
    outcome: 'new case',
    after: 'closed',
    sees: { card: true },
  },
  // A command is answered, and within the grouping window it does not join the case.
  { stage: 'none', place: 'top', kind: 'command', outcome: 'nothing', sees: { answer: HELP } },
  {
    stage: 'new',
    place: 'top',
    kind: 'command',
    outcome: 'nothing',
    after: 'new',
    sees: { answer: HELP },
  },
  // A reply in the thread of the case (Slack threads; Teams channel threads).
  {
    stage: 'new',
    place: 'thread',
    kind: 'follow-up',
    outcome: 'comment',
    after: 'new',
    sees: { nothing: true },
  },
  {
    stage: 'open',
    place: 'thread',
    kind: 'file-only',
    outcome: 'comment',
    after: 'open',
    sees: { nothing: true },
  },
  {
    stage: 'pending-customer',
    place: 'thread',
    kind: 'follow-up',
    outcome: 'comment',
    after: 'open',
    sees: { nothing: true },
  },
  {
    stage: 'pending-customer',
    place: 'thread',
    kind: 'courtesy',
    outcome: 'comment',
    after: 'pending-customer',
    sees: { nothing: true },
  },
  {
    stage: 'solved',
    place: 'thread',
    kind: 'follow-up',
    outcome: 'comment',
    after: 'open',
    sees: { milestone: /open again/i },
  },
  {
    stage: 'solved',
    place: 'thread',
    kind: 'courtesy',
    outcome: 'comment',
    after: 'solved',
    sees: { notice: /^Glad we could help! CASE-\d+ stays solved/, buttons: [] },
  },
  {
    stage: 'solved',
    place: 'thread',
    kind: 'emoji-only',
    outcome: 'comment',
    after: 'solved',
    sees: { notice: /^Glad we could help!/, buttons: [] },
  },
  {
    stage: 'closed',
    place: 'thread',
    kind: 'follow-up',
    outcome: 'comment',
    after: 'closed',
    sees: {
      notice: /^CASE-\d+ \(“Invoice export.*is closed\./,
      buttons: ['Reopen CASE-', 'Open a new case'],
    },
  },
  {
    stage: 'closed-long-ago',
    place: 'thread',
    kind: 'follow-up',
    outcome: 'comment',
    after: 'closed',
    sees: { notice: /closed too long ago to reopen/, buttons: ['Open a new case'] },
  },
  {
    stage: 'closed',
    place: 'thread',
    kind: 'courtesy',
    outcome: 'comment',
    after: 'closed',
    sees: { notice: /^You're welcome! CASE-\d+ is closed/, buttons: [] },
  },
];

/** A row's name, in the README's words. */
export const rowName = (row: ConversationRow): string =>
  `${row.kind} ${row.place === 'top' ? 'at the top' : 'in the case thread'}, case ${row.stage} → ${row.outcome}`;
