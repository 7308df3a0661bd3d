import { ok, type Result } from '../result.js';
import type { Role } from '../roles.js';
import type { TransitionFacts } from '../workflow/index.js';
import {
  refOf,
  roleOf,
  type Actor,
  type CaseAttachment,
  type CaseChange,
  type CaseEvent,
  type CaseEventType,
  type CaseSet,
  type CaseState,
  type DecisionContext,
  type NotificationDraft,
  type Visibility,
} from './types.js';

/** What every action receives: the case as read, who acts, when, and how to mint ids. */
export interface ActionInput {
  readonly current: CaseState;
  readonly actor: Actor;
  readonly ctx: DecisionContext;
  /** Time spent, logged with this action (any action may carry minutes). */
  readonly minutes?: number;
}

export interface EventDraft {
  readonly type: CaseEventType;
  readonly visibility: Visibility;
  readonly text?: string;
  readonly data?: CaseEvent['data'];
}

/**
 * Accumulates one action's effects. Minutes ride on the first event so history shows
 * them next to what was done.
 */
export class ChangeBuilder {
  private readonly events: CaseEvent[] = [];
  private readonly attachments: CaseAttachment[] = [];
  private readonly notifications: NotificationDraft[] = [];
  private set: CaseSet;

  constructor(private readonly input: ActionInput) {
    this.set = { updatedAt: input.ctx.now };
  }

  event(draft: EventDraft): CaseEvent {
    const minutes = this.events.length === 0 && this.input.minutes ? this.input.minutes : undefined;
    const event: CaseEvent = {
      id: this.input.ctx.newId(),
      at: this.input.ctx.now,
      actor: refOf(this.input.actor),
      ...draft,
      ...(minutes ? { minutes } : {}),
    };
    this.events.push(event);
    return event;
  }

  attach(attachment: CaseAttachment): this {
    this.attachments.push(attachment);
    return this;
  }

  fields(values: CaseSet): this {
    this.set = { ...this.set, ...values };
    return this;
  }

  notify(draft: NotificationDraft): this {
    this.notifications.push(draft);
    return this;
  }

  /** Both cards show the case's state; refresh the customer's only when it could change. */
  refreshCards(customerVisible: boolean): this {
    this.notify({ topic: 'card-refresh', audience: 'staff' });
    if (customerVisible) this.notify({ topic: 'card-refresh', audience: 'customer' });
    return this;
  }

  get pendingSet(): CaseSet {
    return this.set;
  }

  build(): Result<CaseChange> {
    return ok({
      set: this.set,
      events: this.events,
      attachments: this.attachments,
      notify: this.notifications,
      addMinutes: this.input.minutes ?? 0,
    });
  }
}

/** Workflow roles: the system (SLA jobs) acts with an admin's reach. */
export const workflowRole = (actor: Actor): Role => {
  const role = roleOf(actor);
  return role === 'system' ? 'admin' : role;
};

export const openTaskCount = (
  state: CaseState,
  taskStatuses: readonly string[] | undefined,
): number => {
  const done = taskStatuses?.[taskStatuses.length - 1] ?? 'completed';
  return state.tasks.filter((task) => task.status !== done).length;
};

export const factsOf = (
  state: CaseState,
  taskStatuses: readonly string[] | undefined,
  set: CaseSet = {},
): TransitionFacts => {
  const resolution = set.resolution === null ? undefined : (set.resolution ?? state.resolution);
  const assigneeId = set.assigneeId === null ? undefined : (set.assigneeId ?? state.assigneeId);
  return {
    resolutionSent: Boolean(state.resolutionSentAt),
    openTasks: openTaskCount(state, taskStatuses),
    ...(resolution ? { resolution } : {}),
    ...(assigneeId ? { assigneeId } : {}),
  };
};
