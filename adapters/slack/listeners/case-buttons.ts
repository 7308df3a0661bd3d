import type {
  App,
  BlockAction,
  ButtonAction,
  StaticSelectAction,
  UsersSelectAction,
} from '@slack/bolt';
import type { Failure } from '../../../src/domain/result.js';
import { PRIORITIES, type Priority } from '../../../src/domain/priority.js';
import type { SlackContext } from '../context.js';
import { tellUser, userOfPayload } from '../context.js';
import { ACTIONS } from '../registry.js';
import { parseCaseBlockId } from '../render/agent-card.js';
import { friendlyFailure } from '../failures.js';

type AnyAction = ButtonAction | StaticSelectAction | UsersSelectAction;

/** The case a control is about: buttons carry it in `value`, selects in `block_id`. */
const caseIdOf = (action: AnyAction): string | undefined =>
  action.type === 'button' ? action.value : parseCaseBlockId(action.block_id)?.caseId;

const channelOf = (body: BlockAction): string | undefined =>
  body.channel?.id ?? body.container?.channel_id;

/**
 * Buttons and menus on the case cards: ack at once, then act as the clicking user. A
 * refusal (a customer pressing an agent control, someone else claimed first) comes back
 * as an ephemeral message and changes nothing.
 */
export const registerCaseButtons = (app: App, ctx: SlackContext): void => {
  const on = (
    actionId: string,
    run: (args: {
      caseId: string;
      action: AnyAction;
      body: BlockAction;
      actor: NonNullable<Awaited<ReturnType<SlackContext['actorOf']>>>;
    }) => Promise<{ ok: true } | Failure>,
  ) =>
    app.action<BlockAction<AnyAction>>(actionId, async ({ ack, action, body, client }) => {
      await ack();
      const caseId = caseIdOf(action);
      if (!caseId) return;
      const channel = channelOf(body);
      const actor = await ctx.actorOf(userOfPayload(body));
      if (!actor) {
        await tellUser(
          client,
          channel,
          body.user.id,
          friendlyFailure({ ok: false, code: 'not-allowed', message: 'We do not know you yet.' }),
        );
        return;
      }
      const result = await run({ caseId, action, body, actor });
      if (!result.ok) await tellUser(client, channel, body.user.id, friendlyFailure(result));
    });

  const uc = ctx.core.useCases;
  on(ACTIONS.claim, ({ caseId, actor }) => uc.claimCase({ ref: { caseId }, actor }));
  on(ACTIONS.closeMine, ({ caseId, actor }) => uc.closeCase({ ref: { caseId }, actor }));
  on(ACTIONS.reopen, ({ caseId, actor }) => uc.reopenCase({ ref: { caseId }, actor }));
  on(ACTIONS.status, ({ caseId, actor, action }) =>
    uc.transitionCase({
      ref: { caseId },
      actor,
      to: action.type === 'static_select' ? action.selected_option?.value : undefined,
    }),
  );
  on(ACTIONS.priority, ({ caseId, actor, action }) => {
    const value = action.type === 'static_select' ? action.selected_option?.value : undefined;
    const priority = PRIORITIES.find((p): p is Priority => p === value);
    return uc.setCasePriority({ ref: { caseId }, actor, priority });
  });
  on(ACTIONS.queue, ({ caseId, actor, action }) =>
    uc.moveCaseToQueue({
      ref: { caseId },
      actor,
      queueKey: action.type === 'static_select' ? action.selected_option?.value : undefined,
    }),
  );
  on(ACTIONS.assign, async ({ caseId, actor, action }) => {
    const userId = action.type === 'users_select' ? action.selected_user : undefined;
    const agent = userId ? await ctx.core.directory.findAgentBySlackUser(userId) : undefined;
    if (!agent)
      return { ok: false, code: 'not-found', message: 'That person is not a Caseline agent.' };
    return uc.assignCase({ ref: { caseId }, actor, assigneeId: agent.id });
  });
};
