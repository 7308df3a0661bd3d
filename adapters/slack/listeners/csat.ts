import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ErrorCode } from '@slack/web-api';
import { CSAT_SCORES } from '../../../src/domain/case/csat.js';
import {
  csatAnswerReply,
  csatSurveyView,
  parseCsatPress,
} from '../../../src/presentation/csat-survey.js';
import type { CsatSurveyTarget } from '../../../src/use-cases/send-csat-survey.js';
import type { BotTokenFor } from '../bot-tokens.js';
import { userOfPayload, type SlackContext } from '../context.js';
import { slackChannelOf } from '../identity.js';
import { csatActionId } from '../registry.js';
import { CSAT_COMMENT, renderCsatSurvey } from '../render/csat.js';

// Slack's answers when the requester cannot be reached there any more: they left the
// channel, or it was archived or deleted. Nobody to ask: the survey is skipped.
const GONE = new Set(['user_not_in_channel', 'channel_not_found', 'is_archived', 'not_in_channel']);

const slackErrorOf = (error: unknown): string | undefined => {
  const { code, data } = error as { code?: unknown; data?: { error?: unknown } };
  return code === ErrorCode.PlatformError && typeof data?.error === 'string'
    ? data.error
    : undefined;
};

/**
 * The survey, shown only to the requester in the case's thread (others in a shared
 * channel do not see it). Without their Slack user id there is no one to show it to.
 */
export const postCsatSurvey =
  (app: App, ctx: Pick<SlackContext, 'core' | 'log'>, tokenFor: BotTokenFor) =>
  async (target: CsatSurveyTarget): Promise<void> => {
    const channel = slackChannelOf(target.origin.address);
    if (!channel) return;
    const requester = await ctx.core.directory.getContact(target.contactId);
    if (!requester?.slackUserId) return;
    // With OAuth installs, the token of the workspace the case came from.
    const token = await tokenFor(target.origin.workspace);
    try {
      await app.client.chat.postEphemeral({
        ...(token ? { token } : {}),
        channel,
        user: requester.slackUserId,
        ...(target.origin.messageId ? { thread_ts: target.origin.messageId } : {}),
        ...renderCsatSurvey(csatSurveyView({ caseId: target.caseId, number: target.number })),
      });
    } catch (error) {
      const refusal = slackErrorOf(error);
      if (!refusal || !GONE.has(refusal)) throw error;
      ctx.log.info({ case: target.number, refusal }, 'satisfaction survey skipped');
    }
  };

const commentOf = (body: BlockAction): string | undefined => {
  const value = body.state?.values[CSAT_COMMENT.block]?.[CSAT_COMMENT.action]?.value;
  return typeof value === 'string' && value.trim() ? value : undefined;
};

/** The survey's five answers (its poster is added in app.ts, which knows the tokens). */
export const registerCsatListeners = (app: App, ctx: SlackContext): void => {
  for (const score of CSAT_SCORES) {
    app.action<BlockAction<ButtonAction>>(
      csatActionId(score),
      async ({ ack, action, body, respond }) => {
        await ack();
        const press = parseCsatPress(action.value);
        const actor = await ctx.actorOf(userOfPayload(body));
        if (!press || !actor || !ctx.core.csat) return;
        const comment = commentOf(body);
        const result = await ctx.core.csat.answer({
          ref: { caseId: press.caseId },
          actor,
          score: press.score,
          ...(comment ? { comment } : {}),
        });
        const text = csatAnswerReply(
          result.ok
            ? {
                ok: true,
                changed: result.value.changed,
                number: result.value.case.number,
                score: press.score,
              }
            : result,
        );
        await respond({ replace_original: true, text });
      },
    );
  }
};
