/**
 * The one vocabulary of what a case card lets someone do, and the one place that decides
 * which of those a card offers: from the viewer's role and permissions, the workflow and
 * the case's state. Slack, Teams and the playground draw these and map a press back to
 * the id; none of them decides whether an action is there.
 */
import { hasPermission, type Permission } from '../domain/permissions.js';
import type { Role } from '../domain/roles.js';
import { statusById, type StatusCategory, type Workflow } from '../domain/workflow/index.js';
import { availableTransitions } from '../domain/workflow/index.js';

export const CASE_ACTIONS = [
  'claim',
  'reply',
  'status',
  'resolve',
  'assign',
  'queue',
  'priority',
  'note',
  'logTime',
  'linkIssue',
  'createTask',
  'saveKbArticle',
  'addDetails',
  'closeMine',
  'reopen',
] as const;
export type CaseActionId = (typeof CASE_ACTIONS)[number];

export const isCaseActionId = (value: unknown): value is CaseActionId =>
  typeof value === 'string' && (CASE_ACTIONS as readonly string[]).includes(value);

/** Primary actions are drawn first and visible; the rest go behind the chat's overflow. */
export type ActionPlacement = 'primary' | 'overflow';

export interface ActionChoice {
  readonly value: string;
  readonly label: string;
}

export interface CaseAction {
  readonly id: CaseActionId;
  readonly label: string;
  readonly placement: ActionPlacement;
  /** The one action the card wants pressed next (drawn highlighted where the chat can). */
  readonly emphasis?: true;
  /**
   * For a pick-one action (status, queue, priority, assign): what may be picked. For
   * Resolve: the knowledge-base articles it may cite (optional to pick).
   */
  readonly choices?: readonly ActionChoice[];
  /** The choice the case holds now, shown as selected. */
  readonly current?: string;
}

/** Button and menu words, the same in every chat. */
export const ACTION_LABELS: Readonly<Record<CaseActionId, string>> = {
  claim: 'Claim',
  reply: 'Reply to customer',
  status: 'Change status',
  resolve: 'Resolve',
  assign: 'Assign',
  queue: 'Move to queue',
  priority: 'Priority',
  note: 'Internal note',
  logTime: 'Log time',
  linkIssue: 'Link issue',
  createTask: 'Create task',
  saveKbArticle: 'Save as KB article',
  addDetails: 'Add details',
  closeMine: 'Close my case',
  reopen: 'Reopen',
};

/** What each action needs the viewer's role to hold; the use case checks it again. */
const PERMISSION_FOR: Readonly<Record<CaseActionId, Permission>> = {
  claim: 'case::claim',
  reply: 'case::reply',
  status: 'case::transition',
  resolve: 'case::resolve',
  assign: 'case::assign',
  queue: 'case::move-queue',
  priority: 'case::set-priority',
  note: 'case::note',
  logTime: 'case::log-time',
  linkIssue: 'case::link-issue',
  createTask: 'case::create-task',
  // The draft carries the case's text before anyone edits it for customers: staff only.
  saveKbArticle: 'case::view-internal',
  addDetails: 'case::reply',
  closeMine: 'case::close',
  reopen: 'case::reopen',
};

const isDone = (category: StatusCategory): boolean =>
  category === 'solved' || category === 'closed';

export interface AgentActionFacts {
  readonly role: Role;
  readonly workflow: Workflow;
  readonly status: string;
  readonly category: StatusCategory;
  readonly assigned: boolean;
  readonly hasResolution: boolean;
  readonly priority: string;
  readonly priorities: readonly ActionChoice[];
  readonly queueKey: string;
  readonly queues: readonly ActionChoice[];
  readonly agents: readonly ActionChoice[];
  /** Articles a resolve may cite (the case's KB matches; see resolve-form.ts). */
  readonly citable?: readonly ActionChoice[];
}

/** One choice per target status: two edges into one status are one choice anyway. */
const statusChoices = (facts: AgentActionFacts): ActionChoice[] => {
  const moves = availableTransitions(facts.workflow, facts.status, facts.role);
  const byTarget = new Map<string, string>();
  for (const t of moves)
    if (!byTarget.has(t.to))
      byTarget.set(t.to, t.label ?? statusById(facts.workflow, t.to)?.name ?? t.to);
  return [...byTarget].map(([value, label]) => ({ value, label }));
};

type Offer = Omit<CaseAction, 'placement' | 'label'>;

/** Which agent actions this case offers now, in the order a card shows them. */
const agentOffers = (facts: AgentActionFacts): Offer[] => {
  const done = isDone(facts.category);
  const statuses = statusChoices(facts);
  const offers: (Offer | false)[] = [
    // The domain refuses to claim a solved or closed case: the card does not offer it.
    !facts.assigned && !done && { id: 'claim', emphasis: true },
    { id: 'reply' },
    statuses.length > 0 && { id: 'status', choices: statuses },
    // Resolving again would overwrite the resolution the customer already received.
    !done && {
      id: 'resolve',
      ...(facts.citable && facts.citable.length > 0 ? { choices: facts.citable } : {}),
    },
    facts.agents.length > 0 && { id: 'assign', choices: facts.agents },
    facts.queues.length > 0 && { id: 'queue', choices: facts.queues, current: facts.queueKey },
    { id: 'priority', choices: facts.priorities, current: facts.priority },
    { id: 'note' },
    { id: 'logTime' },
    { id: 'linkIssue' },
    { id: 'createTask' },
    // A solved case's resolution is the knowledge base's best source.
    done && facts.hasResolution && { id: 'saveKbArticle' },
  ];
  return offers.filter(
    (o): o is Offer => o !== false && hasPermission(facts.role, PERMISSION_FOR[o.id]),
  );
};

// The work an agent reaches for first: take it (or answer it), move it, finish it; on a
// finished case, keep what was learnt.
const AGENT_PRIMARY: readonly CaseActionId[] = ['claim', 'status', 'resolve'];

export const agentActions = (facts: AgentActionFacts): CaseAction[] => {
  const offers = agentOffers(facts);
  const has = (id: CaseActionId) => offers.some((o) => o.id === id);
  const primary = new Set<CaseActionId>(AGENT_PRIMARY.filter(has));
  if (!primary.has('claim') && has('reply')) primary.add('reply');
  if (!primary.has('resolve') && has('saveKbArticle')) primary.add('saveKbArticle');
  return place(offers, primary);
};

export interface CustomerActionFacts {
  readonly category: StatusCategory;
  /** Whether the desk still lets this customer reopen (the window after closing). */
  readonly mayReopen: boolean;
}

export const customerActions = (facts: CustomerActionFacts): CaseAction[] => {
  const { category } = facts;
  const offers: (Offer | false)[] = [
    // A closed case takes no more details: the customer reopens it or writes a new request.
    category !== 'closed' && { id: 'addDetails' },
    category === 'solved' && { id: 'closeMine', emphasis: true },
    isDone(category) && facts.mayReopen && { id: 'reopen' },
  ];
  const shown = offers.filter(
    (o): o is Offer => o !== false && hasPermission('customer', PERMISSION_FOR[o.id]),
  );
  // Reopen is the only way on from a closed case, so there it leads.
  const primary = new Set<CaseActionId>(['addDetails', 'closeMine']);
  if (category === 'closed') primary.add('reopen');
  return place(shown, primary);
};

const place = (offers: readonly Offer[], primary: ReadonlySet<CaseActionId>): CaseAction[] => {
  const placed = offers.map((o): CaseAction => ({
    ...o,
    label: ACTION_LABELS[o.id],
    placement: primary.has(o.id) ? 'primary' : 'overflow',
  }));
  // Primary first, each group in the vocabulary's order.
  return [
    ...placed.filter((a) => a.placement === 'primary'),
    ...placed.filter((a) => a.placement === 'overflow'),
  ];
};

/** The action on a card, if the card offers it. */
export const actionOf = (
  actions: readonly CaseAction[],
  id: CaseActionId,
): CaseAction | undefined => actions.find((a) => a.id === id);
