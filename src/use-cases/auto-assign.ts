import { z } from 'zod';
import { assignCase } from '../domain/case/assignment.js';
import type { CaseState } from '../domain/case/types.js';
import {
  chooseAssignee,
  eligibleCandidates,
  type AssignmentChoice,
  type AssignmentFacts,
} from '../domain/assignment-strategy.js';
import { ok, type Result } from '../domain/result.js';
import type { AgentAvailability } from '../ports/agent-availability.js';
import type { AssignmentStore } from '../ports/assignment.js';
import type { DirectoryRepository } from '../ports/directory-repository.js';
import { findCase, invalid, runCaseAction, type CaseDeps } from './shared/case-action.js';

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
] as const;

export const autoAssignCommand = z.object({
  caseId: z.string().min(1),
  trigger: z.enum(ASSIGNMENT_TRIGGERS),
});
export type AutoAssignCommand = z.input<typeof autoAssignCommand>;

export interface AutoAssignDeps extends CaseDeps {
  readonly directory: Pick<
    DirectoryRepository,
    'findQueueByKey' | 'listAgents' | 'findProductByKey'
  >;
  readonly availability: AgentAvailability;
  readonly assignment: AssignmentStore;
}

export type AutoAssignOutcome = AssignmentChoice & {
  /** The case after the assignment, when one was made. */
  readonly case?: CaseState;
};

/** `known` spares a read when the caller holds the case as it was just written. */
export type AutoAssign = (input: unknown, known?: CaseState) => Promise<Result<AutoAssignOutcome>>;

const ASSIGNER = { kind: 'system', name: 'Caseline assignment' } as const;
const TAKES_FROM_OWNER: readonly string[] = ['owner-unavailable', 'sla-breach'];
const LEAVE = (reason: string): Result<AutoAssignOutcome> => ok({ kind: 'leave', reason });

const FOR_TRIGGER: Readonly<Record<AutoAssignCommand['trigger'], string>> = {
  intake: '',
  'queue-move': '; moved to the queue',
  'owner-unavailable': '; the owner is unavailable',
  'sla-breach': '; reassigned at an SLA breach',
};

/** The facts the choice needs, read only as far as the strategy and settings need them. */
const gatherFacts = async (deps: AutoAssignDeps, state: CaseState, exclude: readonly string[]) => {
  const queue = await deps.directory.findQueueByKey(state.queueKey);
  const settings = queue?.assignment;
  if (!queue || !settings || settings.strategy === 'manual') return undefined;
  const members = new Set(queue.members);
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
  return { settings, pool, facts };
};

/**
 * Gives a case to someone by its queue's strategy, or leaves it in the queue and says why.
 * The turn is taken only when someone can get the case; the assignment itself is the
 * ordinary version-checked case action, so a case is assigned at most once per trigger.
 */
export const makeAutoAssign =
  (deps: AutoAssignDeps): AutoAssign =>
  async (input, known) => {
    const command = autoAssignCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const { caseId, trigger } = command.data;
    const state = known?.id === caseId ? known : await findCase(deps.cases, { caseId });
    if (!state || ['solved', 'closed'].includes(state.statusCategory)) return LEAVE('not open');
    const takes = TAKES_FROM_OWNER.includes(trigger);
    if (!takes && state.assigneeId) return LEAVE('already owned');
    const gathered = await gatherFacts(
      deps,
      state,
      takes && state.assigneeId ? [state.assigneeId] : [],
    );
    if (!gathered) return LEAVE('the queue assigns manually');
    const { settings, pool, facts } = gathered;
    const turn =
      settings.strategy === 'round-robin' && eligibleCandidates(pool, facts).length > 0
        ? await deps.assignment.nextTurn(state.queueKey)
        : undefined;
    const choice = chooseAssignee(settings.strategy, pool, {
      ...facts,
      ...(turn === undefined ? {} : { turn }),
    });
    if (choice.kind === 'leave') return ok(choice);
    const reason = `${choice.reason}${FOR_TRIGGER[trigger]}`;
    const outcome = await runCaseAction(
      deps,
      { ref: { caseId }, actor: ASSIGNER },
      'case::assign',
      (action) =>
        // Someone claimed or reassigned it meanwhile: theirs wins.
        action.current.assigneeId !== state.assigneeId || action.current.queueKey !== state.queueKey
          ? ok(null)
          : assignCase(deps.workflow, action, choice.agent, reason),
    );
    if (!outcome.ok) return outcome;
    return outcome.value.changed
      ? ok({ ...choice, reason, case: outcome.value.case })
      : LEAVE('changed meanwhile');
  };
