import { TurnContext } from 'botbuilder';
import type { ConversationUseCases } from '../shared/deps.js';
import type { Actor } from '../../src/domain/case/types.js';
import { noticeFor } from '../../src/presentation/conversation.js';
import type { ChatMessageOutcome } from '../../src/use-cases/receive-chat-message.js';
import { friendlyFailure } from './failures.js';
import { attachment, escapeCardText, type AdaptiveCard } from './render/card.js';
import {
  conversationActionOf,
  renderConversationNotice,
  renderConversationResult,
} from './render/conversation.js';

/** Answers the writer where they wrote: the chat, or the channel post's thread. */
export const tellOutcome = async (
  context: TurnContext,
  outcome: ChatMessageOutcome,
): Promise<void> => {
  const notice = noticeFor(outcome);
  if (!notice) return;
  await context.sendActivity({ attachments: [attachment(renderConversationNotice(notice))] });
};

const text = (data: Record<string, unknown>, key: string): string =>
  typeof data[key] === 'string' ? data[key] : '';

/**
 * A press on one of those answers, when `verb` is one: the card it was on becomes what
 * happened. Undefined for every other verb.
 */
export const pressConversationAction = async (
  conversation: ConversationUseCases,
  actor: Actor,
  verb: string,
  data: Record<string, unknown>,
): Promise<AdaptiveCard | undefined> => {
  const id = conversationActionOf(verb);
  if (!id) return undefined;
  const answered = await conversation.answerPress(id, actor, {
    caseId: text(data, 'caseId'),
    eventId: text(data, 'eventId'),
  });
  return renderConversationResult(
    answered.ok ? escapeCardText(answered.value) : friendlyFailure(answered),
  );
};
