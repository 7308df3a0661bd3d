import { z } from 'zod';
import { assignCase } from '../domain/case/assignment.js';
import { fail } from '../domain/result.js';
import type { DirectoryRepository } from '../ports/directory-repository.js';
import { caseActionBase, caseRefSchema } from './shared/commands.js';
import { invalid, runCaseAction, type CaseDeps } from './shared/case-action.js';

export const assignCaseCommand = z.object({
  ref: caseRefSchema,
  assigneeId: z.string().min(1),
  ...caseActionBase,
});

export const makeAssignCase =
  (deps: CaseDeps & { readonly directory: DirectoryRepository }) => async (input: unknown) => {
    const command = assignCaseCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const agent = await deps.directory.getAgent(command.data.assigneeId);
    if (!agent || !agent.active) return fail('not-found', 'No active agent with that id.');
    return runCaseAction(deps, command.data, 'case::assign', (action) =>
      assignCase(deps.workflow, action, { id: agent.id, name: agent.name }),
    );
  };
