/**
 * SLA clocks in Teams words. Adaptive Cards have no per-reader time token in plain text,
 * so the card builder picks the zone: the reader's own (Teams reports it with each
 * activity) for a card only they see, else the SLA calendar's zone, which is the team's
 * default. formatInZone names the offset, so a time is never ambiguous.
 */
import type { SlaClock, SlaSummary } from '../../../src/domain/sla/index.js';
import { CLOCK_LABELS, formatInZone, formatMinutes } from '../../../src/domain/sla/index.js';
import { promiseSentence } from '../../shared/words.js';

const when = (at: Date, timeZone: string) => formatInZone(at, timeZone);

const clockLine = (clock: SlaClock, timeZone: string): string | undefined => {
  const label = CLOCK_LABELS[clock.kind];
  switch (clock.state) {
    case 'running':
      return clock.due ? `⏱ ${label} due ${when(clock.due, timeZone)}` : undefined;
    case 'paused':
      return `⏸ ${label} paused, ${formatMinutes(clock.leftMinutes)} of business time left`;
    case 'breached':
      return `🚨 ${label} breached${clock.ticking ? '' : ' (answered since)'}`;
    case 'met':
      return `✅ ${label} met`;
    default:
      return undefined;
  }
};

export const slaLinesForStaff = (sla: SlaSummary, timeZone = sla.timeZone): string[] => [
  ...sla.clocks
    .map((clock) => clockLine(clock, timeZone))
    .filter((line): line is string => line !== undefined),
  ...(sla.escalationLevel > 0 ? [`⏫ Escalation level ${sla.escalationLevel}`] : []),
];

export const promiseForCustomer = (
  sla: SlaSummary | undefined,
  timeZone?: string,
): string | undefined => {
  const promise = sla?.nextPromise;
  if (!sla || !promise) return undefined;
  return promiseSentence(promise, when(promise.at, timeZone ?? sla.timeZone));
};
