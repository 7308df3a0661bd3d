/**
 * SLA clocks in Slack words. Times use Slack's `<!date>` so each reader sees their own
 * time zone; the fallback is the time in the SLA calendar's zone. All text here is ours
 * (no user input), so it is returned as ready mrkdwn.
 */
import type { SlaClock, SlaSummary } from '../../../src/domain/sla/index.js';
import { CLOCK_LABELS, formatInZone, formatMinutes } from '../../../src/domain/sla/index.js';
import { promiseSentence } from '../../shared/words.js';

export const slackDate = (at: Date, timeZone: string): string =>
  `<!date^${Math.floor(at.getTime() / 1000)}^{date_short_pretty} {time}|${formatInZone(at, timeZone)}>`;

/** "in 2h 10m" or "35m ago", in wall-clock time from `now`. */
export const relativeTo = (at: Date, now: Date): string => {
  const minutes = (at.getTime() - now.getTime()) / 60_000;
  return minutes >= 0 ? `in ${formatMinutes(minutes)}` : `${formatMinutes(-minutes)} ago`;
};

const clockLine = (clock: SlaClock, timeZone: string, now: Date): string | undefined => {
  const label = CLOCK_LABELS[clock.kind];
  switch (clock.state) {
    case 'running':
      return clock.due
        ? `:stopwatch: ${label} due ${slackDate(clock.due, timeZone)} (${relativeTo(clock.due, now)})`
        : undefined;
    case 'paused':
      return `:double_vertical_bar: ${label} paused, ${formatMinutes(clock.leftMinutes)} of business time left`;
    case 'breached':
      return clock.due
        ? `:rotating_light: ${label} breached ${relativeTo(clock.due, now)}${clock.ticking ? '' : ' (answered since)'}`
        : `:rotating_light: ${label} breached`;
    case 'met':
      return `:white_check_mark: ${label} met`;
    default:
      return undefined;
  }
};

/** The agent card's SLA lines: one per applicable clock, then the escalation level. */
export const slaLinesForStaff = (sla: SlaSummary, now: Date): string[] => [
  ...sla.clocks
    .map((clock) => clockLine(clock, sla.timeZone, now))
    .filter((line): line is string => line !== undefined),
  ...(sla.escalationLevel > 0 ? [`:arrow_double_up: Escalation level ${sla.escalationLevel}`] : []),
];

/** The customer card's promise: when they will hear from us, or that we are late. */
export const promiseForCustomer = (sla: SlaSummary | undefined, now: Date): string | undefined => {
  const promise = sla?.nextPromise;
  if (!promise) return undefined;
  return promiseSentence(
    promise,
    slackDate(promise.at, sla.timeZone),
    ` (${relativeTo(promise.at, now)})`,
  );
};
