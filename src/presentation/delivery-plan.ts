/**
 * What one outbox notification makes the chats do, decided once for Slack and Teams:
 * which cards to refresh, which lines to post, and where. A notifier executes the plan
 * (renders and posts); it skips the steps whose place is not in its chat (a case opened
 * in Teams has no Slack customer thread) and keeps its own idempotency per `entry.id`.
 */
import type { CaseOrigin } from '../domain/case/types.js';
import type { Workflow } from '../domain/workflow/index.js';
import type { Announcement, Notification } from '../ports/notifier.js';
import {
  announcementLine,
  csatLowScoreLine,
  customerMessageLine,
  milestoneLine,
  assignmentLine,
  slaAlertLine,
  staffMessageLine,
  type ThreadLine,
} from './thread-line.js';

export type PlannedCard = 'customer' | 'agent';

export type CardStep =
  /** The requester's card, in the thread of the message (or form) that opened the case. */
  | { readonly card: 'customer'; readonly origin: CaseOrigin }
  /** The desk's card, in the triage channel of the case's queue. */
  | { readonly card: 'agent'; readonly queueKey: string };

export type LinePlace =
  /** Under one of the case's cards, once that card has been posted. */
  | { readonly kind: 'case-thread'; readonly card: PlannedCard }
  /** A direct message to an agent. */
  | { readonly kind: 'agent'; readonly agentId: string }
  /** A chat channel by its address (`slack:C…`, `teams:19:…`). */
  | { readonly kind: 'channel'; readonly address: string };

export interface LineStep {
  readonly to: LinePlace;
  readonly line: ThreadLine;
}

export interface DeliveryPlan {
  readonly cards: readonly CardStep[];
  /** In the order to post them. */
  readonly lines: readonly LineStep[];
}

const NOTHING: DeliveryPlan = { cards: [], lines: [] };

const under = (card: PlannedCard, thread: ThreadLine | undefined): DeliveryPlan =>
  thread ? { cards: [], lines: [{ to: { kind: 'case-thread', card }, line: thread }] } : NOTHING;

/** `agentIds` and `channels` of an SLA alert's event: comma-separated, as the domain writes them. */
const listOf = (value: unknown): string[] =>
  typeof value === 'string' && value ? value.split(',') : [];

const customerPlan = (
  n: Notification & { audience: 'customer' },
  workflow: Workflow,
): DeliveryPlan => {
  switch (n.entry.topic) {
    case 'case-opened':
    case 'card-refresh':
      return { cards: [{ card: 'customer', origin: n.case.origin }], lines: [] };
    case 'public-message':
      return n.event ? under('customer', customerMessageLine(n.event)) : NOTHING;
    case 'milestone':
      return n.event ? under('customer', milestoneLine(n.case, n.event, workflow)) : NOTHING;
    default:
      return NOTHING;
  }
};

const staffPlan = (n: Notification & { audience: 'staff' }): DeliveryPlan => {
  switch (n.entry.topic) {
    case 'case-opened':
    case 'card-refresh':
      return { cards: [{ card: 'agent', queueKey: n.case.queueKey }], lines: [] };
    case 'internal-message':
    case 'public-message':
      return n.event ? under('agent', staffMessageLine(n.event)) : NOTHING;
    case 'sla-alert': {
      if (!n.event) return NOTHING;
      const alert = slaAlertLine(n.case, n.event);
      // The people told first (they act on it), then the case's own record of it.
      const told: LinePlace[] = [
        ...listOf(n.event.data?.agentIds).map((agentId) => ({ kind: 'agent' as const, agentId })),
        ...listOf(n.event.data?.channels).map((address) => ({ kind: 'channel' as const, address })),
        { kind: 'case-thread', card: 'agent' },
      ];
      return { cards: [], lines: told.map((to) => ({ to, line: alert })) };
    }
    case 'csat-low-score': {
      if (!n.event) return NOTHING;
      const low = csatLowScoreLine(n.case, n.event);
      const told: LinePlace[] = [
        ...listOf(n.event.data?.leadAgentIds).map((agentId) => ({
          kind: 'agent' as const,
          agentId,
        })),
        ...listOf(n.event.data?.leadChannels).map((address) => ({
          kind: 'channel' as const,
          address,
        })),
        { kind: 'case-thread', card: 'agent' },
      ];
      return { cards: [], lines: told.map((to) => ({ to, line: low })) };
    }
    case 'assignment': {
      const agentId = n.event?.data?.assigneeId;
      if (!n.event || typeof agentId !== 'string') return NOTHING;
      return {
        cards: [],
        lines: [{ to: { kind: 'agent', agentId }, line: assignmentLine(n.case, n.event) }],
      };
    }
    default:
      return NOTHING;
  }
};

export const planDelivery = (n: Notification, workflow: Workflow): DeliveryPlan =>
  n.audience === 'customer' ? customerPlan(n, workflow) : staffPlan(n);

/** A staff announcement goes to the agents, then the channels, it names; it has no case thread. */
export const planAnnouncement = (announcement: Announcement): readonly LineStep[] => {
  const thread = announcementLine(announcement.text);
  const agents = announcement.recipients.flatMap((r) =>
    r.kind === 'agent' ? [{ kind: 'agent' as const, agentId: r.id }] : [],
  );
  const channels = announcement.recipients.flatMap((r) =>
    r.kind === 'channel' ? [{ kind: 'channel' as const, address: r.address }] : [],
  );
  return [...agents, ...channels].map((to) => ({ to, line: thread }));
};
