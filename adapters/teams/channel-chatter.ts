import { TurnContext, type Activity } from 'botbuilder';
import type { Config } from '../../src/config.js';
import type { DirectoryRepository } from '../../src/ports/directory-repository.js';
import { splitConversationId } from './conversation-store.js';
import { teamsAddress, tenantOf } from './identity.js';

export interface ChatterDeps {
  readonly config: Pick<Config, 'supportChannels'>;
  readonly directory: Pick<DirectoryRepository, 'listQueues' | 'findOrganizationByTeamsTenant'>;
  /** A conversation that always counts as the desk's (the playground's desk channel). */
  readonly desk?: string;
}

const mentionsBot = (activity: Activity): boolean =>
  TurnContext.getMentions(activity).some((m) => m.mentioned?.id === activity.recipient?.id);

/**
 * With resource-specific consent the bot hears every message of every channel of a team it
 * is in. Only support and triage channels are its business (every channel of a customer's
 * own tenant is a support channel, as for intake); elsewhere it answers an
 * @mention as before and leaves the rest alone: no case, no contact, no stored reference.
 */
export const isUnaddressedChatter = async (
  activity: Activity,
  deps: ChatterDeps,
): Promise<boolean> => {
  if (activity.type !== 'message' || activity.conversation?.conversationType !== 'channel')
    return false;
  // An old card's Action.Submit arrives as a message with a value: a press, not chatter.
  if (activity.value !== undefined || mentionsBot(activity)) return false;
  if (
    deps.desk &&
    splitConversationId(activity.conversation.id).base === splitConversationId(deps.desk).base
  )
    return false;
  const address = teamsAddress(splitConversationId(activity.conversation.id).base);
  if (deps.config.supportChannels.some((c) => c.channel === address)) return false;
  const tenant = tenantOf(activity);
  if (tenant && (await deps.directory.findOrganizationByTeamsTenant(tenant))) return false;
  const queues = await deps.directory.listQueues();
  return !queues.some((q) => q.triageChannel === address);
};
