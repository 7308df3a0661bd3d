import { z } from 'zod';
import { setCasePriority } from '../domain/case/assignment.js';
import { PRIORITIES } from '../domain/priority.js';
import { caseActionBase, caseRefSchema } from './shared/commands.js';
import { invalid, runCaseAction, type CaseDeps } from './shared/case-action.js';

export const setCasePriorityCommand = z.object({
  ref: caseRefSchema,
  priority: z.enum(PRIORITIES),
  ...caseActionBase,
});

export const makeSetCasePriority = (deps: CaseDeps) => async (input: unknown) => {
  const command = setCasePriorityCommand.safeParse(input);
  if (!command.success) return invalid(command.error);
  return runCaseAction(deps, command.data, 'case::set-priority', (action) =>
    setCasePriority(action, command.data.priority),
  );
};
