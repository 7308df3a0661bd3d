/**
 * What the burst tests share: the outcome of each delivered message (cases, cards,
 * comments), waiting for outcomes to settle, and grouping what is not exactly once.
 */
import type { Delivery } from './deliveries.js';

/** Every answer a delivery got, first one first; acknowledged once any was a 200. */
export const acknowledged = (message: { readonly answers: readonly Delivery[] }): boolean =>
  message.answers.some((answer) => answer.status === 200);

export interface MessageOutcome {
  readonly index: number;
  readonly cases: number;
  readonly customerCards: number;
  readonly agentCards: number;
  /** Customer comments on the case: a redelivered opening message must not add one. */
  readonly comments: number;
}

export interface CaseSeen {
  readonly number: string;
  readonly origin: { readonly address?: string; readonly messageId?: string };
  readonly events: readonly { readonly type: string }[];
}

export const commentsOn = (cases: readonly CaseSeen[]): number =>
  cases.reduce((sum, c) => sum + c.events.filter((e) => e.type === 'commented').length, 0);

/**
 * Polls until `done` holds for the outcomes or the time is up, and returns the last ones:
 * the test then asserts on them, so a failure lists what is missing instead of a timeout.
 */
export const settle = async <T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

/**
 * Outcomes other than exactly one case, one card of each kind and no comment added,
 * grouped by what went wrong.
 */
export const notExactlyOnce = (outcomes: readonly MessageOutcome[]): Record<string, number[]> => {
  const groups: Record<string, number[]> = {};
  for (const o of outcomes) {
    if (o.cases === 1 && o.customerCards === 1 && o.agentCards === 1 && o.comments === 0) continue;
    const key = `cases ${o.cases}, customer cards ${o.customerCards}, agent cards ${o.agentCards}, comments ${o.comments}`;
    (groups[key] ??= []).push(o.index);
  }
  return groups;
};
