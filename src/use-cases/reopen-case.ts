import { z } from 'zod';
import { reopenCase } from '../domain/case/status.js';
import { caseActionBase, caseRefSchema } from './shared/commands.js';
import { invalid, runCaseAction, type CaseDeps } from './shared/case-action.js';

export const reopenCaseCommand = z.object({ ref: caseRefSchema, ...caseActionBase });

export interface ReopenCaseDeps extends CaseDeps {
  /** How long after closing a customer may still reopen their case (`intake.reopenWithinDays`). */
  readonly reopenWithinDays: number;
}

/** Back to the workflow's reopen status; a customer's closed case only within the window. */
export const makeReopenCase = (deps: ReopenCaseDeps) => async (input: unknown) => {
  const command = reopenCaseCommand.safeParse(input);
  if (!command.success) return invalid(command.error);
  return runCaseAction(deps, command.data, 'case::reopen', (action) =>
    reopenCase(deps.workflow, action, deps.reopenWithinDays),
  );
};
