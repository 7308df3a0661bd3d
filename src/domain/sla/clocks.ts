import type { CaseState } from '../case/types.js';
import type { StatusCategory } from '../workflow/types.js';
import { addBusinessMs } from './business-time.js';
import { advance, apply, isPriority, isTicking, open, warnThresholdMs } from './clock-walk.js';
import type { Walk } from './clock-walk.js';
import type { BusinessCalendar, ClockKind, SlaClock, SlaClocks, SlaPolicy } from './types.js';

/** The parts of a case the clocks are computed from. */
export type ClockCase = Pick<CaseState, 'events' | 'priority' | 'status' | 'createdAt'>;

export interface ComputeClocksInput {
  readonly case: ClockCase;
  readonly policy: SlaPolicy;
  readonly calendar: BusinessCalendar;
  /** Status ids in history are resolved through the workflow; unknown ids are the caller's bug. */
  readonly workflowCategoryOf: (statusId: string) => StatusCategory;
  readonly now: Date;
}

const MS_PER_MINUTE = 60_000;
const toDate = (ms: number | undefined): Date | undefined =>
  ms === undefined ? undefined : new Date(ms);

// History records changes, not starting values: the first change's `from` is where the
// case began, and without any change the current value has held all along.
export const initialValue = (
  c: Pick<CaseState, 'events'>,
  types: readonly string[],
  current: string,
): string => {
  const first = c.events.find((event) => types.includes(event.type))?.data?.['from'];
  return typeof first === 'string' ? first : current;
};

const newWalk = (input: ComputeClocksInput, startMs: number): Walk => {
  const priority = initialValue(input.case, ['priority-changed'], input.case.priority);
  const status = initialValue(input.case, ['status-changed', 'reopened'], input.case.status);
  const idle = () => ({ started: false, owed: false, usedMs: 0 });
  return {
    policy: input.policy,
    calendar: input.calendar,
    at: startMs,
    category: input.workflowCategoryOf(status),
    priority: isPriority(priority) ? priority : input.case.priority,
    tallies: { firstResponse: idle(), nextResponse: idle(), resolution: idle() },
  };
};

/** Replays the history up to `now` and reports every clock as of `now`. */
export const computeClocks = (input: ComputeClocksInput): SlaClocks => {
  const nowMs = input.now.getTime();
  const events = [...input.case.events]
    .filter((event) => event.at.getTime() <= nowMs)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const opened = events.find((event) => event.type === 'opened');
  const walk = newWalk(input, (opened?.at ?? input.case.createdAt).getTime());
  // Cases imported without an `opened` event start at their creation time.
  if (!opened) open(walk);
  for (const event of events) {
    advance(walk, event.at.getTime());
    apply(walk, event, input.workflowCategoryOf);
  }
  advance(walk, nowMs);
  const clock = (kind: ClockKind) => report(walk, kind, nowMs);
  return {
    firstResponse: clock('firstResponse'),
    nextResponse: clock('nextResponse'),
    resolution: clock('resolution'),
  };
};

/** The next multiple of `every` past the target that used time has not reached yet. */
const nextReescalationMs = (usedMs: number, targetMs: number, everyMs: number): number =>
  targetMs + (Math.floor((usedMs - targetMs) / everyMs) + 1) * everyMs;

/** One clock as the card and the scheduler see it. */
const report = (walk: Walk, kind: ClockKind, nowMs: number): SlaClock => {
  const tally = walk.tallies[kind];
  const used = tally.usedMs / MS_PER_MINUTE;
  const target = tally.targetMs;
  if (!tally.started || target === undefined) {
    return { kind, state: 'not-applicable', ticking: false, usedMinutes: used, leftMinutes: 0 };
  }
  const ticking = isTicking(walk, kind);
  const breached = tally.usedMs >= target;
  // Future instants are projections from now, valid only while the clock keeps ticking.
  const project = (usedAt: number) =>
    ticking ? addBusinessMs(walk.calendar, nowMs, usedAt - tally.usedMs) : undefined;
  const every = walk.policy.escalation.reescalateEvery;
  const base = {
    kind,
    state: breached ? 'breached' : !tally.owed ? 'met' : ticking ? 'running' : 'paused',
    ticking: ticking,
    targetMinutes: target / MS_PER_MINUTE,
    usedMinutes: used,
    leftMinutes: Math.max(0, target - tally.usedMs) / MS_PER_MINUTE,
  } as const;
  if (breached) {
    const again =
      every === undefined
        ? undefined
        : project(nextReescalationMs(tally.usedMs, target, every * MS_PER_MINUTE));
    return {
      ...base,
      breachedByMinutes: (tally.usedMs - target) / MS_PER_MINUTE,
      ...defined({ due: toDate(tally.breachedAt), warnAt: toDate(tally.warnedAt) }),
      ...defined({ reescalateAt: toDate(again) }),
    };
  }
  return {
    ...base,
    ...defined({
      due: toDate(project(target)),
      warnAt: toDate(tally.warnedAt ?? project(warnThresholdMs(walk, target))),
      metAt: tally.owed ? undefined : toDate(tally.stoppedAt),
    }),
  };
};

/** Leaves out undefined fields so clocks compare cleanly and serialize without nulls. */
const defined = <T extends Record<string, unknown>>(fields: T): Partial<T> =>
  Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
