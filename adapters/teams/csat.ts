/**
 * The satisfaction survey in Teams: posted where the requester asked (in a channel, in the
 * thread of their message); a press runs the same use case as Slack with the comment typed
 * on the card, and the card becomes the answer as recorded.
 */
import type { Logger } from 'pino';
import type { Actor } from '../../src/domain/case/types.js';
import {
  csatAnswerReply,
  csatSurveyView,
  parseCsatPress,
} from '../../src/presentation/csat-survey.js';
import type { CsatSurveyTarget } from '../../src/use-cases/send-csat-survey.js';
import type { TeamsConversationStore } from './conversation-store.js';
import type { TeamsDeps } from './deps.js';
import { teamsConversationOf } from './identity.js';
import type { WithConversations } from './proactive.js';
import { attachment, VERBS, type AdaptiveCard } from './render/card.js';
import { CSAT_COMMENT_INPUT, renderCsatAnswered, renderCsatSurvey } from './render/csat.js';

export interface TeamsCsatDeps {
  readonly core: Pick<TeamsDeps, 'csat'>;
  readonly store: Pick<TeamsConversationStore, 'findReference'>;
  readonly withConversations: WithConversations;
  readonly log: Pick<Logger, 'info'>;
}

// The connector's answers when nobody can be asked there any more: the bot was removed
// from the conversation, or the conversation is gone. The survey is skipped.
const GONE = new Set([403, 404]);

const statusOf = (error: unknown): number | undefined => {
  const e = error as { statusCode?: unknown; response?: { status?: unknown } } | null;
  const status = e?.statusCode ?? e?.response?.status;
  return typeof status === 'number' ? status : undefined;
};

export const isCsatVerb = (verb: string): boolean => verb === VERBS.csatAnswer;

export const createTeamsCsat = (deps: TeamsCsatDeps) => {
  const post = async (target: CsatSurveyTarget): Promise<void> => {
    const base = teamsConversationOf(target.origin.address);
    const reference = base ? await deps.store.findReference(base) : undefined;
    if (!base || !reference) return;
    const inChannel = reference.conversation?.conversationType === 'channel';
    const conversationId =
      inChannel && target.origin.messageId ? `${base};messageid=${target.origin.messageId}` : base;
    const view = csatSurveyView({ caseId: target.caseId, number: target.number });
    try {
      await deps.withConversations(reference, (c) =>
        c.sendToConversation(conversationId, {
          type: 'message',
          summary: view.question,
          attachments: [attachment(renderCsatSurvey(view))],
        }),
      );
    } catch (error) {
      const status = statusOf(error);
      if (status === undefined || !GONE.has(status)) throw error;
      deps.log.info({ case: target.number, status }, 'satisfaction survey skipped');
    }
  };

  /**
   * A press: records the answer (once; `act` is false for a repeated delivery). The card
   * shows the answer to everyone; a refusal (someone else pressed) is told to the presser
   * only, so the question stays for the person it is for.
   */
  const answer = async (
    actor: Actor,
    data: Record<string, unknown>,
    act: boolean,
  ): Promise<{ card: AdaptiveCard } | { message: string } | undefined> => {
    const press = parseCsatPress(data.answer);
    const csat = deps.core.csat;
    if (!press || !csat) return undefined;
    const comment = typeof data[CSAT_COMMENT_INPUT] === 'string' ? data[CSAT_COMMENT_INPUT] : '';
    const result = await csat.answer({
      ref: { caseId: press.caseId },
      actor,
      score: press.score,
      ...(comment.trim() && act ? { comment } : {}),
    });
    if (!result.ok) return { message: csatAnswerReply(result) };
    const { changed, case: answered } = result.value;
    const reply = csatAnswerReply({
      ok: true,
      changed,
      number: answered.number,
      score: press.score,
    });
    return { card: renderCsatAnswered(reply) };
  };

  return { post, answer };
};

export type TeamsCsat = ReturnType<typeof createTeamsCsat>;
