import { z } from 'zod';
import { createTask } from '../domain/case/work.js';
import { caseActionBase, caseRefSchema } from './shared/commands.js';
import { invalid, runCaseAction, type CaseDeps } from './shared/case-action.js';

export const createTaskCommand = z.object({
  ref: caseRefSchema,
  title: z.string().max(200),
  assigneeId: z.string().optional(),
  assigneeName: z.string().optional(),
  handover: z.string().max(500).optional(),
  ...caseActionBase,
});

export const makeCreateTask = (deps: CaseDeps) => async (input: unknown) => {
  const command = createTaskCommand.safeParse(input);
  if (!command.success) return invalid(command.error);
  const { ref: _ref, actor: _actor, minutes: _minutes, ...task } = command.data;
  return runCaseAction(deps, command.data, 'case::create-task', (action) =>
    createTask(deps.workflow, action, task),
  );
};
