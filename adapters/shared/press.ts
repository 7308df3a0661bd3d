import { createHash } from 'node:crypto';

/**
 * A double click arrives as two deliveries a few hundred milliseconds apart, each with an
 * identity of its own: the same person pressing the same thing on the same message within
 * this window is one press, in Slack and in Teams alike.
 */
export const PRESS_REPEAT_MS = 5_000;

/** A short, stable name for a JSON value, for inbox keys. */
export const digest = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
