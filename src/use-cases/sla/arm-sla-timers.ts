import type { CaseState } from '../../domain/case/types.js';
import {
  evaluateCaseSla,
  TIMER_KINDS,
  type CaseSla,
  type TimerKind,
} from '../../domain/sla/index.js';
import type { SlaConfig } from '../../domain/sla/index.js';
import { categoryOf, type Workflow } from '../../domain/workflow/index.js';
import type { CaseRepository } from '../../ports/case-repository.js';
import type { Clock } from '../../ports/clock.js';
import { slaCaseTimerKey, type Scheduler } from '../../ports/scheduler.js';

export interface SlaDeps {
  readonly sla: SlaConfig;
  readonly workflow: Workflow;
  readonly clock: Clock;
}

/** Status ids resolve through the workflow; a status removed from it counts as open. */
export const categoryResolver = (workflow: Workflow) => (statusId: string) =>
  categoryOf(workflow, statusId) ?? 'open';

export const evaluateSla = (deps: SlaDeps, state: CaseState): CaseSla =>
  evaluateCaseSla(state, deps.sla, categoryResolver(deps.workflow), deps.clock.now());

/** The earliest planned timer of a case, if any clock has a decision ahead. */
const earliest = (sla: CaseSla) => {
  let best: { kind: TimerKind; at: Date; decision: string } | undefined;
  for (const kind of TIMER_KINDS) {
    const plan = sla.timers[kind];
    if (plan && (!best || plan.at.getTime() < best.at.getTime())) best = { kind, ...plan };
  }
  return best;
};

export type ArmSlaTimers = (state: CaseState) => Promise<void>;

/**
 * Arms (or cancels) a case's SLA timer from its state after a change. Calls for one case
 * run one after another, and a state older than one already armed is skipped, so a
 * slow arm of version 3 cannot overwrite the timer of version 4.
 */
export const makeArmSlaTimers = (
  deps: SlaDeps & { readonly scheduler: Scheduler },
): ArmSlaTimers => {
  const chains = new Map<string, { tail: Promise<void>; version: number }>();
  const arm = async (state: CaseState) => {
    const next = earliest(evaluateSla(deps, state));
    const key = slaCaseTimerKey(state.id);
    if (!next) return deps.scheduler.cancel(key);
    const decision = next.decision as 'warning' | 'breach' | 're-escalation' | 'languishing';
    return deps.scheduler.schedule(key, next.at, { caseId: state.id, clock: next.kind, decision });
  };
  return (state) => {
    const chain = chains.get(state.id) ?? { tail: Promise.resolve(), version: -1 };
    const run = chain.tail.then(async () => {
      if (state.version < chain.version) return;
      chain.version = state.version;
      await arm(state);
    });
    chain.tail = run.catch(() => undefined);
    chains.set(state.id, chain);
    void chain.tail.then(() => {
      if (chains.get(state.id)?.tail === chain.tail) chains.delete(state.id);
    });
    return run;
  };
};

/**
 * The case repository with SLA timers kept in step: every insert and committed change
 * re-arms the case's timer, whichever use case made it. Arming happens after the write;
 * if it fails the change stands (it is logged), and the start-up pass re-arms every open
 * case, so a crash in between loses no reminder.
 */
export const withSlaTimers = (
  cases: CaseRepository,
  arm: ArmSlaTimers,
  onError: (error: unknown, state: CaseState) => void,
): CaseRepository => {
  const armSafely = async (state: CaseState) => {
    try {
      await arm(state);
    } catch (error) {
      onError(error, state);
    }
  };
  // Everything else is the wrapped repository's own (its prototype), reads included.
  const wrapped: CaseRepository = Object.create(cases);
  wrapped.insert = async (state) => {
    const result = await cases.insert(state);
    await armSafely(result.inserted ? state : result.existing);
    return result;
  };
  wrapped.commit = async (id, expectedVersion, change, outbox) => {
    const after = await cases.commit(id, expectedVersion, change, outbox);
    if (after) await armSafely(after);
    return after;
  };
  return wrapped;
};
