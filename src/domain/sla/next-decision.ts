import { CLOCK_KINDS } from './types.js';
import type { ClockKind, SlaClocks } from './types.js';

export type DecisionKind = 'warning' | 'breach' | 're-escalation';

/** The moment the scheduler arms a job for, and what it will have to decide then. */
export interface Decision {
  readonly at: Date;
  readonly clock: ClockKind;
  readonly kind: DecisionKind;
}

/**
 * The earliest strictly future decision point among ticking clocks. Past instants are
 * history (the job for them ran, or runs on start-up); paused and stopped clocks have
 * nothing to arm until the next change to the case recomputes them.
 */
export const nextDecision = (clocks: SlaClocks, now: Date): Decision | undefined => {
  const candidates: Decision[] = [];
  for (const kind of CLOCK_KINDS) {
    const clock = clocks[kind];
    if (!clock.ticking) continue;
    const points: [Date | undefined, DecisionKind][] = [
      [clock.warnAt, 'warning'],
      [clock.due, 'breach'],
      [clock.reescalateAt, 're-escalation'],
    ];
    for (const [at, decision] of points) {
      if (at && at.getTime() > now.getTime()) candidates.push({ at, clock: kind, kind: decision });
    }
  }
  // Ties go to the first clock in CLOCK_KINDS order; sort is stable.
  return candidates.sort((a, b) => a.at.getTime() - b.at.getTime())[0];
};
