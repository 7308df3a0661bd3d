import { z } from 'zod';
import { completeTask } from '../domain/case/work.js';
import { caseActionBase, caseRefSchema } from './shared/commands.js';
import { invalid, runCaseAction, type CaseDeps } from './shared/case-action.js';

export const completeTaskCommand = z.object({
  ref: caseRefSchema,
  taskId: z.string().min(1),
  handover: z.string().max(500).optional(),
  ...caseActionBase,
});

/** Completing a task records the handover reference (where the work went or came back from). */
export const makeCompleteTask = (deps: CaseDeps) => async (input: unknown) => {
  const command = completeTaskCommand.safeParse(input);
  if (!command.success) return invalid(command.error);
  return runCaseAction(deps, command.data, 'case::complete-task', (action) =>
    completeTask(deps.workflow, action, command.data.taskId, command.data.handover),
  );
};
