import type { CaseEvent } from '../case/types.js';
import { PRIORITIES } from '../priority.js';
import type { Priority } from '../priority.js';
import type { StatusCategory } from '../workflow/types.js';
import { addBusinessMs, businessMsBetween } from './business-time.js';
import { CLOCK_KINDS } from './types.js';
import type { BusinessCalendar, ClockKind, SlaPolicy } from './types.js';

/** What one clock has accumulated so far; instants are epoch milliseconds. */
export interface Tally {
  /** The clock was started at least once (next response waits for a customer message). */
  started: boolean;
  /** Something is promised and not yet delivered: an answer, or a solution. */
  owed: boolean;
  usedMs: number;
  /** Fixed while the clock is owed; a stopped clock keeps the target it was judged by. */
  targetMs?: number;
  warnedAt?: number;
  breachedAt?: number;
  stoppedAt?: number;
}

export interface Walk {
  readonly policy: SlaPolicy;
  readonly calendar: BusinessCalendar;
  at: number;
  category: StatusCategory;
  priority: Priority;
  readonly tallies: Record<ClockKind, Tally>;
}

// Nothing is owed on a solved or closed case; reopening brings resolution back.
const FINAL: readonly StatusCategory[] = ['solved', 'closed'];

export const isTicking = (walk: Walk, kind: ClockKind): boolean =>
  walk.tallies[kind].owed &&
  !FINAL.includes(walk.category) &&
  !walk.policy.pauseOn[kind].includes(walk.category);

const targetOf = (walk: Walk, kind: ClockKind): number | undefined => {
  const minutes = walk.policy.targets[walk.priority][kind];
  return minutes === undefined ? undefined : minutes * 60_000;
};

export const warnThresholdMs = (walk: Walk, targetMs: number): number =>
  Math.round(targetMs * walk.policy.warningAt);

/** Records when a ticking segment from `fromMs` pushed used time across a threshold. */
const crossing = (walk: Walk, fromMs: number, before: number, after: number, at: number) =>
  before < at && at <= after ? addBusinessMs(walk.calendar, fromMs, at - before) : undefined;

/** Counts business time up to `toMs` for every ticking clock. */
export const advance = (walk: Walk, toMs: number): void => {
  for (const kind of CLOCK_KINDS) {
    const tally = walk.tallies[kind];
    if (!isTicking(walk, kind) || toMs <= walk.at) continue;
    const before = tally.usedMs;
    const after = before + businessMsBetween(walk.calendar, walk.at, toMs);
    if (tally.targetMs !== undefined) {
      const warn = warnThresholdMs(walk, tally.targetMs);
      tally.warnedAt ??= crossing(walk, walk.at, before, after, warn);
      tally.breachedAt ??= crossing(walk, walk.at, before, after, tally.targetMs);
    }
    tally.usedMs = after;
  }
  walk.at = Math.max(walk.at, toMs);
};

/**
 * Judges an owed clock by the current priority's target from now on, keeping the time
 * already used: a case raised to urgent after 3 business hours against a 2 h target is
 * breached at the moment of the change; lowered again, it is back within its target.
 */
const retarget = (walk: Walk, kind: ClockKind): void => {
  const tally = walk.tallies[kind];
  const target = targetOf(walk, kind);
  tally.targetMs = target;
  if (target === undefined) {
    tally.warnedAt = undefined;
    tally.breachedAt = undefined;
    return;
  }
  const reached = (threshold: number) => tally.usedMs >= threshold;
  tally.warnedAt = reached(warnThresholdMs(walk, target)) ? (tally.warnedAt ?? walk.at) : undefined;
  tally.breachedAt = reached(target) ? (tally.breachedAt ?? walk.at) : undefined;
};

const start = (walk: Walk, kind: ClockKind): void => {
  walk.tallies[kind] = { started: true, owed: true, usedMs: 0 };
  retarget(walk, kind);
};

/** The case is opened: an answer and a solution are owed from here. */
export const open = (walk: Walk): void => {
  start(walk, 'firstResponse');
  start(walk, 'resolution');
};

const stop = (walk: Walk, kind: ClockKind): void => {
  const tally = walk.tallies[kind];
  if (!tally.owed) return;
  tally.owed = false;
  tally.stoppedAt = walk.at;
  // Next response only reports a pending customer message; once answered it rests.
  if (kind === 'nextResponse') walk.tallies[kind] = { started: false, owed: false, usedMs: 0 };
};

const moveTo = (walk: Walk, category: StatusCategory): void => {
  const wasFinal = FINAL.includes(walk.category);
  walk.category = category;
  const isFinal = FINAL.includes(category);
  // Solving or closing answers the customer too: the response clocks stop with it.
  if (isFinal && !wasFinal) CLOCK_KINDS.forEach((kind) => stop(walk, kind));
  if (!isFinal && wasFinal && walk.tallies.resolution.started) {
    walk.tallies.resolution.owed = true;
    walk.tallies.resolution.stoppedAt = undefined;
    retarget(walk, 'resolution');
  }
};

const textData = (event: CaseEvent, key: string): string | undefined => {
  const value = event.data?.[key];
  return typeof value === 'string' ? value : undefined;
};

export const isPriority = (value: string | undefined): value is Priority =>
  PRIORITIES.some((priority) => priority === value);

/** Applies one history event at `walk.at` (time has already been counted up to it). */
export const apply = (
  walk: Walk,
  event: CaseEvent,
  categoryOf: (statusId: string) => StatusCategory,
): void => {
  const { tallies } = walk;
  const to = textData(event, 'to');
  if (event.type === 'opened') {
    open(walk);
  } else if (event.type === 'replied' && event.actor.kind === 'staff') {
    if (event.visibility !== 'public') return;
    stop(walk, tallies.firstResponse.owed ? 'firstResponse' : 'nextResponse');
  } else if (event.type === 'commented' && event.actor.kind === 'customer') {
    const answered = tallies.firstResponse.started && !tallies.firstResponse.owed;
    if (answered && !tallies.nextResponse.owed) start(walk, 'nextResponse');
  } else if ((event.type === 'status-changed' || event.type === 'reopened') && to) {
    moveTo(walk, categoryOf(to));
  } else if (event.type === 'priority-changed' && isPriority(to)) {
    walk.priority = to;
    CLOCK_KINDS.filter((kind) => tallies[kind].owed).forEach((kind) => retarget(walk, kind));
  }
};
