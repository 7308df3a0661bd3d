/**
 * Directory records as actors, and the look-ups every chat adapter falls back on. Each
 * adapter first tries its own chat ids (Slack user, Entra object id), then the email.
 */
import type { Actor } from '../../src/domain/case/types.js';
import type { Agent, Contact } from '../../src/domain/directory.js';
import type { StaffRole } from '../../src/domain/roles.js';
import type { DirectoryRepository } from '../../src/ports/directory-repository.js';

const strongestRole = (agent: Agent): StaffRole =>
  agent.roles.includes('admin') ? 'admin' : agent.roles.includes('lead') ? 'lead' : 'agent';

export const staffActor = (agent: Agent): Actor => ({
  kind: 'staff',
  agentId: agent.id,
  role: strongestRole(agent),
  name: agent.name,
});

export const customerActor = (contact: Contact): Actor => ({
  kind: 'customer',
  contactId: contact.id,
  organizationId: contact.organizationId,
  name: contact.name,
});

/** An active agent, else a contact, with this email; undefined for strangers. */
export const actorByEmail = async (
  directory: Pick<DirectoryRepository, 'findAgentByEmail' | 'findContactByEmail'>,
  email: string | undefined,
): Promise<Actor | undefined> => {
  if (!email) return undefined;
  const agent = await directory.findAgentByEmail(email);
  if (agent?.active) return staffActor(agent);
  const contact = await directory.findContactByEmail(email);
  return contact ? customerActor(contact) : undefined;
};
