import { TeamsInfo, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { z } from 'zod';
import { channelReference, type TeamsConversationStore } from './conversation-store.js';

export interface InstallationDeps {
  readonly store: Pick<TeamsConversationStore, 'saveReference'>;
  readonly log: Pick<Logger, 'warn' | 'info'>;
}

// What Teams puts in channelData of the activities that tell us about a team.
const teamEvent = z.looseObject({
  eventType: z.string().optional(),
  team: z.looseObject({ id: z.string().min(1) }).optional(),
  channel: z.looseObject({ id: z.string().min(1) }).optional(),
});

/** The team of an activity that added the bot to it (or installed the app in it). */
const installedTeam = (context: TurnContext): string | undefined => {
  const activity = context.activity;
  const data = teamEvent.safeParse(activity.channelData);
  const team = data.success ? data.data.team?.id : undefined;
  if (!team) return undefined;
  if (activity.type === 'installationUpdate')
    return activity.action?.startsWith('add') ? team : undefined;
  const botAdded = (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
  return activity.type === 'conversationUpdate' && botAdded ? team : undefined;
};

/**
 * Teams tells a bot about the conversation it was added in only: a triage channel other
 * than that one would stay unknown until someone @mentions the bot there. So at
 * installation every channel of the team gets a conversation reference built from the
 * installation's (same service and bot, the channel's id), and so does each channel
 * created later: agent cards reach any channel of the team without a mention.
 */
export const rememberTeamChannels = async (
  context: TurnContext,
  deps: InstallationDeps,
): Promise<void> => {
  const from = TurnContext.getConversationReference(context.activity);
  const data = teamEvent.safeParse(context.activity.channelData);
  if (data.success && data.data.eventType === 'channelCreated' && data.data.channel) {
    await deps.store.saveReference(channelReference(from, data.data.channel.id));
    return;
  }
  const team = installedTeam(context);
  if (!team) return;
  const channels = await TeamsInfo.getTeamChannels(context, team).catch((error: unknown) => {
    // Not fatal: the install's own channel is known, the others once the bot is mentioned.
    deps.log.warn({ err: error, team }, 'could not list the channels of a team the bot joined');
    return [];
  });
  for (const channel of channels)
    if (channel.id) await deps.store.saveReference(channelReference(from, channel.id));
  if (channels.length > 0)
    deps.log.info({ team, channels: channels.length }, 'Teams channels of a new team remembered');
};
