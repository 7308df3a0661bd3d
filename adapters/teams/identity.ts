import type { Actor } from '../../src/domain/case/types.js';
import type { Agent, Contact } from '../../src/domain/directory.js';
import type { StaffRole } from '../../src/domain/roles.js';
import type { DirectoryRepository } from '../../src/ports/directory-repository.js';

export interface TeamsUser {
  /** The Microsoft Entra object id Teams sends as `from.aadObjectId`. */
  readonly aadObjectId: string | undefined;
  /** The Teams user id (`29:...`), used to ask the roster for an email. */
  readonly userId: string;
}

const strongestRole = (agent: Agent): StaffRole =>
  agent.roles.includes('admin') ? 'admin' : agent.roles.includes('lead') ? 'lead' : 'agent';

export const staffActor = (agent: Agent): Actor => ({
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

/**
 * Who a Teams user is to Caseline: an agent or a contact by Entra object id, else by the
 * email the conversation roster gives (people in shared channels from another tenant are
 * known this way); undefined for strangers, who may not act on cases.
 */
export const resolveTeamsActor = async (
  directory: DirectoryRepository,
  user: TeamsUser,
  emailOf: (userId: string) => Promise<string | undefined>,
): Promise<Actor | undefined> => {
  if (user.aadObjectId) {
    const agent = await directory.findAgentByTeamsUser(user.aadObjectId);
    if (agent?.active) return staffActor(agent);
    const contact = await directory.findContactByTeamsUser(user.aadObjectId);
    if (contact) return customerActor(contact);
  }
  const email = await emailOf(user.userId);
  if (!email) return undefined;
  const byEmail = await directory.findAgentByEmail(email);
  if (byEmail?.active) return staffActor(byEmail);
  const contactByEmail = await directory.findContactByEmail(email);
  return contactByEmail ? customerActor(contactByEmail) : undefined;
};

/** `teams:19:abc@thread.tacv2` — the chat-neutral address of a Teams conversation. */
export const teamsAddress = (conversationId: string): string => `teams:${conversationId}`;

export const teamsConversationOf = (address: string | undefined): string | undefined =>
  address?.startsWith('teams:') ? address.slice('teams:'.length) : undefined;
