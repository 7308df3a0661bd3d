import { z } from 'zod';
import { transitionCase } from '../domain/case/status.js';
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
  (deps: CaseDeps & { readonly autoAssign?: AutoAssign }) => async (input: unknown) => {
    const command = transitionCaseCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const moved = await runCaseAction(deps, command.data, 'case::transition', (action) =>
      transitionCase(deps.workflow, action, command.data.to),
    );
    return assignAfter(moved, deps.autoAssign, 'status-change');
  };
