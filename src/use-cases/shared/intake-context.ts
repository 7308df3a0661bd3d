import type {
  Contact,
  Contract,
  Installation,
  Organization,
  Queue,
} from '../../domain/directory.js';
import { pickContract } from '../../domain/case/intake.js';
import type { Actor } from '../../domain/case/types.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { DirectoryRepository } from '../../ports/directory-repository.js';

export interface IntakeContext {
  readonly contact: Contact;
  readonly organization: Organization;
  readonly installation?: Installation;
  readonly contract?: Contract;
  readonly queues: readonly Queue[];
  /** The support key given belongs to this organization's installations or contracts. */
  readonly supportKeyKnown: boolean;
}

interface IntakeInput {
  readonly actor: Actor;
  readonly contactId?: string | undefined;
  readonly supportKey?: string | undefined;
  readonly installationId?: string | undefined;
}

const orderQueues = (queues: readonly Queue[], order: readonly string[] = []): Queue[] =>
  [...queues].sort((a, b) => {
    const rank = (q: Queue) => (order.includes(q.key) ? order.indexOf(q.key) : order.length);
    return rank(a) - rank(b) || a.key.localeCompare(b.key);
  });

/** Looks up who is asking and what they run; an unknown key is tolerated, a stranger's installation is not. */
export const resolveIntake = async (
  deps: { readonly directory: DirectoryRepository; readonly routingOrder?: readonly string[] },
  command: IntakeInput,
  now: Date,
): Promise<Result<IntakeContext>> => {
  const { directory } = deps;
  const contactId = command.actor.kind === 'customer' ? command.actor.contactId : command.contactId;
  if (!contactId)
    return fail('invalid-input', 'contactId: say on whose behalf the case is opened.');
  if (command.actor.kind === 'customer' && command.contactId && command.contactId !== contactId) {
    return fail('not-allowed', 'Customers open cases for themselves only.');
  }
  const contact = await directory.getContact(contactId);
  if (!contact) return fail('not-found', `No contact ${contactId}.`);
  const [organization, contracts, queues] = await Promise.all([
    directory.getOrganization(contact.organizationId),
    directory.listContracts(contact.organizationId),
    directory.listQueues(),
  ]);
  if (!organization) return fail('not-found', `No organization for contact ${contact.email}.`);
  let installation: Installation | undefined;
  if (command.installationId)
    installation = await directory.getInstallation(command.installationId);
  else if (command.supportKey)
    installation = await directory.findInstallationBySupportKey(command.supportKey);
  if (installation && installation.organizationId !== organization.id) {
    // A key of another customer is treated as unknown: we never attach their contract.
    installation = undefined;
  }
  const key = command.supportKey ?? installation?.supportKey;
  const contract = pickContract(contracts, key, now.toISOString().slice(0, 10));
  return ok({
    contact,
    organization,
    ...(installation ? { installation } : {}),
    ...(contract ? { contract } : {}),
    queues: orderQueues(queues, deps.routingOrder),
    supportKeyKnown:
      Boolean(installation) || Boolean(key && contracts.some((c) => c.supportKeys.includes(key))),
  });
};
