import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { noticeFor, type ConversationActionId } from '../../../src/presentation/conversation.js';
import type { ChatMessageOutcome } from '../../../src/use-cases/receive-chat-message.js';
import { userOfPayload, type SlackContext } from '../context.js';
import { friendlyFailure } from '../failures.js';
import {
  CONVERSATION_ACTION_IDS,
  parseConversationPress,
  renderConversationNotice,
} from '../render/conversation.js';
import { escapeMrkdwn } from '../render/escape.js';

/**
 * Tells the writer what became of their message, only to them and where they wrote it
 * (the thread, for a reply in one).
 */
export const tellOutcome = async (
  client: WebClient,
  where: {
    readonly channel: string;
    readonly user: string;
    readonly threadTs?: string | undefined;
  },
  outcome: ChatMessageOutcome,
): Promise<void> => {
  const notice = noticeFor(outcome);
  if (!notice) return;
  await client.chat.postEphemeral({
    channel: where.channel,
    user: where.user,
    ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
    ...renderConversationNotice(notice),
  });
};

/** The buttons on those answers: a separate request, reopen, or a new case after close. */
export const registerConversationActions = (app: App, ctx: SlackContext): void => {
  for (const [id, actionId] of Object.entries(CONVERSATION_ACTION_IDS) as [
    ConversationActionId,
    string,
  ][]) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, action, body, respond }) => {
      await ack();
      const press = parseConversationPress(action.value);
      const actor = await ctx.actorOf(userOfPayload(body));
      if (!press || !actor) return;
      const answered = await ctx.conversation.answerPress(id, actor, press);
      await respond({
        replace_original: true,
        text: answered.ok ? escapeMrkdwn(answered.value) : friendlyFailure(answered),
      });
    });
  }
};
