import {
  EFFECT_TOPICS,
  type Audience,
  type DecisionContext,
  type EffectTopic,
  type OutboxEntry,
  type OutboxTopic,
} from './types.js';

/** How the outbox treats each topic (the topics themselves are listed in types.ts). */
export const isEffectTopic = (topic: OutboxTopic): topic is EffectTopic =>
  (EFFECT_TOPICS as readonly string[]).includes(topic);

/**
 * Entries of one lane are delivered in order and wait behind a failed one (a card update
 * must not overtake the card it updates); lanes do not wait for each other, so a chat
 * that is down delays no SLA timer.
 */
export const laneOf = (topic: OutboxTopic): string =>
  isEffectTopic(topic) ? topic : 'notifications';

/**
 * Effects that act on the case as it is at delivery, not on one event: one delivery
 * covers every pending entry of the topic the worker holds at that moment.
 */
export const actsOnCurrentState = (topic: OutboxTopic): boolean => topic === 'sla-timer';

/** A new pending entry, due at once. */
export const pendingEntry = (
  draft: { readonly topic: OutboxTopic; readonly audience: Audience; readonly eventId?: string },
  ctx: DecisionContext,
): OutboxEntry => ({
  id: ctx.newId(),
  ...draft,
  createdAt: ctx.now,
  state: 'pending',
  attempts: 0,
  nextAttemptAt: ctx.now,
});
