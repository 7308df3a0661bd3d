import { z } from 'zod';
import { assignCase } from '../domain/case/assignment.js';
import { withAssignment } from '../domain/case/intake-assignment.js';
import type { CaseState } from '../domain/case/types.js';
import {
  chooseAssignee,
  eligibleCandidates,
  type AssignmentChoice,
  type AssignmentFacts,
} from '../domain/assignment-strategy.js';
import { ok, type Result } from '../domain/result.js';
import { rotaTakesStatus, turnAt } from '../domain/rota.js';
import { statusById } from '../domain/workflow/index.js';
import type { AgentAvailability } from '../ports/agent-availability.js';
import type { AssignmentStore } from '../ports/assignment.js';
import type { DirectoryRepository } from '../ports/directory-repository.js';
import { onDuty } from './rota/duty.js';
import {
  findCase,
  invalid,
  runCaseAction,
  type ActionOutcome,
  type CaseDeps,
} from './shared/case-action.js';

/**
 * Why a case is offered to the queue's strategy: a new case, a move into the queue, an
 * owner who became unavailable, an SLA breach (the policy's `reassignOnBreach`). The last
 * two take the case from its owner; the first two leave an owned case alone.
 */
export const ASSIGNMENT_TRIGGERS = [
  'intake',
  'queue-move',
  'owner-unavailable',
  'sla-breach',
  /** The case entered a status its queue's rota hands to the person on duty. */
  'status-change',
] as const;

export const autoAssignCommand = z.object({
  caseId: z.string().min(1),
  trigger: z.enum(ASSIGNMENT_TRIGGERS),
  /** The owner it is taken from: a case someone else owns by now is left to them. */
  from: z.string().min(1).optional(),
});
export type AutoAssignCommand = z.input<typeof autoAssignCommand>;

export interface AutoAssignDeps extends CaseDeps {
  readonly directory: Pick<
    DirectoryRepository,
    'findQueueByKey' | 'listAgents' | 'findProductByKey' | 'findAgentByEmail'
  >;
  readonly availability: AgentAvailability;
  readonly assignment: AssignmentStore;
}

export type AutoAssignOutcome = AssignmentChoice & {
  /** The case after the assignment, when one was made. */
  readonly case?: CaseState;
};

/** What the choice reads of a case: known at intake before the case is built. */
export type CaseFacts = Pick<CaseState, 'statusCategory' | 'queueKey' | 'productKey' | 'module'> & {
  readonly assigneeId?: string | undefined;
  /** The status id; read by the rota's status hand-off only. */
  readonly status?: string | undefined;
};

/**
 * Decides a new case's owner from what intake knows before it builds the case (so the
 * choice runs beside the case number's counter), and gives back how to write it in.
 */
export type AssignAtIntake = (facts: CaseFacts) => Promise<(opened: CaseState) => CaseState>;

/** `known` spares a read when the caller holds the case as it was just written. */
export type AutoAssign = (input: unknown, known?: CaseState) => Promise<Result<AutoAssignOutcome>>;

const ASSIGNER = { kind: 'system', name: 'Caseline assignment' } as const;
const TAKES_FROM_OWNER: readonly string[] = ['owner-unavailable', 'sla-breach', 'status-change'];
const LEAVE = (reason: string): Result<AutoAssignOutcome> => ok({ kind: 'leave', reason });

const FOR_TRIGGER: Readonly<Record<AutoAssignCommand['trigger'], string>> = {
  intake: '',
  'queue-move': '; moved to the queue',
  'owner-unavailable': '; the owner is unavailable',
  'sla-breach': '; reassigned at an SLA breach',
  'status-change': '',
};

/** The facts the choice needs, read only as far as the strategy and settings need them. */
const gatherFacts = async (deps: AutoAssignDeps, state: CaseFacts, exclude: readonly string[]) => {
  const queue = await deps.directory.findQueueByKey(state.queueKey);
  const settings = queue?.assignment;
  if (!queue || !settings || settings.strategy === 'manual') return undefined;
  const members = new Set(queue.members);
  // The rota's person on duty joins the pool for their turn (takes: pool).
  const duty =
    queue.rota?.takes === 'pool' ? queue.rota && turnAt(queue.rota, deps.clock.now()) : undefined;
  if (duty) members.add(duty.email);
  const pool = (await deps.directory.listAgents()).filter((a) => a.active && members.has(a.email));
  const ids = pool.map((agent) => agent.id);
  const product =
    settings.skills && state.productKey
      ? await deps.directory.findProductByKey(state.productKey)
      : undefined;
  const needsLoad = settings.strategy === 'least-loaded' || settings.capacity !== undefined;
  const [available, load] = await Promise.all([
    deps.availability.availableAmong(ids, deps.clock.now()),
    needsLoad ? deps.assignment.openLoad(ids) : undefined,
  ]);
  const facts: AssignmentFacts = {
    available,
    exclude,
    capacity: settings.capacity,
    ...(load ? { load } : {}),
    ...(settings.skills
      ? {
          need: { productKey: state.productKey, productLabel: product?.name, module: state.module },
        }
      : {}),
  };
  const dutyId =
    duty && !queue.members.includes(duty.email)
      ? pool.find((agent) => agent.email === duty.email)?.id
      : undefined;
  return { settings, pool, facts, dutyId };
};

/**
 * A case that entered a status its queue's rota takes goes to the person on duty, from
 * whoever owned it, when they are an active agent who can take work now.
 */
const decideForRota = async (deps: AutoAssignDeps, state: CaseFacts): Promise<AssignmentChoice> => {
  const queue = await deps.directory.findQueueByKey(state.queueKey);
  if (!queue || !state.status || !rotaTakesStatus(queue.rota, state.status))
    return { kind: 'leave', reason: 'the rota takes no cases in this status' };
  const now = deps.clock.now();
  const duty = await onDuty(deps.directory, queue, now);
  if (!duty?.agent) return { kind: 'leave', reason: 'nobody on rota duty is an active agent' };
  if (duty.agent.id === state.assigneeId) return { kind: 'leave', reason: 'already owned' };
  const available = await deps.availability.availableAmong([duty.agent.id], now);
  if (!available.has(duty.agent.id))
    return { kind: 'leave', reason: `${duty.agent.name}, on rota duty, is not available` };
  const status = statusById(deps.workflow, state.status)?.name ?? state.status;
  return {
    kind: 'assign',
    agent: duty.agent,
    reason: `rota: on duty for ${queue.name}; status ${status}`,
  };
};

/** The queue's choice for `state`; a round-robin turn is taken only when someone can get it. */
const decide = async (
  deps: AutoAssignDeps,
  state: CaseFacts,
  trigger: AutoAssignCommand['trigger'],
): Promise<AssignmentChoice> => {
  if (['solved', 'closed'].includes(state.statusCategory))
    return { kind: 'leave', reason: 'not open' };
  if (trigger === 'status-change') return decideForRota(deps, state);
  const takes = TAKES_FROM_OWNER.includes(trigger);
  if (!takes && state.assigneeId) return { kind: 'leave', reason: 'already owned' };
  const exclude = takes && state.assigneeId ? [state.assigneeId] : [];
  const gathered = await gatherFacts(deps, state, exclude);
  if (!gathered) return { kind: 'leave', reason: 'the queue assigns manually' };
  const { settings, pool, facts, dutyId } = gathered;
  if (trigger === 'owner-unavailable' && !settings.handOnWhenAway)
    return { kind: 'leave', reason: 'the queue keeps cases with an owner who is away' };
  const turn =
    settings.strategy === 'round-robin' && eligibleCandidates(pool, facts).length > 0
      ? await deps.assignment.nextTurn(state.queueKey)
      : undefined;
  const choice = chooseAssignee(settings.strategy, pool, {
    ...facts,
    ...(turn === undefined ? {} : { turn }),
  });
  if (choice.kind === 'leave') return choice;
  const onRota = choice.agent.id === dutyId ? '; on rota duty' : '';
  return { ...choice, reason: `${choice.reason}${onRota}${FOR_TRIGGER[trigger]}` };
};

/**
 * A new case as its first insert should write it: assigned by its queue's strategy when
 * someone can take it, as it was otherwise. Costs a round-robin queue one round trip (the
 * turn) and a least-loaded or capped one the count of open cases.
 */
export const makeAssignAtIntake =
  (deps: AutoAssignDeps): AssignAtIntake =>
  async (facts) => {
    const choice = await decide(deps, facts, 'intake');
    if (choice.kind === 'leave') return (opened) => opened;
    return (opened) =>
      withAssignment(
        deps.workflow,
        opened,
        { to: choice.agent, reason: choice.reason, actor: ASSIGNER },
        { now: deps.clock.now(), newId: deps.newId },
      );
  };

/**
 * Gives an existing case to someone by its queue's strategy, or leaves it and says why.
 * The assignment is the ordinary version-checked case action, so a case is assigned at
 * most once per trigger however many replicas run it.
 */
export const makeAutoAssign =
  (deps: AutoAssignDeps): AutoAssign =>
  async (input, known) => {
    const command = autoAssignCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const { caseId, trigger, from } = command.data;
    const state = known?.id === caseId ? known : await findCase(deps.cases, { caseId });
    if (!state) return LEAVE('not found');
    if (from !== undefined && state.assigneeId !== from) return LEAVE('owned by someone else now');
    const choice = await decide(deps, state, trigger);
    if (choice.kind === 'leave') return ok(choice);
    const outcome = await runCaseAction(
      deps,
      { ref: { caseId }, actor: ASSIGNER },
      'case::assign',
      (action) =>
        // Someone claimed or reassigned it meanwhile: theirs wins.
        action.current.assigneeId !== state.assigneeId || action.current.queueKey !== state.queueKey
          ? ok(null)
          : assignCase(deps.workflow, action, choice.agent, choice.reason),
    );
    if (!outcome.ok) return outcome;
    return outcome.value.changed
      ? ok({ ...choice, case: outcome.value.case })
      : LEAVE('changed meanwhile');
  };

/**
 * After a change that may call for an owner (a move to a queue, a new status), offers the
 * case to its queue's strategy and answers with the case as it ends up.
 */
export const assignAfter = async (
  changed: Result<ActionOutcome>,
  autoAssign: AutoAssign | undefined,
  trigger: 'queue-move' | 'status-change',
): Promise<Result<ActionOutcome>> => {
  if (!changed.ok || !changed.value.changed || !autoAssign) return changed;
  const assigned = await autoAssign({ caseId: changed.value.case.id, trigger }, changed.value.case);
  return assigned.ok && assigned.value.case
    ? ok({ ...changed.value, case: assigned.value.case })
    : changed;
};
