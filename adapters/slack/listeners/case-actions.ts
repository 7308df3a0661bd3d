import type { App, BlockAction } from '@slack/bolt';
import {
  CASE_ACTIONS,
  isCaseActionId,
  type CaseActionId,
} from '../../../src/presentation/case-actions.js';
import type { SlackContext } from '../context.js';
import { ACTIONS, SLACK_CASE_ACTIONS } from '../registry.js';
import { parseCaseBlockId } from '../render/agent-card.js';
import { immediatePresses } from './case-buttons.js';
import { formPresses } from './case-modals.js';
import type { CardAction, CasePress } from './case-press.js';
import { saveArticlePress } from './kb.js';

/** The case a control is about: buttons carry it in `value`, menus in their block's id. */
const caseIdOf = (action: CardAction): string | undefined =>
  action.type === 'button' ? action.value : parseCaseBlockId(action.block_id)?.caseId;

/** What every case card action does when pressed in Slack; a test holds it to the vocabulary. */
export const casePresses = (ctx: SlackContext): Readonly<Record<CaseActionId, CasePress>> => ({
  ...immediatePresses(ctx),
  ...formPresses(ctx),
  saveKbArticle: saveArticlePress(ctx),
});

/**
 * Every case card action as its own `action_id`, and the overflow menu, whose option
 * value is the action id: both reach the same press. Ack at once, then act.
 */
export const registerCaseActions = (app: App, ctx: SlackContext): void => {
  const presses = casePresses(ctx);
  const listen = (actionId: string, pick: (action: CardAction) => CaseActionId | undefined) =>
    app.action<BlockAction<CardAction>>(actionId, async ({ ack, action, body, client }) => {
      await ack();
      const id = pick(action);
      const caseId = caseIdOf(action);
      if (!id || !caseId) return;
      await presses[id]({ caseId, action, body, client });
    });
  for (const id of CASE_ACTIONS) listen(SLACK_CASE_ACTIONS[id], () => id);
  listen(ACTIONS.more, (action) => {
    const value = action.type === 'overflow' ? action.selected_option.value : undefined;
    return isCaseActionId(value) ? value : undefined;
  });
};
