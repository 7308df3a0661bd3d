import type { App, BlockAction, ButtonAction, RespondFn, ViewSubmitAction } from '@slack/bolt';
import type { Actor } from '../../../src/domain/case/types.js';
import { tellUser, type SlackContext } from '../context.js';
import { friendlyFailure } from '../failures.js';
import { ACTIONS, VIEWS } from '../registry.js';
import { KB_INPUTS, renderKbAnswers, saveArticleModal, type KbAnswer } from '../render/kb.js';
import { viewErrors } from '../render/modals.js';
import { readInput, readMetadata } from './view-state.js';

const ANSWERS = 3;

/** `/support kb <query>`: the best articles this person may read, only to them. */
export const answerKbSearch = async (
  ctx: SlackContext,
  actor: Actor,
  query: string,
  respond: RespondFn,
): Promise<void> => {
  const found = await ctx.core.kb.useCases.searchKb({ actor, query, limit: ANSWERS });
  if (!found.ok) {
    await respond({ response_type: 'ephemeral', text: friendlyFailure(found) });
    return;
  }
  const answers: KbAnswer[] = [];
  for (const hit of found.value) {
    const article = await ctx.core.kb.useCases.getKbArticle({ actor, slug: hit.slug });
    if (article.ok) answers.push({ article: article.value, score: hit.score });
  }
  await respond({ response_type: 'ephemeral', ...renderKbAnswers(query, answers) });
};

const keywordsOf = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((keyword) => keyword.trim())
    .filter(Boolean);

/** "Save as KB article" on a solved case: a prefilled modal, saved as the agent chose. */
export const registerKbListeners = (app: App, ctx: SlackContext): void => {
  app.action<BlockAction<ButtonAction>>(
    ACTIONS.saveKbArticle,
    async ({ ack, action, body, client }) => {
      await ack();
      const caseId = action.value;
      const actor = await ctx.actorOf({
        teamId: body.user.team_id ?? body.team?.id,
        userId: body.user.id,
      });
      if (!caseId || !actor) return;
      const draft = await ctx.core.kb.useCases.draftArticleFromCase({ ref: { caseId }, actor });
      if (!draft.ok) {
        await tellUser(client, body.channel?.id, body.user.id, friendlyFailure(draft));
        return;
      }
      await client.views.open({
        trigger_id: body.trigger_id,
        view: saveArticleModal(caseId, draft.value, body.channel?.id),
      });
    },
  );

  app.view<ViewSubmitAction>(VIEWS.saveKbArticle, async ({ ack, view, body, client }) => {
    const caseId = readMetadata(view).caseId;
    const actor = await ctx.actorOf({
      teamId: body.user.team_id ?? body.team?.id,
      userId: body.user.id,
    });
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
