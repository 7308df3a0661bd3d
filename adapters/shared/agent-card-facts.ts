/**
 * What every agent card shows besides the case itself, looked up once per render: the
 * status and organization names, the contact, the contract and the SLA policy whose clocks
 * the card shows, the moves an agent may make from the current status, and the queues.
 * Each adapter shapes these for its own card.
 */
import type { Config } from '../../src/config.js';
import type { StaffCaseView } from '../../src/domain/case/view.js';
import { slaCoverage, type SlaSummary } from '../../src/domain/sla/index.js';
import { availableTransitions, statusById } from '../../src/domain/workflow/index.js';
import type { DirectoryRepository } from '../../src/ports/directory-repository.js';

export const loadAgentCardFacts = async (
  directory: Pick<DirectoryRepository, 'getOrganization' | 'getContact' | 'listQueues'>,
  config: Pick<Config, 'workflow' | 'priorities'>,
  view: StaffCaseView,
  /** The clocks the card shows; undefined when no SLA is configured. */
  sla: SlaSummary | undefined,
) => {
  const [organization, contact, queues] = await Promise.all([
    directory.getOrganization(view.organizationId),
    directory.getContact(view.contactId),
    directory.listQueues(),
  ]);
  const workflow = config.workflow;
  return {
    statusName: statusById(workflow, view.status)?.name ?? view.status,
    organizationName: organization?.name ?? view.organizationKey,
    contact: { name: view.contactName, ...(contact?.email ? { email: contact.email } : {}) },
    coverage: slaCoverage(view, sla),
    priorityLabels: config.priorities.labels,
    transitions: availableTransitions(workflow, view.status, 'agent').map((t) => ({
      to: t.to,
      label: t.label ?? statusById(workflow, t.to)?.name ?? t.to,
    })),
    queues: queues.map((q) => ({ key: q.key, name: q.name })),
  };
};
