/**
 * The query behind both case cards: looks up the names a card shows (organization, contact,
 * queues, agents) and builds the view for one reader. Every chat asks this, so a card
 * cannot show a queue key in one chat and its name in the other.
 */
import type { Actor } from '../domain/case/types.js';
import type { CustomerCaseView, StaffCaseView } from '../domain/case/view.js';
import type { Priority } from '../domain/priority.js';
import type { Role } from '../domain/roles.js';
import type { SlaSummary } from '../domain/sla/index.js';
import { statusById, type Workflow } from '../domain/workflow/index.js';
import type { Clock } from '../ports/clock.js';
import type { DirectoryRepository } from '../ports/directory-repository.js';
import { buildAgentCardView, type AgentCardView } from './agent-card-view.js';
import { buildCustomerCardView, type CustomerCardView } from './customer-card-view.js';

export interface CardViewDeps {
  readonly directory: Pick<
    DirectoryRepository,
    'getOrganization' | 'getContact' | 'listQueues' | 'listAgents' | 'findProductByKey'
  >;
  readonly workflow: Workflow;
  readonly priorityLabels: Readonly<Record<Priority, string>>;
  /** How long after closing a customer may reopen (`intake.reopenWithinDays`). */
  readonly reopenWithinDays: number;
  readonly clock: Clock;
}

export interface CardViewOptions {
  /** The clocks the card shows; undefined when no SLA is configured. */
  readonly sla?: SlaSummary | undefined;
  /** The reader's IANA zone, for a card only they see; else the SLA calendar's. */
  readonly timeZone?: string | undefined;
  /** Why the reader sees the card again (a refused action). */
  readonly notice?: string | undefined;
}

export interface CardViews {
  /** The agent card as `role` may work it; a channel card is drawn for any agent. */
  agentCard(
    view: StaffCaseView,
    options?: CardViewOptions & { readonly role?: Role },
  ): Promise<AgentCardView>;
  /** Undefined when the case's status is not in the workflow (nothing true to say). */
  customerCard(
    view: CustomerCaseView,
    options?: CardViewOptions,
  ): Promise<CustomerCardView | undefined>;
}

// Without an SLA calendar there is no desk zone on file; UTC at least names itself.
const zoneOf = (options: CardViewOptions): string =>
  options.timeZone ?? options.sla?.timeZone ?? 'UTC';

export const makeCardViews = (deps: CardViewDeps): CardViews => ({
  async agentCard(view, options = {}) {
    const [organization, contact, queues, agents, product] = await Promise.all([
      deps.directory.getOrganization(view.organizationId),
      deps.directory.getContact(view.contactId),
      deps.directory.listQueues(),
      deps.directory.listAgents(),
      view.productKey ? deps.directory.findProductByKey(view.productKey) : undefined,
    ]);
    return buildAgentCardView({
      case: view,
      workflow: deps.workflow,
      priorityLabels: deps.priorityLabels,
      organizationName: organization?.name ?? view.organizationKey,
      contactEmail: contact?.email,
      productName: product?.name,
      queues: queues.map((q) => ({ value: q.key, label: q.name })),
      agents: agents.filter((a) => a.active).map((a) => ({ value: a.id, label: a.name })),
      sla: options.sla,
      role: options.role ?? 'agent',
      now: deps.clock.now(),
      timeZone: zoneOf(options),
      notice: options.notice,
    });
  },

  async customerCard(view, options = {}) {
    const status = statusById(deps.workflow, view.status);
    if (!status) return undefined;
    return buildCustomerCardView({
      case: view,
      status,
      workflow: deps.workflow,
      sla: options.sla,
      reopenWithinDays: deps.reopenWithinDays,
      now: deps.clock.now(),
      timeZone: zoneOf(options),
      notice: options.notice,
    });
  },
});

/** The role whose card an actor gets: staff by their role, the system as an agent. */
export const viewerRole = (actor: Actor): Role =>
  actor.kind === 'staff' ? actor.role : actor.kind === 'customer' ? 'customer' : 'agent';
