/**
 * What a person is told about the message they just wrote, and what they can press, in
 * chat-neutral words: Slack and Teams render these, neither decides them. Texts carry the
 * customer's own words (a case title) and must be rendered as plain text, never markup.
 */
import type { Actor } from '../domain/case/types.js';
import { ok, type Result } from '../domain/result.js';
import type { ChatMessageOutcome } from '../use-cases/chat-message-outcome.js';

/** A press offered with the answer; its value names the case and, where needed, the message. */
export interface ConversationAction {
  readonly id: ConversationActionId;
  readonly label: string;
  readonly caseId: string;
  readonly eventId?: string;
  readonly primary?: boolean;
}

export const CONVERSATION_ACTIONS = ['separate-request', 'reopen', 'new-case'] as const;
export type ConversationActionId = (typeof CONVERSATION_ACTIONS)[number];

export interface ConversationNotice {
  readonly text: string;
  readonly actions: readonly ConversationAction[];
}

const quoted = (title: string): string => `“${title}”`;

/** The answer to a written message; undefined when the message needs none (see the table). */
export const noticeFor = (outcome: ChatMessageOutcome): ConversationNotice | undefined => {
  switch (outcome.outcome) {
    case 'joined':
      return {
        text: outcome.reopened
          ? `Added to ${outcome.number} (${quoted(outcome.title)}), which is open again: the team picks it up.`
          : `Added to ${outcome.number} (${quoted(outcome.title)}).`,
        actions: [
          {
            id: 'separate-request',
            label: 'This is a separate request',
            caseId: outcome.caseId,
            eventId: outcome.eventId,
          },
        ],
      };
    case 'on-closed-case':
      return outcome.canReopen
        ? {
            text: `${outcome.number} (${quoted(outcome.title)}) is closed. Your message is kept with it: reopen it, or open a new case that refers to it.`,
            actions: [
              {
                id: 'reopen',
                label: `Reopen ${outcome.number}`,
                caseId: outcome.caseId,
                primary: true,
              },
              {
                id: 'new-case',
                label: 'Open a new case',
                caseId: outcome.caseId,
                eventId: outcome.eventId,
              },
            ],
          }
        : {
            text: `${outcome.number} (${quoted(outcome.title)}) was closed too long ago to reopen. Your message is kept with it: open a new case that refers to it.`,
            actions: [
              {
                id: 'new-case',
                label: 'Open a new case',
                caseId: outcome.caseId,
                eventId: outcome.eventId,
                primary: true,
              },
            ],
          };
    case 'courtesy':
      return courtesyNotice(outcome);
    default:
      return undefined;
  }
};

const courtesyNotice = (
  outcome: Extract<ChatMessageOutcome, { outcome: 'courtesy' }>,
): ConversationNotice => {
  const text =
    outcome.on === 'none'
      ? 'Noted. That did not open a case: write what you need help with, and we open one.'
      : outcome.on === 'solved'
        ? `Glad we could help! ${outcome.number} stays solved; if the problem comes back, press Reopen on its card.`
        : outcome.on === 'closed'
          ? `You're welcome! ${outcome.number} is closed; write here whenever you need help again.`
          : `Noted on ${outcome.number}.`;
  return { text, actions: [] };
};

/** What the person sees once their press has done its work. */
export const pressedNotice = (
  action: ConversationActionId,
  from: { readonly number: string },
  to?: { readonly number: string },
): string =>
  action === 'reopen'
    ? `Reopened ${from.number}: the team picks it up again.`
    : action === 'separate-request'
      ? `Opened ${to?.number ?? 'a new case'} for this message; it is no longer part of ${from.number}.`
      : `Opened ${to?.number ?? 'a new case'}, which refers to ${from.number}.`;

type CaseUseCase<T> = (input: unknown) => Promise<Result<T>>;

export interface ConversationPressDeps {
  readonly reopenCase: CaseUseCase<{ readonly case: { readonly number: string } }>;
  readonly moveMessage: CaseUseCase<{
    readonly from: { readonly number: string };
    readonly to: { readonly number: string };
  }>;
}

/**
 * A press on one of those answers, for both chats: the use case it stands for, and the
 * words that replace the answer. Both use cases are idempotent, so a repeated press tells
 * the same outcome again.
 */
export const makeAnswerConversationPress =
  (deps: ConversationPressDeps) =>
  async (
    action: ConversationActionId,
    actor: Actor,
    target: { readonly caseId: string; readonly eventId?: string | undefined },
  ): Promise<Result<string>> => {
    if (action === 'reopen') {
      const reopened = await deps.reopenCase({ ref: { caseId: target.caseId }, actor });
      return reopened.ok ? ok(pressedNotice(action, reopened.value.case)) : reopened;
    }
    const moved = await deps.moveMessage({
      actor,
      caseId: target.caseId,
      eventId: target.eventId ?? '',
      why: action === 'separate-request' ? 'separate' : 'follow-up',
    });
    return moved.ok ? ok(pressedNotice(action, moved.value.from, moved.value.to)) : moved;
  };
