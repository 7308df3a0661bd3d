import type { App } from '@slack/bolt';
import type { SlackContext } from '../context.js';
import { makeCaseHome, makeOrganizationNames } from '../../../src/presentation/case-list.js';
import { renderHome } from '../render/home.js';
import { tellUser } from '../context.js';
import { friendlyFailure } from '../failures.js';
import { titleOf } from '../../../src/use-cases/receive-chat-message.js';
import { slackAddress } from '../identity.js';

/** App Home: agents see their work, customers their organization's open cases. */
export const registerHome = (app: App, ctx: SlackContext): void => {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const actor = await ctx.actorOf({
      teamId: (body as { team_id?: string }).team_id,
      userId: event.user,
    });
    const home = makeCaseHome({
      listCases: ctx.core.useCases.listCases,
      organizationNames: makeOrganizationNames((id) => ctx.core.directory.getOrganization(id)),
      workflow: ctx.config.workflow,
      listAvailability: ctx.core.useCases.listAvailability,
    });
    const view = actor ? await home(actor) : undefined;
    if (view) await client.views.publish({ user_id: event.user, view: renderHome(view) });
  });
};

/** An agent's ticket reaction on a customer's message opens a case on their behalf. */
export const registerTicketReaction = (app: App, ctx: SlackContext): void => {
  app.event('reaction_added', async ({ event, body, client, context }) => {
    if (event.reaction !== ctx.config.intake.ticketReaction || event.item.type !== 'message')
      return;
    const teamId = (body as { team_id?: string }).team_id;
    const agent = await ctx.actorOf({ teamId, userId: event.user });
    if (agent?.kind !== 'staff' || !event.item_user) return;
    const channel = event.item.channel;
    const found = await client.conversations
      .history({ channel, latest: event.item.ts, inclusive: true, limit: 1 })
      .catch(() => undefined);
    const message = found?.messages?.[0];
    const author = await ctx.actorOf({
      teamId: (message as { user_team?: string } | undefined)?.user_team ?? teamId,
      userId: event.item_user,
    });
    if (author?.kind !== 'customer') {
      await tellUser(
        client,
        channel,
        event.user,
        ':warning: That message is not from a customer we have on file.',
      );
      return;
    }
    const text = message?.text ?? '';
    const result = await ctx.core.useCases.openCase({
      actor: agent,
      contactId: author.contactId,
      intakeKey: `slack:${channel}:${event.item.ts}`,
      title: titleOf(text || 'Request from Slack'),
      description: text,
      origin: {
        channel: 'slack',
        address: slackAddress(channel),
        messageId: event.item.ts,
        ...(context.teamId ? { workspace: context.teamId } : {}),
      },
    });
    if (!result.ok) await tellUser(client, channel, event.user, friendlyFailure(result));
  });
};
