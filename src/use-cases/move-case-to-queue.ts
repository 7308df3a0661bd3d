import { z } from 'zod';
import { moveCaseToQueue } from '../domain/case/assignment.js';
import { fail } from '../domain/result.js';
import type { DirectoryRepository } from '../ports/directory-repository.js';
import { addAssignmentEffect } from './assignment-effect.js';
import { assignAfter, type AutoAssign } from './auto-assign.js';
import { caseActionBase, caseRefSchema } from './shared/commands.js';
import { invalid, runCaseAction, type CaseDeps } from './shared/case-action.js';

export const moveCaseToQueueCommand = z.object({
  ref: caseRefSchema,
  queueKey: z.string().trim().min(1),
  reason: z.string().trim().max(500).optional(),
  ...caseActionBase,
});

/** One-click reroute; the move and its reason are logged internally. */
export const makeMoveCaseToQueue =
  (
    deps: CaseDeps & {
      readonly directory: DirectoryRepository;
      /** The new queue's assignment strategy, for a case nobody owns (absent: manual). */
      readonly autoAssign?: AutoAssign;
    },
  ) =>
  async (input: unknown) => {
    const command = moveCaseToQueueCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const queue = await deps.directory.findQueueByKey(command.data.queueKey);
    if (!queue) return fail('not-found', `No queue "${command.data.queueKey}".`);
    // A queue that assigns gets an owner for a case nobody owns: through the outbox too, so
    // a crash right after the move still assigns it.
    const assigns =
      Boolean(deps.autoAssign) && (queue.assignment?.strategy ?? 'manual') !== 'manual';
    const moved = await runCaseAction(deps, command.data, 'case::move-queue', (action) =>
      addAssignmentEffect(
        moveCaseToQueue(action, queue.key, command.data.reason),
        'queue-changed',
        assigns && !action.current.assigneeId,
      ),
    );
    return assignAfter(moved, deps.autoAssign, 'queue-move');
  };
