/** How Slack lists mark a case's priority. */
import type { Priority } from '../../../src/domain/priority.js';

/** Emoji beside a case in lists, so urgent work stands out at a glance. */
export const PRIORITY_MARKERS: Readonly<Record<Priority, string>> = {
  urgent: ':red_circle:',
  high: ':large_orange_circle:',
  normal: ':white_circle:',
  low: ':white_circle:',
};
