import { z } from 'zod';
import { transitionCase } from '../domain/case/status.js';
import { caseActionBase, caseRefSchema } from './shared/commands.js';
import { invalid, runCaseAction, type CaseDeps } from './shared/case-action.js';

export const transitionCaseCommand = z.object({
  ref: caseRefSchema,
  to: z.string().trim().min(1),
  ...caseActionBase,
});

/** Moves a case along its workflow; the workflow says who may and what it requires. */
export const makeTransitionCase = (deps: CaseDeps) => async (input: unknown) => {
  const command = transitionCaseCommand.safeParse(input);
  if (!command.success) return invalid(command.error);
  return runCaseAction(deps, command.data, 'case::transition', (action) =>
    transitionCase(deps.workflow, action, command.data.to),
  );
};
