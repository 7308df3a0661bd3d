import { actsOnCurrentState, isEffectTopic, laneOf } from '../domain/case/outbox-topics.js';
import { viewCase } from '../domain/case/view.js';
import type { CaseState, EffectTopic, OutboxEntry } from '../domain/case/types.js';
import type { SlaSummary } from '../domain/sla/index.js';
import type { Clock } from '../ports/clock.js';
import { DeliveryDeferred, type Notification, type Notifier } from '../ports/notifier.js';
import type { OutboxStore } from '../ports/outbox-store.js';

/**
 * Carries out one outbox entry of an effect topic. It gets what a notification of the
 * entry's audience would carry (a customer-bound effect sees the customer's view only).
 * Throwing retries the entry with backoff; a handler must tolerate a second call after a
 * crash in the middle of it.
 */
export type EffectHandler = (delivery: Notification) => Promise<void>;

/**
 * Who carries out each effect topic. Handlers are added as the parts that own them start
 * (the SLA scheduler, each chat's KB suggestions); a topic with no handler in this
 * process has nothing to do here. A new kind of effect (webhooks) is a topic and a handler.
 */
export class EffectHandlers {
  private readonly handlers = new Map<EffectTopic, EffectHandler[]>();

  on(topic: EffectTopic, handler: EffectHandler): void {
    this.handlers.set(topic, [...(this.handlers.get(topic) ?? []), handler]);
  }

  async run(topic: EffectTopic, delivery: Notification): Promise<void> {
    for (const handler of this.handlers.get(topic) ?? []) await handler(delivery);
  }
}

export interface DeliverOutboxDeps {
  readonly outbox: OutboxStore;
  /** Chat notifications (every topic that is not an effect). */
  readonly notifier: Notifier;
  /** Effect topics (none: every effect is done with at once). */
  readonly effects?: EffectHandlers;
  readonly clock: Clock;
  /** Identifies this worker's leases (one per process). */
  readonly owner: string;
  readonly leaseMs?: number;
  readonly maxAttempts?: number;
  /** First retry delay; doubles per attempt up to `maxBackoffMs`. */
  readonly baseBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly onDead?: (entry: OutboxEntry, state: CaseState, error: unknown) => void;
  /** The case's SLA as of delivery, for cards (absent when no SLA is configured). */
  readonly describeSla?: (state: CaseState) => SlaSummary | undefined;
}

// A customer-bound notification is built from the customer's view of the case, so it
// cannot carry internal notes even if an adapter renders everything it gets.
const toNotification = (
  state: CaseState,
  entry: OutboxEntry,
  sla: SlaSummary | undefined,
): Notification => {
  if (entry.audience === 'customer') {
    const view = viewCase(state, {
      kind: 'customer',
      contactId: state.contactId,
      organizationId: state.organizationId,
      name: state.contactName,
    });
    if (!view.ok || view.value.audience !== 'customer')
      throw new Error('customer view unavailable');
    const event = view.value.case.events.find((e) => e.id === entry.eventId);
    // Customers see the promise, not the desk's clocks, policy or escalations.
    const promise = sla?.nextPromise;
    const customerSla: SlaSummary | undefined = sla && {
      policy: '',
      timeZone: sla.timeZone,
      clocks: [],
      escalationLevel: 0,
      ...(promise ? { nextPromise: promise } : {}),
    };
    return {
      audience: 'customer',
      entry,
      case: view.value.case,
      ...(event ? { event } : {}),
      ...(customerSla ? { sla: customerSla } : {}),
    };
  }
  const { outbox: _outbox, ...staff } = state;
  const event = state.events.find((e) => e.id === entry.eventId);
  return {
    audience: 'staff',
    entry,
    case: staff,
    ...(event ? { event } : {}),
    ...(sla ? { sla } : {}),
  };
};

/** The "solved, here is the resolution" message: once it is out, the case may be closed. */
const deliversResolution = (state: CaseState, entry: OutboxEntry): boolean => {
  if (entry.topic !== 'milestone' || state.statusCategory !== 'solved' || !state.resolution)
    return false;
  const event = state.events.find((e) => e.id === entry.eventId);
  return event?.type === 'status-changed' && event.data?.to === state.status;
};

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * Delivers what one leased case owes, by topic — chat notifications to the notifier,
 * effects to their handlers — in order within each lane, marking each entry as it goes.
 * Returns false when nothing was due. Failures are retried with backoff; an entry is
 * never handed out again once it is marked delivered.
 */
export const makeDeliverOutbox = (deps: DeliverOutboxDeps) => async (): Promise<boolean> => {
  const {
    leaseMs = 60_000,
    maxAttempts = 12,
    baseBackoffMs = 1000,
    maxBackoffMs = 5 * 60_000,
  } = deps;
  const now = deps.clock.now();
  const claimed = await deps.outbox.claimDue(now, new Date(now.getTime() + leaseMs), deps.owner);
  if (!claimed) return false;
  const { state } = claimed;
  // The case does not change while its entries go out: its clocks are computed once.
  const sla = deps.describeSla?.(state);
  let nextDue: Date | null = null;
  const later = (at: Date) => (nextDue = nextDue && nextDue < at ? nextDue : at);
  // In order within a lane: a lane's deliveries stop at its first entry waiting for a retry.
  const waiting = new Set<string>();
  const done = new Set<string>();
  for (const [index, entry] of state.outbox.entries()) {
    const lane = laneOf(entry.topic);
    if (entry.state !== 'pending' || waiting.has(lane)) continue;
    if (entry.nextAttemptAt > now) {
      later(entry.nextAttemptAt);
      waiting.add(lane);
      continue;
    }
    try {
      // Every pending entry was written at or before this read of the case: one arming
      // from it covers them all.
      if (!(actsOnCurrentState(entry.topic) && done.has(entry.topic))) {
        const delivery = toNotification(state, entry, sla);
        if (isEffectTopic(entry.topic)) await deps.effects?.run(entry.topic, delivery);
        else await deps.notifier.deliver(delivery);
      }
      done.add(entry.topic);
      const resolutionSent = deliversResolution(state, entry);
      await deps.outbox.markDelivered(state.id, index, entry.id, deps.clock.now(), {
        resolutionSent,
      });
    } catch (error) {
      const attempts = entry.attempts + 1;
      const dead = attempts >= maxAttempts;
      const backoff = Math.min(maxBackoffMs, baseBackoffMs * 2 ** (attempts - 1));
      const wait =
        error instanceof DeliveryDeferred ? Math.max(backoff, error.retryAfterMs) : backoff;
      const nextAttemptAt = new Date(deps.clock.now().getTime() + wait);
      await deps.outbox.markFailed(state.id, index, entry.id, {
        attempts,
        nextAttemptAt,
        error: describe(error),
        dead,
      });
      if (dead) {
        deps.onDead?.(entry, state, error);
        continue;
      }
      later(nextAttemptAt);
      waiting.add(lane);
    }
  }
  await deps.outbox.release(state.id, deps.owner, claimed.outboxSeq, nextDue);
  return true;
};
