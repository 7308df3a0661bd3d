/**
 * A view's timed text in Slack words. Slack's `<!date>` shows every reader the time in
 * their own zone; the fallback, for clients that cannot, is the view's zone.
 */
import type { Timed } from '../../../src/presentation/card-parts.js';
import { escapeMrkdwn } from './escape.js';
import { slackDate } from './sla.js';

export const slackTimed = (timed: Timed, timeZone: string): string =>
  `${escapeMrkdwn(timed.text)}${timed.at ? ` ${slackDate(timed.at, timeZone)}` : ''}${escapeMrkdwn(timed.after ?? '')}`;
