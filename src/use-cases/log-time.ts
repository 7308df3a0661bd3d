import { z } from 'zod';
import { logTime } from '../domain/case/communication.js';
import { caseRefSchema, actorSchema } from './shared/commands.js';
import { invalid, runCaseAction, type CaseDeps } from './shared/case-action.js';

export const logTimeCommand = z.object({
  ref: caseRefSchema,
  actor: actorSchema,
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  note: z.string().max(1000).optional(),
});

export const makeLogTime = (deps: CaseDeps) => async (input: unknown) => {
  const command = logTimeCommand.safeParse(input);
  if (!command.success) return invalid(command.error);
  return runCaseAction(deps, command.data, 'case::log-time', (action) =>
    logTime(action, command.data.note),
  );
};
