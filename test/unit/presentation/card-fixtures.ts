/**
 * Cases in the states a card must get right, and their views, for the card tests: the
 * presentation tests check the views, the renderer tests draw the same views.
 */
import type { CaseEvent, CaseState } from '../../../src/domain/case/types.js';
import {
  viewCase,
  type CustomerCaseView,
  type StaffCaseView,
} from '../../../src/domain/case/view.js';
import type { Role } from '../../../src/domain/roles.js';
import type { SlaSummary } from '../../../src/domain/sla/index.js';
import { SIMPLE_WORKFLOW, statusById } from '../../../src/domain/workflow/index.js';
import {
  buildAgentCardView,
  type AgentCardView,
} from '../../../src/presentation/agent-card-view.js';
import {
  buildCustomerCardView,
  type CustomerCardView,
} from '../../../src/presentation/customer-card-view.js';
import { buildCase, CAROL } from '../../support/build-case.js';

export const NOW = new Date('2026-11-24T12:00:00Z');
export const LABELS = { urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low' } as const;
export const QUEUES = [
  { value: 'finance', label: 'Finance' },
  { value: 'platform', label: 'Platform' },
];
export const AGENTS = [
  { value: 'agent-ana', label: 'Ana Lima' },
  { value: 'agent-tomas', label: 'Tomás Herrera' },
];

const event = (over: Partial<CaseEvent> & Pick<CaseEvent, 'type'>): CaseEvent => ({
  id: `e-${over.type}-${String(over.at?.getTime() ?? 0)}`,
  at: new Date('2026-11-23T10:00:00Z'),
  actor: { kind: 'staff', id: 'agent-tomas', name: 'Tomás Herrera', role: 'agent' },
  visibility: 'public',
  ...over,
});

const OWNED = { assigneeId: 'agent-tomas', assigneeName: 'Tomás Herrera' } as const;
const SOLVED_AT = new Date('2026-11-23T13:30:00Z');
const CLOSED_AT = new Date('2026-11-24T14:02:00Z');
const RESOLUTION = { type: 'fixed', text: 'Cleared the export cache.' } as const;

/** The states the issue names: new, owned and open, waiting, solved, closed. */
export const STATES: Readonly<Record<string, CaseState>> = {
  new: buildCase(),
  owned: buildCase({ ...OWNED, status: 'on-hand', statusCategory: 'open' }),
  waiting: buildCase({
    ...OWNED,
    status: 'waiting-on-customer',
    statusCategory: 'pending-customer',
  }),
  solved: buildCase({
    ...OWNED,
    status: 'solved',
    statusCategory: 'solved',
    resolution: RESOLUTION,
    solvedAt: SOLVED_AT,
    events: [event({ type: 'resolved', at: SOLVED_AT, text: RESOLUTION.text })],
  }),
  closed: buildCase({
    ...OWNED,
    status: 'closed',
    statusCategory: 'closed',
    resolution: RESOLUTION,
    solvedAt: SOLVED_AT,
    closedAt: CLOSED_AT,
    events: [
      event({ type: 'resolved', at: SOLVED_AT }),
      event({
        type: 'status-changed',
        at: CLOSED_AT,
        actor: { kind: 'customer', id: 'contact-grace', name: 'Grace Okafor', role: 'customer' },
        data: { from: 'solved', to: 'closed' },
      }),
    ],
  }),
};

export const staffOf = (state: CaseState): StaffCaseView => {
  const { outbox: _outbox, ...view } = state;
  return view;
};

export const customerOf = (state: CaseState): CustomerCaseView => {
  const view = viewCase(state, CAROL);
  if (!view.ok || view.value.audience !== 'customer') throw new Error('no customer view');
  return view.value.case;
};

type AgentOverrides = { sla?: SlaSummary; role?: Role; notice?: string; organizationName?: string };

/** What the loader would hand the agent card's builder for this case. */
export const agentFacts = (
  state: CaseState = buildCase(),
  over: AgentOverrides = {},
): Parameters<typeof buildAgentCardView>[0] => ({
  case: staffOf(state),
  workflow: SIMPLE_WORKFLOW,
  priorityLabels: LABELS,
  organizationName: over.organizationName ?? 'Acme Corp',
  contactEmail: 'carol@acme.example',
  queues: QUEUES,
  agents: AGENTS,
  sla: over.sla,
  role: over.role ?? 'agent',
  now: NOW,
  timeZone: 'Europe/Berlin',
  notice: over.notice,
});

export const agentView = (
  state: CaseState = buildCase(),
  over: AgentOverrides = {},
): AgentCardView => buildAgentCardView(agentFacts(state, over));

export const customerView = (
  state: CaseState = buildCase(),
  over: {
    sla?: SlaSummary;
    now?: Date;
    status?: Parameters<typeof buildCustomerCardView>[0]['status'];
  } = {},
): CustomerCardView => {
  const status = over.status ?? statusById(SIMPLE_WORKFLOW, state.status);
  if (!status) throw new Error(`no status ${state.status}`);
  return buildCustomerCardView({
    case: customerOf(state),
    status,
    workflow: SIMPLE_WORKFLOW,
    sla: over.sla,
    reopenWithinDays: 30,
    now: over.now ?? NOW,
    timeZone: 'Europe/Berlin',
  });
};

export const RUNNING_SLA: SlaSummary = {
  policy: 'standard',
  timeZone: 'Europe/Berlin',
  clocks: [
    {
      kind: 'firstResponse',
      state: 'running',
      ticking: true,
      usedMinutes: 0,
      leftMinutes: 60,
      due: new Date('2026-11-24T13:00:00Z'),
    },
  ],
  nextPromise: { clock: 'firstResponse', at: new Date('2026-11-24T13:00:00Z'), late: false },
  escalationLevel: 0,
};
