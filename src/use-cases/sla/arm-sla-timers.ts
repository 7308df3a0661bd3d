import { pendingEntry } from '../../domain/case/outbox-topics.js';
import type { CaseState } from '../../domain/case/types.js';
import {
  evaluateCaseSla,
  TIMER_KINDS,
  type CaseSla,
  type SlaCase,
  type TimerKind,
} from '../../domain/sla/index.js';
import type { SlaConfig } from '../../domain/sla/index.js';
import { categoryOf, type Workflow } from '../../domain/workflow/index.js';
import type { CaseRepository } from '../../ports/case-repository.js';
import type { Clock, IdGenerator } from '../../ports/clock.js';
import { slaCaseTimerKey, type Scheduler } from '../../ports/scheduler.js';

export interface SlaDeps {
  readonly sla: SlaConfig;
  readonly workflow: Workflow;
  readonly clock: Clock;
}

/** Status ids resolve through the workflow; a status removed from it counts as open. */
export const categoryResolver = (workflow: Workflow) => (statusId: string) =>
  categoryOf(workflow, statusId) ?? 'open';

export const evaluateSla = (deps: SlaDeps, state: SlaCase): CaseSla =>
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

/** The case as the timer needs it (a staff view of it will do). */
export type ArmedCase = SlaCase & Pick<CaseState, 'id' | 'version'>;
export type ArmSlaTimers = (state: ArmedCase) => Promise<void>;

/**
 * Arms (or cancels) a case's SLA timer from its state after a change. Calls for one case
 * run one after another, and a state older than one already armed is skipped, so a
 * slow arm of version 3 cannot overwrite the timer of version 4.
 */
export const makeArmSlaTimers = (
  deps: SlaDeps & { readonly scheduler: Scheduler },
): ArmSlaTimers => {
  const chains = new Map<string, { tail: Promise<void>; version: number }>();
  const arm = async (state: ArmedCase) => {
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
 * carries a `sla-timer` effect in its own write, whichever use case made it, and the
 * outbox worker arms the timer from the case as it is then (see composition.ts). A crash
 * after the write arms it after the restart; nothing is armed from process memory. (Before,
 * arming ran after the write here, and only the re-arm pass at start covered a crash.)
 */
export const withSlaTimerEffects = (
  cases: CaseRepository,
  deps: { readonly clock: Clock; readonly newId: IdGenerator },
): CaseRepository => {
  const effect = () =>
    pendingEntry(
      { topic: 'sla-timer', audience: 'staff' },
      { now: deps.clock.now(), newId: deps.newId },
    );
  // Everything else is the wrapped repository's own (its prototype), reads included.
  const wrapped: CaseRepository = Object.create(cases);
  wrapped.insert = (state) => cases.insert({ ...state, outbox: [...state.outbox, effect()] });
  wrapped.commit = (id, expectedVersion, change, outbox) =>
    cases.commit(id, expectedVersion, change, [...outbox, effect()]);
  return wrapped;
};
