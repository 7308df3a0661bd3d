import type { CaseEvent } from '../case/types.js';
import { deflectionOf } from '../sla/deflection.js';
import type { StatusCategory } from '../workflow/types.js';
import { byTime, categorySpans, MINUTE_MS, type MetricCase } from './history.js';

/** Minutes an agent logged on a case, and when (any action may carry minutes). */
export interface LoggedTime {
  readonly agentId: string;
  readonly agentName: string;
  readonly minutes: number;
  readonly at: Date;
}

/**
 * One case's figures, in calendar minutes (the SLA clocks give the business-hours view).
 * Names and meanings follow Zendesk's published ticket metrics ("First reply time",
 * "Next reply time", "Full resolution time", "Requester wait time", "Agent wait time",
 * "On-hold time", "Reopens", "Agent replies"), read against our status categories:
 * new/open ≈ New/Open, pending-internal ≈ On-hold, pending-customer ≈ Pending.
 */
export interface CaseMetrics {
  readonly openedAt: Date;
  /** The desk's first public answer: a public agent reply, or an agent's resolution. */
  readonly firstReplyAt?: Date;
  /** Zendesk "First reply time": from opening to that first answer. */
  readonly firstReplyMinutes?: number;
  /**
   * Zendesk "Next reply time": after the first answer, from each customer message that
   * was not yet answered to the desk's next public answer (messages still unanswered
   * are left out).
   */
  readonly nextReplyMinutes: readonly number[];
  /** When it was first solved or closed, if ever (a reopen does not undo it). */
  readonly firstSolvedAt?: Date;
  /** When it was last solved (or closed without a solve), if it is solved or closed now. */
  readonly solvedAt?: Date;
  /** Zendesk "Full resolution time": from opening to the latest solve; reopens add to it. */
  readonly resolutionMinutes?: number;
  /** Zendesk "Requester wait time": time in new, open and pending-internal (on hold). */
  readonly requesterWaitMinutes: number;
  /** Zendesk "Agent wait time": time in pending-customer, waiting on the requester. */
  readonly pendingMinutes: number;
  /** Zendesk "On-hold time": time in pending-internal (part of the requester's wait). */
  readonly onHoldMinutes: number;
  /** Agent work time: the minutes logged on the case, by whom and when. */
  readonly agentWorkMinutes: number;
  readonly timeLogged: readonly LoggedTime[];
  /** Zendesk "Agent replies": public replies from staff (a resolution is not counted). */
  readonly agentReplies: number;
  /** Zendesk "Reopens": how often a solved or closed case was reopened. */
  readonly reopens: number;
  /** The customer solved it with a KB article before the desk answered, and it stands. */
  readonly deflected: boolean;
  /** Solved now by the desk with at most one agent reply, and never reopened. */
  readonly firstContactResolution: boolean;
}

const FINAL: readonly StatusCategory[] = ['solved', 'closed'];
const WAITING: readonly StatusCategory[] = ['new', 'open', 'pending-internal'];

const isAgentAnswer = (event: CaseEvent): boolean =>
  event.actor.kind === 'staff' &&
  event.visibility === 'public' &&
  (event.type === 'replied' || event.type === 'resolved');

const minutesBetween = (from: Date | number, to: Date | number): number =>
  (Number(to) - Number(from)) / MINUTE_MS;

/** Reply timing: the first answer and every next reply, from the messages in history. */
const replies = (events: readonly CaseEvent[]) => {
  let firstReplyAt: Date | undefined;
  let waitingSince: Date | undefined;
  let agentReplies = 0;
  const next: number[] = [];
  for (const event of events) {
    if (event.type === 'replied' && event.actor.kind === 'staff' && event.visibility === 'public')
      agentReplies += 1;
    if (isAgentAnswer(event)) {
      firstReplyAt ??= event.at;
      if (waitingSince) next.push(minutesBetween(waitingSince, event.at));
      waitingSince = undefined;
    } else if (
      firstReplyAt &&
      event.type === 'commented' &&
      event.actor.kind === 'customer' &&
      event.visibility === 'public'
    ) {
      waitingSince ??= event.at;
    }
  }
  return { firstReplyAt, next, agentReplies };
};

const loggedTime = (events: readonly CaseEvent[]): LoggedTime[] =>
  events
    .filter((event) => (event.minutes ?? 0) > 0)
    .map((event) => ({
      agentId: event.actor.id,
      agentName: event.actor.name,
      minutes: event.minutes!,
      at: event.at,
    }));

/** Every figure of one case as of `now`, from its history alone. Pure. */
export const caseMetrics = (
  c: MetricCase,
  categoryOf: (statusId: string) => StatusCategory,
  now: Date,
): CaseMetrics => {
  const events = byTime(c.events.filter((event) => event.at.getTime() <= now.getTime()));
  const openedAt = events.find((event) => event.type === 'opened')?.at ?? c.createdAt;
  const spans = categorySpans(c, categoryOf, now);
  const time = (categories: readonly StatusCategory[]) =>
    spans
      .filter((span) => categories.includes(span.category))
      .reduce((sum, span) => sum + minutesBetween(span.from, span.to), 0);
  // The latest move into a final category, if the case is still there.
  const lastFinal = [...spans].reverse().find((span, i, all) => {
    const before = all[i + 1];
    return FINAL.includes(span.category) && (!before || !FINAL.includes(before.category));
  });
  const firstFinal = spans.find((span) => FINAL.includes(span.category));
  const solvedNow = FINAL.includes(c.statusCategory) && lastFinal !== undefined;
  const solvedAt = solvedNow ? new Date(lastFinal.from) : undefined;
  const { firstReplyAt, next, agentReplies } = replies(events);
  const reopens = events.filter((event) => event.type === 'reopened').length;
  const deflected = deflectionOf(c)?.standing === true;
  const timeLogged = loggedTime(events);
  return {
    openedAt,
    ...(firstReplyAt
      ? { firstReplyAt, firstReplyMinutes: minutesBetween(openedAt, firstReplyAt) }
      : {}),
    nextReplyMinutes: next,
    ...(firstFinal ? { firstSolvedAt: new Date(firstFinal.from) } : {}),
    ...(solvedAt ? { solvedAt, resolutionMinutes: minutesBetween(openedAt, solvedAt) } : {}),
    requesterWaitMinutes: time(WAITING),
    pendingMinutes: time(['pending-customer']),
    onHoldMinutes: time(['pending-internal']),
    agentWorkMinutes: timeLogged.reduce((sum, t) => sum + t.minutes, 0),
    timeLogged,
    agentReplies,
    reopens,
    deflected,
    firstContactResolution: solvedNow && !deflected && reopens === 0 && agentReplies <= 1,
  };
};
