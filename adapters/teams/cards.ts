import type { Config } from '../../src/config.js';
import type { Actor } from '../../src/domain/case/types.js';
import type { CaseView, CustomerCaseView, StaffCaseView } from '../../src/domain/case/view.js';
import type { SlaSummary } from '../../src/domain/sla/index.js';
import type { Role } from '../../src/domain/roles.js';
import {
  makeCardViews,
  viewerRole,
  type CardViewOptions,
} from '../../src/presentation/load-card-views.js';
import type { TeamsConversationStore } from './conversation-store.js';
import type { TeamsDeps } from './deps.js';
import { renderAgentCard } from './render/agent-card.js';
import type { AdaptiveCard } from './render/card.js';
import { renderCustomerCard } from './render/customer-card.js';

export interface RenderedCard {
  readonly card: AdaptiveCard;
  readonly summary: string;
}

/** What a card is drawn with (clocks, zone, notice), and for a card only one reader sees, their role. */
export interface CardExtras extends CardViewOptions {
  /** The reader's role, for a card only they see; a channel card is any agent's. */
  readonly role?: Role | undefined;
}

export interface CardBuilder {
  customer(view: CustomerCaseView, extra?: CardExtras): Promise<RenderedCard | undefined>;
  staff(view: StaffCaseView, extra?: CardExtras): Promise<RenderedCard>;
  /** The card as this actor may see it; undefined when the case is not theirs to see. */
  forActor(caseId: string, actor: Actor, notice?: string): Promise<RenderedCard | undefined>;
}

/** Gathers what each card shows (names, queues, allowed transitions) and renders it. */
export const makeCardBuilder = (deps: {
  readonly core: Pick<TeamsDeps, 'useCases' | 'directory' | 'sla' | 'clock'>;
  readonly config: Pick<Config, 'workflow' | 'priorities' | 'intake'>;
  readonly store: TeamsConversationStore;
}): CardBuilder => {
  const { directory } = deps.core;
  const views = makeCardViews({
    directory,
    workflow: deps.config.workflow,
    priorityLabels: deps.config.priorities.labels,
    reopenWithinDays: deps.config.intake.reopenWithinDays,
    clock: deps.core.clock,
  });

  const customer: CardBuilder['customer'] = async (view, extra = {}) => {
    // One reader, the requester: their zone (from Teams, else the directory).
    const timeZone = extra.timeZone ?? (await contactZone(view.contactId));
    const [shown, agentUserIds] = await Promise.all([
      views.customerCard(view, { sla: extra.sla, timeZone, notice: extra.notice }),
      deps.store.agentUserIds(),
    ]);
    return shown && { card: renderCustomerCard(shown, agentUserIds), summary: shown.summary };
  };

  const staff: CardBuilder['staff'] = async (view, extra = {}) => {
    // A channel card has many readers: the SLA calendar's zone unless one reader asked.
    const [shown, agentUserIds] = await Promise.all([
      views.agentCard(view, extra),
      deps.store.agentUserIds(),
    ]);
    return { card: renderAgentCard(shown, agentUserIds), summary: shown.summary };
  };

  const contactZone = async (contactId: string) =>
    (await deps.store.contactZone(contactId)) ?? (await directory.getContact(contactId))?.timeZone;

  const readerZone = async (actor: Actor) =>
    actor.kind === 'staff'
      ? deps.store.agentZone(actor.agentId)
      : actor.kind === 'customer'
        ? contactZone(actor.contactId)
        : undefined;

  /** The clocks of the case as this reader got it (a customer's view lacks what they need). */
  const slaOf = async (view: CaseView): Promise<SlaSummary | undefined> => {
    const sla = deps.core.sla;
    if (!sla) return undefined;
    if (view.audience === 'staff') return sla.describe({ ...view.case, outbox: [] });
    return sla.ofCase(view.case.id);
  };

  /** A card for one reader (an action's answer, a user-specific refresh): in their zone. */
  const forActor: CardBuilder['forActor'] = async (caseId, actor, notice) => {
    const view = await deps.core.useCases.getCase({ ref: { caseId }, actor });
    if (!view.ok) return undefined;
    const [sla, timeZone] = await Promise.all([slaOf(view.value), readerZone(actor)]);
    const extra = { notice, sla, timeZone, role: viewerRole(actor) };
    return view.value.audience === 'staff'
      ? staff(view.value.case, extra)
      : customer(view.value.case, extra);
  };

  return { customer, staff, forActor };
};
