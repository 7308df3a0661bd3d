import { z } from 'zod';
import { moveToCategory } from '../domain/case/status.js';
import { caseActionBase, caseRefSchema } from './shared/commands.js';
import { invalid, runCaseAction, type CaseDeps } from './shared/case-action.js';

export const reopenCaseCommand = z.object({ ref: caseRefSchema, ...caseActionBase });

/** Back to the workflow's reopen status; only admins may reopen a closed case. */
export const makeReopenCase = (deps: CaseDeps) => async (input: unknown) => {
  const command = reopenCaseCommand.safeParse(input);
  if (!command.success) return invalid(command.error);
  return runCaseAction(deps, command.data, 'case::reopen', (action) =>
    ['solved', 'closed'].includes(action.current.statusCategory)
      ? moveToCategory(
          deps.workflow,
          action,
          ['open', 'new', 'pending-internal'],
          deps.workflow.reopenTo,
        )
      : { ok: true as const, value: null },
  );
};
