import type {
  ConversationActionId,
  ConversationNotice,
} from '../../../src/presentation/conversation.js';
import { card, escapeCardText, execute, textBlock, VERBS, type AdaptiveCard } from './card.js';

export const CONVERSATION_VERBS: Readonly<Record<ConversationActionId, string>> = {
  'separate-request': VERBS.separateRequest,
  reopen: VERBS.reopenFromChat,
  'new-case': VERBS.newCaseFromChat,
};

/** The conversation action a verb stands for, if it is one. */
export const conversationActionOf = (verb: string): ConversationActionId | undefined =>
  (Object.keys(CONVERSATION_VERBS) as ConversationActionId[]).find(
    (id) => CONVERSATION_VERBS[id] === verb,
  );

/** The answer to a message: its text (the customer's words escaped) and its buttons. */
export const renderConversationNotice = (notice: ConversationNotice): AdaptiveCard =>
  card(
    [textBlock(escapeCardText(notice.text))],
    notice.actions.map((a) =>
      execute(
        a.label,
        CONVERSATION_VERBS[a.id] as (typeof VERBS)[keyof typeof VERBS],
        { caseId: a.caseId, ...(a.eventId ? { eventId: a.eventId } : {}) },
        a.primary ? { style: 'positive' } : {},
      ),
    ),
  );

/** What replaces the answer once its button did its work (or was refused). */
export const renderConversationResult = (text: string): AdaptiveCard => card([textBlock(text)]);
