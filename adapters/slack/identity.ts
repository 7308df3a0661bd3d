import type { Actor } from '../../src/domain/case/types.js';
import type { DirectoryLookups } from '../shared/deps.js';
import { actorByEmail, customerActor, staffActor } from '../shared/actors.js';

export interface SlackUser {
  readonly teamId: string | undefined;
  readonly userId: string;
}

/**
 * Who a Slack user is to Caseline: an agent (by Slack user id) or a customer contact
 * (by team and user id); undefined for strangers, who may not act on cases.
 */
export const resolveSlackActor = async (
  directory: DirectoryLookups,
  user: SlackUser,
  emailOf?: (userId: string) => Promise<string | undefined>,
): Promise<Actor | undefined> => {
  const agent = await directory.findAgentBySlackUser(user.userId);
  if (agent?.active) return staffActor(agent);
  const contact = user.teamId
    ? await directory.findContactBySlackUser(user.teamId, user.userId)
    : undefined;
  if (contact) return customerActor(contact);
  // Not known by Slack id: the profile email may still name an agent or a contact.
  return actorByEmail(directory, emailOf ? await emailOf(user.userId) : undefined);
};

/** `slack:C0123` — the chat-neutral address of a Slack conversation. */
export const slackAddress = (channel: string): string => `slack:${channel}`;

export const slackChannelOf = (address: string | undefined): string | undefined =>
  address?.startsWith('slack:') ? address.slice('slack:'.length) : undefined;
