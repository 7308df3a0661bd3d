import type { Actor } from '../../src/domain/case/types.js';
import type { Agent, Contact } from '../../src/domain/directory.js';
import type { StaffRole } from '../../src/domain/roles.js';
import type { DirectoryRepository } from '../../src/ports/directory-repository.js';

export interface SlackUser {
  readonly teamId: string | undefined;
  readonly userId: string;
}

const strongestRole = (agent: Agent): StaffRole =>
  agent.roles.includes('admin') ? 'admin' : agent.roles.includes('lead') ? 'lead' : 'agent';

/**
 * Who a Slack user is to Caseline: an agent (by Slack user id) or a customer contact
 * (by team and user id); undefined for strangers, who may not act on cases.
 */
export const resolveSlackActor = async (
  directory: DirectoryRepository,
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
  const email = emailOf ? await emailOf(user.userId) : undefined;
  if (!email) return undefined;
  const byEmail = await directory.findAgentByEmail(email);
  if (byEmail?.active) return staffActor(byEmail);
  const contactByEmail = await directory.findContactByEmail(email);
  return contactByEmail ? customerActor(contactByEmail) : undefined;
};

const staffActor = (agent: Agent): Actor => ({
  kind: 'staff',
  agentId: agent.id,
  role: strongestRole(agent),
  name: agent.name,
});

const customerActor = (contact: Contact): Actor => ({
  kind: 'customer',
  contactId: contact.id,
  organizationId: contact.organizationId,
  name: contact.name,
});

/** `slack:C0123` — the chat-neutral address of a Slack conversation. */
export const slackAddress = (channel: string): string => `slack:${channel}`;

export const slackChannelOf = (address: string | undefined): string | undefined =>
  address?.startsWith('slack:') ? address.slice('slack:'.length) : undefined;
