import type { Actor } from '../../src/domain/case/types.js';
import type { DirectoryLookups } from '../shared/deps.js';
import { actorByEmail, customerActor, staffActor } from '../shared/actors.js';

export interface TeamsUser {
  /** The Microsoft Entra object id Teams sends as `from.aadObjectId`. */
  readonly aadObjectId: string | undefined;
  /** The Teams user id (`29:...`), used to ask the roster for an email. */
  readonly userId: string;
}

/**
 * Who a Teams user is to Caseline: an agent or a contact by Entra object id, else by the
 * email the conversation roster gives (people in shared channels from another tenant are
 * known this way); undefined for strangers, who may not act on cases.
 */
export const resolveTeamsActor = async (
  directory: DirectoryLookups,
  user: TeamsUser,
  emailOf: (userId: string) => Promise<string | undefined>,
): Promise<Actor | undefined> => {
  if (user.aadObjectId) {
    const agent = await directory.findAgentByTeamsUser(user.aadObjectId);
    if (agent?.active) return staffActor(agent);
    const contact = await directory.findContactByTeamsUser(user.aadObjectId);
    if (contact) return customerActor(contact);
  }
  return actorByEmail(directory, await emailOf(user.userId));
};

/** `teams:19:abc@thread.tacv2` — the chat-neutral address of a Teams conversation. */
export const teamsAddress = (conversationId: string): string => `teams:${conversationId}`;

export const teamsConversationOf = (address: string | undefined): string | undefined =>
  address?.startsWith('teams:') ? address.slice('teams:'.length) : undefined;

/** The Microsoft tenant an activity comes from (the conversation's, else the channel data's). */
export const tenantOf = (activity: {
  readonly conversation: { readonly tenantId?: string | undefined };
  readonly channelData?: unknown;
}): string | undefined => {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannel = channelData?.tenant?.id;
  return (
    activity.conversation.tenantId ?? (typeof fromChannel === 'string' ? fromChannel : undefined)
  );
};
