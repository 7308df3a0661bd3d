import type { KnownBlock, SectionBlock } from '@slack/types';
import { z } from 'zod';
import type {
  ConversationActionId,
  ConversationNotice,
} from '../../../src/presentation/conversation.js';
import { ACTIONS } from '../registry.js';
import { actions, button, LIMITS, plain } from './blocks.js';
import { escapeMrkdwn } from './escape.js';

export const CONVERSATION_ACTION_IDS: Readonly<Record<ConversationActionId, string>> = {
  'separate-request': ACTIONS.separateRequest,
  reopen: ACTIONS.reopenFromChat,
  'new-case': ACTIONS.newCaseFromChat,
};

const pressValue = z.object({ caseId: z.string().min(1), eventId: z.string().min(1).optional() });
export type ConversationPress = z.infer<typeof pressValue>;

/** The case and message a conversation button names; undefined for anything else. */
export const parseConversationPress = (
  value: string | undefined,
): ConversationPress | undefined => {
  try {
    const parsed = pressValue.safeParse(JSON.parse(value ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

// The text holds the customer's own words (a case title): plain text, never mrkdwn.
const plainSection = (text: string): SectionBlock => ({
  type: 'section',
  text: plain(text, LIMITS.sectionText),
});

/** The answer to a message, only for its writer: text, then its buttons. */
export const renderConversationNotice = (
  notice: ConversationNotice,
): { text: string; blocks: KnownBlock[] } => ({
  text: escapeMrkdwn(notice.text),
  blocks: [
    plainSection(notice.text),
    ...(notice.actions.length > 0
      ? [
          actions(
            'conversation',
            notice.actions.map((a) =>
              button({
                text: a.label,
                actionId: CONVERSATION_ACTION_IDS[a.id],
                value: JSON.stringify({
                  caseId: a.caseId,
                  ...(a.eventId ? { eventId: a.eventId } : {}),
                }),
                ...(a.primary ? { style: 'primary' as const } : {}),
              }),
            ),
          ),
        ]
      : []),
  ],
});
