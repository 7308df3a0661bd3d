import type { Resolution } from '../resolution.js';
import { resolutionSchema } from '../resolution.js';
import { fail, ok } from '../result.js';
import type { Failure, Result } from '../result.js';
import type { Role } from '../roles.js';
import { statusById } from './statuses.js';
import type { Requirement, Status, Transition, Workflow } from './types.js';

export { categoryOf, isClosed, isPendingCustomer, isSolved, statusById } from './statuses.js';

/** What the case looks like right now, as far as transition requirements care. */
export interface TransitionFacts {
  readonly resolution?: Resolution;
  readonly resolutionSent: boolean;
  readonly openTasks: number;
  readonly assigneeId?: string;
}

export interface TransitionRequest {
  readonly from: string;
  readonly to: string;
  readonly role: Role;
  readonly facts: TransitionFacts;
}

export const findTransition = (
  workflow: Workflow,
  from: string,
  to: string,
): Transition | undefined =>
  workflow.transitions.find((transition) => transition.to === to && transition.from.includes(from));

/** The moves this role may offer from `from`, e.g. to render only the allowed buttons. */
export const availableTransitions = (
  workflow: Workflow,
  from: string,
  role: Role,
): readonly Transition[] =>
  workflow.transitions.filter(
    (transition) => transition.from.includes(from) && transition.roles.includes(role),
  );

const nameOf = (workflow: Workflow, id: string): string => statusById(workflow, id)?.name ?? id;

// Names the statuses this role can reach instead, so the adapter can offer them at once.
const noSuchMove = (workflow: Workflow, request: TransitionRequest): Failure => {
  const { from, to, role } = request;
  const allowed = availableTransitions(workflow, from, role).map((t) => t.to);
  const names = allowed.map((id) => nameOf(workflow, id)).join(', ');
  const unknown = [from, to]
    .filter((id) => !statusById(workflow, id))
    .map((id) => `There is no status "${id}". `)
    .join('');
  const move = `A case cannot move from ${nameOf(workflow, from)} to ${nameOf(workflow, to)}.`;
  const next = allowed.length > 0 ? `Next can be: ${names}.` : 'There is no next status.';
  return fail('invalid-transition', `${unknown}${move} ${next}`, { from, to, allowed });
};

// "Solving", "Closing" or "Moving to In testing": the subject of every requirement message.
const actionOf = (target: Status): string => {
  if (target.category === 'solved') return 'Solving';
  if (target.category === 'closed') return 'Closing';
  return `Moving to ${target.name}`;
};

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** Why `requirement` is not met, or undefined when it is. */
const unmet = (
  requirement: Requirement,
  facts: TransitionFacts,
  action: string,
): string | undefined => {
  switch (requirement) {
    case 'resolution': {
      if (!facts.resolution) return `${action} needs a resolution.`;
      const checked = resolutionSchema.safeParse(facts.resolution);
      return checked.success
        ? undefined
        : (checked.error.issues[0]?.message ?? `${action} needs a valid resolution.`);
    }
    case 'resolution-sent':
      return facts.resolutionSent
        ? undefined
        : `${action} needs the resolution sent to the requester first.`;
    case 'no-open-tasks': {
      const n = facts.openTasks;
      if (n <= 0) return undefined;
      return `${n} open ${n === 1 ? 'task blocks' : 'tasks block'} ${lowerFirst(action)}.`;
    }
    case 'assignee':
      return facts.assigneeId
        ? undefined
        : `${action} needs an assignee; claim or assign it first.`;
  }
};

/**
 * Whether `role` may move a case from `from` to `to` given the facts. Checks, in order:
 * the edge exists, the role is named on it, every requirement holds. All unmet
 * requirements are listed; `details.requirement` names the first for adapters to key on.
 */
export const checkTransition = (
  workflow: Workflow,
  request: TransitionRequest,
): Result<Transition> => {
  const { from, to, role, facts } = request;
  const transition = statusById(workflow, from) ? findTransition(workflow, from, to) : undefined;
  const target = statusById(workflow, to);
  if (!transition || !target) return noSuchMove(workflow, request);
  if (!transition.roles.includes(role)) {
    const who = `${/^[aeiou]/.test(role) ? 'An' : 'A'} ${role}`;
    const move = `from ${nameOf(workflow, from)} to ${target.name}`;
    return fail('not-allowed', `${who} cannot move a case ${move}.`, {
      from,
      to,
      role,
      roles: transition.roles,
    });
  }
  const action = actionOf(target);
  const missing = transition.requires.flatMap((requirement) => {
    const reason = unmet(requirement, facts, action);
    return reason === undefined ? [] : [{ requirement, reason }];
  });
  const first = missing[0];
  if (!first) return ok(transition);
  return fail('requirement-missing', missing.map((m) => m.reason).join(' '), {
    requirement: first.requirement,
    missing: missing.map((m) => m.requirement),
  });
};
