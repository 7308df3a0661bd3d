import { z } from 'zod';
import { claimCase } from '../domain/case/assignment.js';
import { fail } from '../domain/result.js';
import { caseActionBase, caseRefSchema } from './shared/commands.js';
import { invalid, runCaseAction, type CaseDeps } from './shared/case-action.js';

export const claimCaseCommand = z.object({ ref: caseRefSchema, ...caseActionBase });

/** The acting agent takes the case; exactly one of many simultaneous clicks wins. */
export const makeClaimCase = (deps: CaseDeps) => async (input: unknown) => {
  const command = claimCaseCommand.safeParse(input);
  if (!command.success) return invalid(command.error);
  const { actor } = command.data;
  if (actor.kind !== 'staff') return fail('not-allowed', 'Only agents can claim cases.');
  return runCaseAction(deps, command.data, 'case::claim', (action) =>
    claimCase(deps.workflow, action, { id: actor.agentId, name: actor.name }),
  );
};
