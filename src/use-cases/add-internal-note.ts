import { z } from 'zod';
import { addInternalNote } from '../domain/case/communication.js';
import { caseActionBase, caseRefSchema } from './shared/commands.js';
import { invalid, runCaseAction, type CaseDeps } from './shared/case-action.js';

export const addInternalNoteCommand = z.object({
  ref: caseRefSchema,
  text: z.string(),
  sourceId: z.string().min(1).max(300).optional(),
  ...caseActionBase,
});

/** Staff-only; the permission table keeps customers out, the domain keeps it internal. */
export const makeAddInternalNote = (deps: CaseDeps) => async (input: unknown) => {
  const command = addInternalNoteCommand.safeParse(input);
  if (!command.success) return invalid(command.error);
  return runCaseAction(deps, command.data, 'case::note', (action) =>
    addInternalNote(
      action,
      command.data.text,
      command.data.sourceId ? { id: command.data.sourceId } : undefined,
    ),
  );
};
