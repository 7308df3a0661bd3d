import type { App } from '@slack/bolt';
import { z } from 'zod';
import { withFiles } from '../../shared/files.js';
import type { SlackContext } from '../context.js';
import { tellUser } from '../context.js';
import { friendlyFailure } from '../failures.js';
import { slackAddress } from '../identity.js';
import { tellOutcome } from './conversation.js';

// Only the fields we use; everything else in Slack's message event is ignored.
const messageEvent = z.object({
  channel: z.string(),
  user: z.string().optional(),
  text: z.string().default(''),
  ts: z.string(),
  thread_ts: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  channel_type: z.string().optional(),
  team: z.string().optional(),
  user_team: z.string().optional(),
  files: z
    .array(
      z.object({ id: z.string(), name: z.string().optional(), permalink: z.string().optional() }),
    )
    .default([]),
});

// Edits, joins, bot posts and our own messages are not requests.
const HANDLED_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/** Messages in support channels, DMs and case threads → cases, comments, replies, notes. */
export const registerMessageListener = (app: App, ctx: SlackContext): void => {
  app.event('message', async ({ event, body, client, context }) => {
    const parsed = messageEvent.safeParse(event);
    if (!parsed.success) return;
    const m = parsed.data;
    if (!m.user || m.bot_id || !HANDLED_SUBTYPES.has(m.subtype)) return;
    const teamId = m.user_team ?? m.team ?? (body as { team_id?: string }).team_id;
    const actor = await ctx.actorOf({ teamId, userId: m.user });
    const address = slackAddress(m.channel);
    // A DM or a group DM with the bot is a support conversation, like a mapped channel.
    const intakeAllowed =
      m.channel_type === 'im' ||
      m.channel_type === 'mpim' ||
      ctx.config.supportChannels.some((c) => c.channel === address);
    if (!actor) {
      if (intakeAllowed && !m.thread_ts) {
        await tellUser(
          client,
          m.channel,
          m.user,
          "We don't have you on file yet, so this message did not open a case. Ask your account manager to add you as a contact.",
        );
      }
      return;
    }
    const result = await ctx.conversation.receiveMessage({
      actor,
      channel: 'slack',
      address,
      messageId: m.ts,
      ...(context.teamId ? { workspace: context.teamId } : {}),
      ...(m.thread_ts ? { threadId: m.thread_ts } : {}),
      // Files shared with a message become part of it, so the history keeps them.
      text: withFiles(
        m.text,
        m.files.map((f) => ({ name: f.name ?? f.id, url: f.permalink })),
      ),
      intakeAllowed,
    });
    if (!result.ok) {
      ctx.log.warn({ code: result.code, channel: m.channel, ts: m.ts }, result.message);
      await tellUser(client, m.channel, m.user, friendlyFailure(result));
      return;
    }
    await tellOutcome(
      client,
      { channel: m.channel, user: m.user, threadTs: m.thread_ts },
      result.value,
    );
  });
};
