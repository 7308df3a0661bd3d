/**
 * The conversation use cases both chats share: what a written message becomes, and the
 * presses its answers offer. Wired once here so Slack and Teams cannot drift apart.
 */
import type { Core } from './composition.js';
import { wordOverlap } from './kb/word-overlap.js';
import type { ChatLinkRepository } from './ports/chat-links.js';
import { makeAnswerConversationPress } from './presentation/conversation.js';
import { makeMoveMessageToNewCase } from './use-cases/move-message-to-new-case.js';
import { makeReceiveChatMessage } from './use-cases/receive-chat-message.js';

export const composeConversation = (core: Core, chatLinks: ChatLinkRepository) => {
  const { useCases, cases, clock, config } = core;
  const receiveMessage = makeReceiveChatMessage({
    chatLinks,
    cases,
    clock,
    groupingWindowMs: config.intake.groupingWindowSeconds * 1000,
    reopenWithinDays: config.intake.reopenWithinDays,
    overlap: wordOverlap,
    openCase: useCases.openCase,
    replyToCustomer: useCases.replyToCustomer,
    addInternalNote: useCases.addInternalNote,
    // A reply under a customer's own request joins its case even before its card is out.
    caseOfIntake: (intakeKey) => cases.findByIntakeClaim(intakeKey),
  });
  const moveMessage = makeMoveMessageToNewCase({
    cases,
    clock,
    newId: core.newId,
    workflow: config.workflow,
    openCase: useCases.openCase,
  });
  const answerPress = makeAnswerConversationPress({ reopenCase: useCases.reopenCase, moveMessage });
  return { receiveMessage, answerPress };
};

export type Conversation = ReturnType<typeof composeConversation>;
