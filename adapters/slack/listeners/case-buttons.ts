import type { BlockAction } from '@slack/bolt';
import type { Failure } from '../../../src/domain/result.js';
import { PRIORITIES, type Priority } from '../../../src/domain/priority.js';
import type { SlackContext } from '../context.js';
import { tellUser, userOfPayload } from '../context.js';
import { friendlyFailure } from '../failures.js';
import type { CardAction, CasePress } from './case-press.js';

type Actor = NonNullable<Awaited<ReturnType<SlackContext['actorOf']>>>;

const channelOf = (body: BlockAction): string | undefined =>
  body.channel?.id ?? body.container?.channel_id;

const picked = (action: CardAction): string | undefined =>
  action.type === 'static_select' ? action.selected_option?.value : undefined;

/**
 * Presses that act at once, as the clicking user. A refusal (a customer pressing an agent
 * control, someone else claimed first) comes back as an ephemeral message and changes
 * nothing.
 */
const acting =
  (
    ctx: SlackContext,
    run: (args: {
      caseId: string;
      action: CardAction;
      actor: Actor;
    }) => Promise<{ ok: true } | Failure>,
  ): CasePress =>
  async ({ caseId, action, body, client }) => {
    const channel = channelOf(body);
    const actor = await ctx.actorOf(userOfPayload(body));
    if (!actor) {
      const unknown = {
        ok: false,
        code: 'not-allowed',
        message: 'We do not know you yet.',
      } as const;
      await tellUser(client, channel, body.user.id, friendlyFailure(unknown));
      return;
    }
    const result = await run({ caseId, action, actor });
    if (!result.ok) await tellUser(client, channel, body.user.id, friendlyFailure(result));
  };

export type ImmediateAction =
  'claim' | 'closeMine' | 'reopen' | 'status' | 'priority' | 'queue' | 'assign';

/** The card's buttons and menus that change the case without a form. */
export const immediatePresses = (ctx: SlackContext): Record<ImmediateAction, CasePress> => {
  const uc = () => ctx.core.useCases;
  return {
    claim: acting(ctx, ({ caseId, actor }) => uc().claimCase({ ref: { caseId }, actor })),
    closeMine: acting(ctx, ({ caseId, actor }) => uc().closeCase({ ref: { caseId }, actor })),
    reopen: acting(ctx, ({ caseId, actor }) => uc().reopenCase({ ref: { caseId }, actor })),
    status: acting(ctx, ({ caseId, actor, action }) =>
      uc().transitionCase({ ref: { caseId }, actor, to: picked(action) }),
    ),
    priority: acting(ctx, ({ caseId, actor, action }) => {
      const priority = PRIORITIES.find((p): p is Priority => p === picked(action));
      return uc().setCasePriority({ ref: { caseId }, actor, priority });
    }),
    queue: acting(ctx, ({ caseId, actor, action }) =>
      uc().moveCaseToQueue({ ref: { caseId }, actor, queueKey: picked(action) }),
    ),
    // The card lists the desk's agents by id; a people picker (older cards) names a Slack user.
    assign: acting(ctx, async ({ caseId, actor, action }) => {
      if (action.type !== 'users_select')
        return uc().assignCase({ ref: { caseId }, actor, assigneeId: picked(action) });
      const agent = action.selected_user
        ? await ctx.core.directory.findAgentBySlackUser(action.selected_user)
        : undefined;
      if (!agent)
        return { ok: false, code: 'not-found', message: 'That person is not a Caseline agent.' };
      return uc().assignCase({ ref: { caseId }, actor, assigneeId: agent.id });
    }),
  };
};
