/**
 * Pieces both case cards are made of, in chat-neutral words. A time is carried as a Date:
 * each chat writes it its own way (Slack in every reader's zone, Teams in the zone the
 * view names), so the words around it are decided here and the clock face there.
 */
import type { CaseEvent } from '../domain/case/types.js';
import {
  CLOCK_LABELS,
  formatMinutes,
  type SlaClock,
  type SlaSummary,
} from '../domain/sla/index.js';
import type { StatusCategory, Workflow } from '../domain/workflow/index.js';
import { statusById } from '../domain/workflow/index.js';

/** Text, then (when `at` is set) a time, then `after`: "Closed by Grace Okafor," + time. */
export interface Timed {
  readonly text: string;
  readonly at?: Date;
  readonly after?: string;
}

export type SlaTone = 'running' | 'paused' | 'breached' | 'met' | 'escalated';

export interface SlaLine extends Timed {
  readonly tone: SlaTone;
}

/** "in 2h 10m" or "35m ago", in wall-clock time from `now`. */
export const relativeTo = (at: Date, now: Date): string => {
  const minutes = (at.getTime() - now.getTime()) / 60_000;
  return minutes >= 0 ? `in ${formatMinutes(minutes)}` : `${formatMinutes(-minutes)} ago`;
};

const clockLine = (clock: SlaClock, now: Date): SlaLine | undefined => {
  const label = CLOCK_LABELS[clock.kind];
  switch (clock.state) {
    case 'running':
      return clock.due
        ? {
            tone: 'running',
            text: `${label} due`,
            at: clock.due,
            after: ` (${relativeTo(clock.due, now)})`,
          }
        : undefined;
    case 'paused':
      return {
        tone: 'paused',
        text: `${label} paused, ${formatMinutes(clock.leftMinutes)} of business time left`,
      };
    case 'breached': {
      const since = clock.ticking ? '' : ' (answered since)';
      const when = clock.due ? ` ${relativeTo(clock.due, now)}` : '';
      return { tone: 'breached', text: `${label} breached${when}${since}` };
    }
    case 'met':
      return { tone: 'met', text: `${label} met` };
    default:
      return undefined;
  }
};

/** The agent card's SLA lines: one per applicable clock, then the escalation level. */
export const slaLines = (sla: SlaSummary | undefined, now: Date): SlaLine[] =>
  sla
    ? [
        ...sla.clocks
          .map((clock) => clockLine(clock, now))
          .filter((line): line is SlaLine => line !== undefined),
        ...(sla.escalationLevel > 0
          ? [{ tone: 'escalated' as const, text: `Escalation level ${sla.escalationLevel}` }]
          : []),
      ]
    : [];

/** The customer's promise: when they will hear from us, or that we are late. */
export const promiseLine = (sla: SlaSummary | undefined, now: Date): Timed | undefined => {
  const promise = sla?.nextPromise;
  if (!promise) return undefined;
  if (promise.late)
    return {
      text: 'We are late: we promised this by',
      at: promise.at,
      after: ', and it has our attention.',
    };
  const what =
    promise.clock === 'resolution' ? 'We aim to solve it by' : 'You will hear from us by';
  return { text: what, at: promise.at, after: ` (${relativeTo(promise.at, now)}).` };
};

/** Who moved the case into the status it is in now, from its history. */
const movedBy = (
  events: readonly CaseEvent[],
  workflow: Workflow,
  category: StatusCategory,
): string | undefined => {
  const into = (e: CaseEvent) =>
    (e.type === 'status-changed' &&
      typeof e.data?.to === 'string' &&
      statusById(workflow, e.data.to)?.category === category) ||
    (category === 'solved' && e.type === 'resolved');
  return [...events].reverse().find(into)?.actor.name;
};

export interface OwnerFacts {
  readonly category: StatusCategory;
  readonly assigneeName?: string | undefined;
  readonly solvedAt?: Date | undefined;
  readonly closedAt?: Date | undefined;
  readonly events: readonly CaseEvent[];
}

/**
 * What a finished case says about how it ended, in the past tense: "Closed by Grace
 * Okafor," + when. Undefined while the case is still being worked.
 */
export const outcomeLine = (facts: OwnerFacts, workflow: Workflow): Timed | undefined => {
  if (facts.category !== 'solved' && facts.category !== 'closed') return undefined;
  const verb = facts.category === 'closed' ? 'Closed' : 'Solved';
  const by = movedBy(facts.events, workflow, facts.category);
  const at = facts.category === 'closed' ? facts.closedAt : facts.solvedAt;
  const text = by ? `${verb} by ${by}` : verb;
  return at ? { text: `${text},`, at } : { text };
};

export type OwnerTone = 'owner' | 'waiting' | 'done';

/**
 * The customer's line about who has the case. It follows the status sentence above it:
 * waiting for the customer names who waits; a finished case says how it ended, never that
 * someone "is on it".
 */
export const customerOwnerLine = (
  facts: OwnerFacts,
  workflow: Workflow,
): (Timed & { readonly tone: OwnerTone }) | undefined => {
  const outcome = outcomeLine(facts, workflow);
  if (outcome) return { ...outcome, tone: 'done' };
  const name = facts.assigneeName;
  if (facts.category === 'pending-customer')
    return name ? { tone: 'owner', text: `${name} is waiting for your reply` } : undefined;
  return name
    ? { tone: 'owner', text: `${name} is on it` }
    : { tone: 'waiting', text: 'Waiting for an agent' };
};

/** A Timed as plain text with the time already written (tests, summaries). */
export const timedText = (timed: Timed, writeTime: (at: Date) => string): string =>
  `${timed.text}${timed.at ? ` ${writeTime(timed.at)}` : ''}${timed.after ?? ''}`;
