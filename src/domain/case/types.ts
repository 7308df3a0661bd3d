import type { Priority } from '../priority.js';
import type { Resolution } from '../resolution.js';
import type { Role, StaffRole } from '../roles.js';
import type { StatusCategory } from '../workflow/index.js';

/** Who is acting. Customers always carry their organization: it scopes what they see. */
export type Actor =
  | {
      readonly kind: 'customer';
      readonly contactId: string;
      readonly organizationId: string;
      readonly name: string;
    }
  | {
      readonly kind: 'staff';
      readonly agentId: string;
      readonly role: StaffRole;
      readonly name: string;
    }
  | { readonly kind: 'system'; readonly name: string };

export const roleOf = (actor: Actor): Role | 'system' =>
  actor.kind === 'customer' ? 'customer' : actor.kind === 'staff' ? actor.role : 'system';

/** The actor as recorded in history: enough to say who did it without a lookup. */
export interface ActorRef {
  readonly kind: Actor['kind'];
  readonly id: string;
  readonly name: string;
  readonly role: Role | 'system';
}

export const refOf = (actor: Actor): ActorRef => ({
  kind: actor.kind,
  id:
    actor.kind === 'customer' ? actor.contactId : actor.kind === 'staff' ? actor.agentId : 'system',
  name: actor.name,
  role: roleOf(actor),
});

export const EVENT_TYPES = [
  'opened',
  'claimed',
  'assigned',
  'queue-changed',
  'status-changed',
  'priority-changed',
  'replied',
  'commented',
  'note',
  'time-logged',
  'resolved',
  'closed',
  'reopened',
  'task-created',
  'task-completed',
  'issue-linked',
  // A customer's message moved into a case of its own (data: eventId, toCaseId, toNumber).
  'message-moved',
  // SLA: each records which clock, the decision point and who was told.
  'sla-warning',
  'sla-breached',
  'sla-reescalated',
  'status-languishing',
  // KB: the articles suggested at intake and the cases this one looks like (internal).
  'kb-matched',
  // CSAT: the survey sent after the close (data: entryId) and the requester's answer
  // (data: score, low, agentIds, agentNames, and the lead told when it is low).
  'csat-sent',
  'csat-answered',
] as const;
export type CaseEventType = (typeof EVENT_TYPES)[number];

export type Visibility = 'public' | 'internal';

/** One line of history. `data` keys are plain words (no `.` or leading `$`). */
export interface CaseEvent {
  readonly id: string;
  readonly type: CaseEventType;
  readonly at: Date;
  readonly actor: ActorRef;
  readonly visibility: Visibility;
  readonly minutes?: number;
  readonly text?: string;
  readonly data?: Readonly<Record<string, string | number | boolean | null>>;
}

/** Which side of the desk a notification is for; internal content never goes to `customer`. */
export type Audience = 'customer' | 'staff';

export const NOTIFICATION_TOPICS = [
  'case-opened',
  'card-refresh',
  'public-message',
  'internal-message',
  'milestone',
  /** An SLA reminder or escalation for the people named in its event. */
  'sla-alert',
  /** A low satisfaction score, for the queue lead named in its event. */
  'csat-low-score',
  /** An automatic assignment, told to its assignee by DM. */
  'assignment',
] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

/**
 * Effects of a change other than chat notifications, written in the case's outbox with
 * the change and carried out from there by their topic's handler, so a crash between the
 * write and the effect delays it but never loses it:
 * - `sla-timer`: (re)arm the case's SLA timer from the case as it is when delivered;
 * - `kb-suggestions`: offer the requester, privately, the articles that may solve it;
 * - `csat-survey`: ask the requester of a closed case how it went (after the delay);
 * - `auto-assign`: offer the case to its queue's strategy after the change its entry
 *   names (a move to the queue, a status the rota takes, a breach that reassigns).
 */
export const EFFECT_TOPICS = ['sla-timer', 'kb-suggestions', 'csat-survey', 'auto-assign'] as const;
export type EffectTopic = (typeof EFFECT_TOPICS)[number];

/** Every topic an outbox entry may carry. */
export type OutboxTopic = NotificationTopic | EffectTopic;

/** A notification or another effect (see outbox-topics.ts) owed by a committed change. */
export interface OutboxEntry {
  readonly id: string;
  readonly topic: OutboxTopic;
  readonly audience: Audience;
  readonly eventId?: string;
  readonly createdAt: Date;
  readonly state: 'pending' | 'delivered' | 'dead';
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly deliveredAt?: Date;
  readonly lastError?: string;
}

/** A text kept whole with the case where a field holds only its start (see attachments.ts). */
export interface CaseAttachment {
  readonly id: string;
  /** A file name for whoever saves it, e.g. `CASE-1042-description.txt`. */
  readonly name: string;
  readonly mediaType: 'text/plain';
  readonly text: string;
  /** As the event it completes: customers see public attachments only. */
  readonly visibility: Visibility;
  /** The history event (opened, commented, replied, note) whose text was cut. */
  readonly eventId: string;
  /** What was cut: the case's description or a message's text. */
  readonly field: 'description' | 'message';
  readonly createdAt: Date;
}

export interface CaseTask {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly assigneeId?: string;
  readonly assigneeName?: string;
  /** Where the work went: a team, a ticket URL, a colleague — the handover reference. */
  readonly handover?: string;
  readonly createdAt: Date;
  readonly completedAt?: Date;
}

export type CaseFlag =
  'unknown-support-key' | 'expired-contract' | 'no-contract' | 'unknown-contact';

export interface CaseOrigin {
  /** How the request reached us: chat, phone, email, the CLI. */
  readonly channel: 'slack' | 'teams' | 'phone' | 'email' | 'cli' | 'api';
  /** A chat-neutral address (e.g. `slack:C0123`) the adapters understand. */
  readonly address?: string;
  /** The message the request was written in; the customer's card goes in its thread. */
  readonly messageId?: string;
  /** The chat workspace (Slack team, Teams tenant) that received it: whose token posts about it. */
  readonly workspace?: string;
}

export interface CaseState {
  readonly id: string;
  readonly number: string;
  readonly seq: number;
  readonly version: number;
  readonly intakeKey: string;
  readonly title: string;
  readonly description: string;
  readonly impact?: string;
  readonly expectation?: string;
  readonly organizationId: string;
  readonly organizationKey: string;
  readonly contactId: string;
  readonly contactName: string;
  readonly productKey?: string;
  readonly productVersion?: string;
  readonly module?: string;
  readonly installationId?: string;
  readonly supportKey?: string;
  readonly contractId?: string;
  readonly contractLevel?: string;
  readonly slaPolicy?: string;
  /** Raised by each SLA breach and re-escalation; absent means never escalated. */
  readonly escalationLevel?: number;
  readonly flags: readonly CaseFlag[];
  readonly queueKey: string;
  readonly assigneeId?: string;
  readonly assigneeName?: string;
  readonly status: string;
  readonly statusCategory: StatusCategory;
  readonly priority: Priority;
  readonly resolution?: Resolution;
  readonly resolutionSentAt?: Date;
  readonly tasks: readonly CaseTask[];
  readonly linkedIssues: readonly { readonly url: string; readonly title?: string }[];
  readonly minutesLogged: number;
  readonly origin: CaseOrigin;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly firstResponseAt?: Date;
  readonly solvedAt?: Date;
  readonly closedAt?: Date;
  readonly events: readonly CaseEvent[];
  /** Texts kept whole where a field holds only their start (a long chat message). */
  readonly attachments: readonly CaseAttachment[];
  readonly outbox: readonly OutboxEntry[];
}

/** Fields an action may overwrite; `null` clears an optional field. */
export type CaseFields = Pick<
  CaseState,
  | 'queueKey'
  | 'status'
  | 'statusCategory'
  | 'priority'
  | 'tasks'
  | 'linkedIssues'
  | 'flags'
  | 'updatedAt'
>;
export type ClearableFields = Pick<
  CaseState,
  | 'assigneeId'
  | 'assigneeName'
  | 'resolution'
  | 'resolutionSentAt'
  | 'firstResponseAt'
  | 'solvedAt'
  | 'closedAt'
  | 'escalationLevel'
>;
export type CaseSet = Partial<CaseFields> & {
  [K in keyof ClearableFields]?: NonNullable<ClearableFields[K]> | null;
};

/** A notification (or effect) to queue, before it gets its id and delivery bookkeeping. */
export interface NotificationDraft {
  readonly topic: OutboxTopic;
  readonly audience: Audience;
  readonly eventId?: string;
}

/**
 * What one action does to a case: new field values, the history it writes and the
 * notifications it causes — committed together in one atomic, version-checked update.
 */
export interface CaseChange {
  readonly set: CaseSet;
  readonly events: readonly CaseEvent[];
  readonly attachments: readonly CaseAttachment[];
  readonly notify: readonly NotificationDraft[];
  readonly addMinutes: number;
}

/** Injected by the use case so the domain never reads a clock or a random source. */
export interface DecisionContext {
  readonly now: Date;
  readonly newId: () => string;
}
