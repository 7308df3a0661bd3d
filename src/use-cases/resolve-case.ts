import { z } from 'zod';
import { resolveCase } from '../domain/case/status.js';
import { RESOLUTION_TYPES } from '../domain/resolution.js';
import { caseActionBase, caseRefSchema } from './shared/commands.js';
import { invalid, runCaseAction, type CaseDeps } from './shared/case-action.js';

// The resolution's own rules (doc link for works-as-designed) are checked in the domain,
// so every transport gets the same message.
export const resolveCaseCommand = z.object({
  ref: caseRefSchema,
  resolution: z.object({
    type: z.enum(RESOLUTION_TYPES),
    text: z.string(),
    docLink: z.string().optional(),
  }),
  ...caseActionBase,
});

export const makeResolveCase = (deps: CaseDeps) => async (input: unknown) => {
  const command = resolveCaseCommand.safeParse(input);
  if (!command.success) return invalid(command.error);
  return runCaseAction(deps, command.data, 'case::resolve', (action) =>
    resolveCase(deps.workflow, action, command.data.resolution),
  );
};
