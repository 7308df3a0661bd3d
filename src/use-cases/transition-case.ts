import { z } from 'zod';
import { transitionCase } from '../domain/case/status.js';
import { rotaTakesStatus } from '../domain/rota.js';
import type { DirectoryRepository } from '../ports/directory-repository.js';
import { addAssignmentEffect } from './assignment-effect.js';
import { assignAfter, type AutoAssign } from './auto-assign.js';
import { caseActionBase, caseRefSchema } from './shared/commands.js';
import { invalid, runCaseAction, type CaseDeps } from './shared/case-action.js';

export const transitionCaseCommand = z.object({
  ref: caseRefSchema,
  to: z.string().trim().min(1),
  ...caseActionBase,
});

/**
 * Moves a case along its workflow; the workflow says who may and what it requires. A
 * status the queue's rota takes (`rota.takes.statuses`) then hands the case to the
 * person on duty.
 */
export const makeTransitionCase =
  (
    deps: CaseDeps & {
      readonly autoAssign?: AutoAssign;
      readonly directory?: Pick<DirectoryRepository, 'findQueueByKey'>;
    },
  ) =>
  async (input: unknown) => {
    const command = transitionCaseCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const moved = await runCaseAction(deps, command.data, 'case::transition', async (action) => {
      // A status the queue's rota takes hands the case on: through the outbox too.
      const queue = deps.autoAssign
        ? await deps.directory?.findQueueByKey(action.current.queueKey)
        : undefined;
      return addAssignmentEffect(
        transitionCase(deps.workflow, action, command.data.to),
        'status-changed',
        rotaTakesStatus(queue?.rota, command.data.to),
      );
    });
    return assignAfter(moved, deps.autoAssign, 'status-change');
  };
