import { z } from 'zod';
import { moveToCategory } from '../domain/case/status.js';
import { caseActionBase, caseRefSchema } from './shared/commands.js';
import { invalid, runCaseAction, type CaseDeps } from './shared/case-action.js';

export const closeCaseCommand = z.object({ ref: caseRefSchema, ...caseActionBase });

/** Closes along the workflow's edge into a closed status (requires the resolution sent). */
export const makeCloseCase = (deps: CaseDeps) => async (input: unknown) => {
  const command = closeCaseCommand.safeParse(input);
  if (!command.success) return invalid(command.error);
  return runCaseAction(deps, command.data, 'case::close', (action) =>
    moveToCategory(deps.workflow, action, ['closed']),
  );
};
