import type { Priority } from '../priority.js';
import { fail, ok, type Result } from '../result.js';
import { availableTransitions, statusById, type Workflow } from '../workflow/index.js';
import { ChangeBuilder, workflowRole, type ActionInput } from './change.js';
import { moveStatus } from './status.js';
import type { CaseChange } from './types.js';

export interface AssigneeRef {
  readonly id: string;
  readonly name: string;
}

/**
 * A new case that gets an owner moves on to the first open status the owner may take
 * (New → On hand), so the customer sees "someone is on it" without a second click.
 */
const startWorkIfNew = (builder: ChangeBuilder, workflow: Workflow, input: ActionInput): void => {
  if (input.current.statusCategory !== 'new') return;
  const next = availableTransitions(workflow, input.current.status, workflowRole(input.actor)).find(
    (t) => statusById(workflow, t.to)?.category === 'open',
  );
  if (next) moveStatus(builder, workflow, input, next.to);
};

const takeOwnership = (
  workflow: Workflow,
  input: ActionInput,
  assignee: AssigneeRef,
  type: 'claimed' | 'assigned',
  why?: string,
): Result<CaseChange | null> => {
  const builder = new ChangeBuilder(input);
  const firstOwner = !input.current.assigneeId;
  builder.fields({ assigneeId: assignee.id, assigneeName: assignee.name });
  const event = builder.event({
    type,
    visibility: 'public',
    data: {
      assigneeId: assignee.id,
      assigneeName: assignee.name,
      previousAssigneeId: input.current.assigneeId ?? null,
      ...(why ? { reason: why } : {}),
    },
  });
  // An automatic assignment is news to its assignee; the reason tells them why it is theirs.
  if (why) builder.notify({ topic: 'assignment', audience: 'staff', eventId: event.id });
  if (firstOwner) builder.notify({ topic: 'milestone', audience: 'customer', eventId: event.id });
  builder.refreshCards(true);
  startWorkIfNew(builder, workflow, input);
  return builder.build();
};

/** First click wins; a second agent hears who has it, the same agent clicking again changes nothing. */
export const claimCase = (
  workflow: Workflow,
  input: ActionInput,
  me: AssigneeRef,
): Result<CaseChange | null> => {
  const { current } = input;
  if (current.assigneeId === me.id) return ok(null);
  if (current.assigneeId) {
    return fail(
      'already-claimed',
      `Already claimed by ${current.assigneeName ?? 'someone else'}.`,
      {
        assigneeId: current.assigneeId,
        assigneeName: current.assigneeName ?? null,
      },
    );
  }
  if (['solved', 'closed'].includes(current.statusCategory)) {
    return fail('invalid-transition', `${current.number} is already ${current.statusCategory}.`);
  }
  return takeOwnership(workflow, input, me, 'claimed');
};

/** `why` marks an automatic assignment ("round-robin; skill: Point of Sale"). */
export const assignCase = (
  workflow: Workflow,
  input: ActionInput,
  to: AssigneeRef,
  why?: string,
): Result<CaseChange | null> =>
  input.current.assigneeId === to.id
    ? ok(null)
    : takeOwnership(workflow, input, to, 'assigned', why);

export const moveCaseToQueue = (
  input: ActionInput,
  queueKey: string,
  reason?: string,
): Result<CaseChange | null> => {
  if (input.current.queueKey === queueKey) return ok(null);
  const builder = new ChangeBuilder(input);
  builder.fields({ queueKey });
  builder.event({
    type: 'queue-changed',
    visibility: 'internal',
    ...(reason ? { text: reason } : {}),
    data: { from: input.current.queueKey, to: queueKey },
  });
  builder.refreshCards(false);
  return builder.build();
};

export const setCasePriority = (
  input: ActionInput,
  priority: Priority,
): Result<CaseChange | null> => {
  if (input.current.priority === priority) return ok(null);
  const builder = new ChangeBuilder(input);
  builder.fields({ priority });
  builder.event({
    type: 'priority-changed',
    visibility: 'public',
    data: { from: input.current.priority, to: priority },
  });
  builder.refreshCards(true);
  return builder.build();
};
