import { CLOCK_KINDS } from './types.js';
import type { ClockKind, SlaClock, SlaClocks } from './types.js';

export type DecisionKind = 'warning' | 'breach' | 're-escalation';

/** The moment the scheduler arms a job for, and what it will have to decide then. */
export interface Decision {
  readonly at: Date;
  readonly clock: ClockKind;
  readonly kind: DecisionKind;
}

/**
 * One clock's earliest strictly future decision point. Past instants are history (the
 * job for them ran, or runs on start-up); paused and stopped clocks have nothing to arm
 * until the next change to the case recomputes them.
 */
export const clockDecision = (clock: SlaClock, now: Date): Decision | undefined => {
  if (!clock.ticking) return undefined;
  const points: [Date | undefined, DecisionKind][] = [
    [clock.warnAt, 'warning'],
    [clock.due, 'breach'],
    [clock.reescalateAt, 're-escalation'],
  ];
  for (const [at, kind] of points) {
    if (at && at.getTime() > now.getTime()) return { at, clock: clock.kind, kind };
  }
  return undefined;
};

/** The earliest strictly future decision point among ticking clocks. */
export const nextDecision = (clocks: SlaClocks, now: Date): Decision | undefined => {
  const candidates = CLOCK_KINDS.map((kind) => clockDecision(clocks[kind], now)).filter(
    (decision): decision is Decision => decision !== undefined,
  );
  // Ties go to the first clock in CLOCK_KINDS order; sort is stable.
  return candidates.sort((a, b) => a.at.getTime() - b.at.getTime())[0];
};
