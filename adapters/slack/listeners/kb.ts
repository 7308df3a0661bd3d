import type { App, BlockAction, ButtonAction, RespondFn, ViewSubmitAction } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import type { Actor, CaseState } from '../../../src/domain/case/types.js';
import {
  KB_NEED_HELP_THANKS,
  kbSolvedThanks,
  requesterOf,
  suggestedArticles,
} from '../../shared/kb-suggestions.js';
import { tellUser, type SlackContext, userOfPayload } from '../context.js';
import { friendlyFailure } from '../failures.js';
import { ACTIONS, VIEWS } from '../registry.js';
import { slackChannelOf } from '../identity.js';
import {
  KB_INPUTS,
  parseSuggestionValue,
  renderKbAnswers,
  renderSuggestions,
  saveArticleModal,
} from '../render/kb.js';
import { viewErrors } from '../render/modals.js';
import { makeAnswerKbQuestion } from '../../../src/presentation/kb-answers.js';
import type { CasePress } from './case-press.js';
import { readInput, readMetadata } from './view-state.js';

/** `/support kb <question>`: the best articles this person may read, only to them. */
export const answerKbSearch = async (
  ctx: SlackContext,
  actor: Actor,
  question: string,
  respond: RespondFn,
): Promise<void> => {
  const answer = await makeAnswerKbQuestion(ctx.core.kb.useCases)(actor, question);
  await respond({
    response_type: 'ephemeral',
    ...(answer.ok ? renderKbAnswers(answer.value) : { text: friendlyFailure(answer) }),
  });
};

/**
 * Right after a case is opened from Slack: up to three articles, shown only to the
 * requester in the case's thread. Needs the contact's Slack user id (on file, or learned
 * when they wrote); without it there is no one to show them to privately.
 */
const offerSuggestions =
  (app: App, ctx: SlackContext) =>
  async (opened: Pick<CaseState, 'id' | 'number' | 'origin' | 'contactId'>): Promise<void> => {
    const channel = slackChannelOf(opened.origin.address);
    if (opened.origin.channel !== 'slack' || !channel) return;
    const requester = await requesterOf(ctx.core.directory, opened);
    if (!requester?.contact.slackUserId) return;
    const articles = await suggestedArticles(ctx.core.kb.useCases, opened.id, requester.actor);
    if (articles.length === 0) return;
    await app.client.chat.postEphemeral({
      channel,
      user: requester.contact.slackUserId,
      ...(opened.origin.messageId ? { thread_ts: opened.origin.messageId } : {}),
      ...renderSuggestions(opened.id, opened.number, articles),
    });
  };

const keywordsOf = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((keyword) => keyword.trim())
    .filter(Boolean);

/** "Save as KB article" on a solved case: a modal prefilled from the case. */
export const saveArticlePress =
  (ctx: SlackContext): CasePress =>
  async ({ caseId, body, client }) => {
    const actor = await ctx.actorOf(userOfPayload(body));
    if (!actor) return;
    const draft = await ctx.core.kb.useCases.draftArticleFromCase({ ref: { caseId }, actor });
    if (!draft.ok) {
      await tellUser(client, body.channel?.id, body.user.id, friendlyFailure(draft));
      return;
    }
    await client.views.open({
      trigger_id: body.trigger_id,
      view: saveArticleModal(caseId, draft.value, body.channel?.id),
    });
  };

/** KB suggestions' answers, and the saved article's modal, saved as the agent chose. */
export const registerKbListeners = (app: App, ctx: SlackContext): void => {
  // The `kb-suggestions` effect, carried out from the outbox. The listener registry test
  // passes a bare core; only a running app delivers effects.
  (ctx.core as Partial<SlackDeps>).kb?.onKbSuggestions(offerSuggestions(app, ctx));

  app.action<BlockAction<ButtonAction>>(
    ACTIONS.kbSolved,
    async ({ ack, action, body, respond }) => {
      await ack();
      const target = parseSuggestionValue(action.value);
      const actor = await ctx.actorOf(userOfPayload(body));
      const slug = target?.slugs[0];
      if (!target || !slug || !actor) return;
      const result = await ctx.core.kb.useCases.acceptKbArticle({
        ref: { caseId: target.caseId },
        actor,
        slug,
      });
      await respond({
        replace_original: true,
        text: result.ok ? kbSolvedThanks(result.value.case.number) : friendlyFailure(result),
      });
    },
  );

  app.action<BlockAction<ButtonAction>>(
    ACTIONS.kbNeedHelp,
    async ({ ack, action, body, respond }) => {
      await ack();
      const target = parseSuggestionValue(action.value);
      const actor = await ctx.actorOf(userOfPayload(body));
      if (!target || !actor) return;
      const result = await ctx.core.kb.useCases.declineKbArticles({
        ref: { caseId: target.caseId },
        actor,
        slugs: target.slugs,
      });
      await respond({
        replace_original: true,
        text: result.ok ? KB_NEED_HELP_THANKS : friendlyFailure(result),
      });
    },
  );

  app.view<ViewSubmitAction>(VIEWS.saveKbArticle, async ({ ack, view, body, client }) => {
    const caseId = readMetadata(view).caseId;
    const actor = await ctx.actorOf(userOfPayload(body));
    if (!caseId || !actor) {
      await ack(
        viewErrors({
          [KB_INPUTS.title.block]: 'We could not tell who you are or which case this is.',
        }),
      );
      return;
    }
    // Re-derived from the case, so products, links and the case reference cannot be forged.
    const draft = await ctx.core.kb.useCases.draftArticleFromCase({ ref: { caseId }, actor });
    if (!draft.ok) {
      await ack(viewErrors({ [KB_INPUTS.title.block]: friendlyFailure(draft) }));
      return;
    }
    const saved = await ctx.core.kb.useCases.saveKbArticle({
      actor,
      article: {
        ...draft.value,
        title: readInput(view, KB_INPUTS.title) ?? '',
        problem: readInput(view, KB_INPUTS.problem) ?? '',
        solution: readInput(view, KB_INPUTS.solution) ?? '',
        keywords: keywordsOf(readInput(view, KB_INPUTS.keywords)),
        visibility: readInput(view, KB_INPUTS.visibility),
        status: readInput(view, KB_INPUTS.status),
      },
    });
    if (!saved.ok) {
      await ack(viewErrors({ [KB_INPUTS.title.block]: friendlyFailure(saved) }));
      return;
    }
    await ack();
    const { article, change } = saved.value;
    await tellUser(
      client,
      readMetadata(view).channel,
      body.user.id,
      `KB article \`${article.slug}\` ${change === 'unchanged' ? 'was already saved' : change} as ${article.status === 'published' ? 'published' : 'a draft'} (${article.visibility}).`,
    );
  });
};
