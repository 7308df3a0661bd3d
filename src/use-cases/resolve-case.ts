import { z } from 'zod';
import { resolveCase } from '../domain/case/status.js';
import { RESOLUTION_TYPES } from '../domain/resolution.js';
import { caseActionBase, caseRefSchema } from './shared/commands.js';
import { invalid, runCaseAction, type CaseDeps } from './shared/case-action.js';
import { recordNothing, type RecordKbEvidence } from './shared/record-kb-evidence.js';

// The resolution's own rules (doc link for works-as-designed) are checked in the domain,
// so every transport gets the same message.
export const resolveCaseCommand = z.object({
  ref: caseRefSchema,
  resolution: z.object({
    type: z.enum(RESOLUTION_TYPES),
    text: z.string(),
    docLink: z.string().optional(),
    /** The knowledge-base article the agent cites as the answer (learned from). */
    article: z.string().optional(),
  }),
  ...caseActionBase,
});

/** Resolving citing an article remembers the customer's words as evidence for it. */
export const makeResolveCase =
  (deps: CaseDeps & { readonly recordEvidence?: RecordKbEvidence }) => async (input: unknown) => {
    const command = resolveCaseCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const outcome = await runCaseAction(deps, command.data, 'case::resolve', (action) =>
      resolveCase(deps.workflow, action, command.data.resolution),
    );
    const article = command.data.resolution.article;
    if (outcome.ok && article && outcome.value.case.resolution?.article === article)
      await (deps.recordEvidence ?? recordNothing)(outcome.value.case, article, 'cited');
    return outcome;
  };
