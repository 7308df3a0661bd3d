import type { Audience, DecisionContext, NotificationTopic, OutboxEntry } from './types.js';

/**
 * Effects of a change other than chat notifications, written in the case's outbox with
 * the change and carried out from there by their topic's handler, so a crash between the
 * write and the effect delays it but never loses it:
 * - `sla-timer`: (re)arm the case's SLA timer from the case as it is when delivered;
 * - `kb-suggestions`: offer the requester, privately, the articles that may solve it.
 */
export const EFFECT_TOPICS = ['sla-timer', 'kb-suggestions'] as const;
export type EffectTopic = (typeof EFFECT_TOPICS)[number];

/** Every topic an outbox entry may carry. */
export type OutboxTopic = NotificationTopic | EffectTopic;

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
