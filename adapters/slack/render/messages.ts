/**
 * Short thread messages: milestones the customer should notice, echoes of replies and notes,
 * and the one place where failure codes become friendly text (STYLE.md §5).
 */
import type { KnownBlock } from '@slack/types';
import type { FailureCode } from '../../../src/domain/result.js';
import type { Resolution } from '../../../src/domain/resolution.js';
import { context, section, textSections, type SlackMessage } from './blocks.js';
import { escapeMrkdwn, mrkdwnLink, safeMrkdwn } from './escape.js';

export type MilestoneType = 'claimed' | 'pending-customer' | 'solved' | 'closed' | 'reopened';

export interface MilestoneInput {
  readonly type: MilestoneType;
  readonly assigneeName?: string;
  readonly resolution?: Resolution;
  /** The customer label of the new status, e.g. "Waiting for your reply". */
  readonly statusLabel?: string;
}

const FALLBACK_MAX = 3000;

const solvedText = (resolution?: Resolution): string => {
  if (!resolution) return 'Solved. If it works for you, close the case; if not, reply here.';
  const docs = resolution.docLink ? ` (docs: ${mrkdwnLink(resolution.docLink)})` : '';
  return `*Solved:* ${escapeMrkdwn(resolution.text)}${docs}`;
};

const milestoneText = (input: MilestoneInput): string => {
  switch (input.type) {
    case 'claimed':
      return input.assigneeName
        ? `:wave: ${escapeMrkdwn(input.assigneeName)} is on it.`
        : ':wave: Someone from our team is on it.';
    case 'pending-customer':
      return ':speech_balloon: We need a reply from you to continue. Answer in this thread and we will pick it up right away.';
    case 'solved':
      return `:white_check_mark: ${solvedText(input.resolution)}`;
    case 'closed':
      return ':lock: Closed. Send a new message if you need more help.';
    case 'reopened':
      return ':arrows_counterclockwise: Reopened. We are looking at it again.';
  }
};

// The fallback is read in notifications, where `*Solved:*` and `:emoji:` would show raw;
// it is re-escaped afterwards, so removing the markup cannot let anything through.
const stripMarkup = (escaped: string): string =>
  escaped
    .replace(/:[a-z_]+:\s*/g, '')
    .replace(/\*/g, '')
    // Only our own links are live `<url|label>` here: escaped user text holds `&lt;` instead.
    .replace(/<([^|>]+)\|([^>]*)>/g, (_link, url: string, label: string) =>
      label === url ? url : `${label} (${url})`,
    )
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export const renderMilestone = (input: MilestoneInput): SlackMessage => {
  const text = milestoneText(input);
  const blocks: KnownBlock[] = textSections(text);
  if (input.statusLabel) blocks.push(context([`Status: ${escapeMrkdwn(input.statusLabel)}`]));
  return { text: safeMrkdwn(stripMarkup(text), FALLBACK_MAX), blocks };
};

/** A public reply as the customer sees it in their thread. */
export const renderPublicReply = (authorName: string, text: string): SlackMessage => ({
  text: safeMrkdwn(`${authorName}: ${text}`, FALLBACK_MAX),
  blocks: [context([`*${escapeMrkdwn(authorName)}* replied`]), ...textSections(escapeMrkdwn(text))],
});

/** A note in the agent card's thread; internal channels only, never the customer's. */
export const renderInternalNote = (
  authorName: string,
  text: string,
  minutes?: number,
): SlackMessage => {
  const time = minutes ? ` · ${minutes} min` : '';
  return {
    text: safeMrkdwn(`Internal note by ${authorName}: ${text}`, FALLBACK_MAX),
    blocks: [
      context([`:lock: *Internal note* by ${escapeMrkdwn(authorName)}${time}`]),
      ...textSections(escapeMrkdwn(text)),
    ],
  };
};

/** What happened and what to do, per failure code; the use case's message adds the detail. */
const FAILURE_TEXT: Readonly<Record<FailureCode, { what: string; next: string }>> = {
  'not-allowed': {
    what: 'You are not allowed to do that on this case.',
    next: 'Ask a lead or an admin if you think you should be.',
  },
  'invalid-transition': {
    what: 'The case cannot move to that status from where it is now.',
    next: 'Pick one of the statuses the card offers; it may have changed meanwhile.',
  },
  'requirement-missing': {
    what: 'Something is needed before this step.',
    next: 'Add what is missing (see below) and try again.',
  },
  'already-claimed': {
    what: 'Someone else claimed this case first.',
    next: 'Talk to them or ask a lead to reassign it if you should take over.',
  },
  'not-found': {
    what: 'That case could not be found.',
    next: 'Check the case number; it may belong to another organization.',
  },
  conflict: {
    what: 'Someone changed this case at the same moment.',
    next: 'Nothing was saved. Look at the updated card and try again.',
  },
  'invalid-input': {
    what: 'Some of what was entered is not valid.',
    next: 'Correct it (see below) and try again.',
  },
};

/** The ephemeral answer to a failed action, shown only to the person who tried it. */
export const renderEphemeralError = (code: FailureCode, message: string): SlackMessage => {
  const { what, next } = FAILURE_TEXT[code];
  const detail = message.trim();
  const blocks: KnownBlock[] = [section(`:warning: *${what}*\n${next}`)];
  if (detail) blocks.push(context([safeMrkdwn(detail, 2000)]));
  return { text: safeMrkdwn(`${what} ${next}${detail ? ` ${detail}` : ''}`, FALLBACK_MAX), blocks };
};

/** For unexpected errors: polite, with the id that finds the log line. */
export const renderUnexpectedError = (correlationId: string): SlackMessage => {
  const text = `Something went wrong on our side and nothing was changed. Please try again in a moment; if it keeps happening, tell your admin the reference ${correlationId}.`;
  return {
    text: safeMrkdwn(text, FALLBACK_MAX),
    blocks: [section(`:x: ${safeMrkdwn(text, 2900)}`)],
  };
};
