import { STATUS_CATEGORIES } from '../../domain/workflow/index.js';
import type { CaseRepository } from '../../ports/case-repository.js';
import type { ArmSlaTimers } from './arm-sla-timers.js';

/**
 * Re-arms the timer of every case that is not closed. Run at start-up as a repair: for a
 * config whose policies changed while the app was down, and timers lost with a database
 * restore. (A crash between a change and its arming needs no repair: the arming is an
 * effect in the case's outbox, written with the change.) Arming is idempotent (one timer
 * per case), so replicas starting together do no harm.
 */
export const makeRearmOpenCases =
  (deps: { readonly cases: CaseRepository; readonly arm: ArmSlaTimers }) =>
  async (onProgress?: (done: number, total: number) => void): Promise<number> => {
    const open = await deps.cases.list({
      statusCategories: STATUS_CATEGORIES.filter((category) => category !== 'closed'),
      limit: 1_000_000,
    });
    let done = 0;
    for (const summary of open) {
      const state = await deps.cases.findById(summary.id);
      if (state) await deps.arm(state);
      done += 1;
      onProgress?.(done, open.length);
    }
    return done;
  };
