import { z } from 'zod';
import {
  explainRefusal,
  WRITTEN_ACTIONS,
  type RefusalExplanation,
} from '../domain/case/refusal.js';
import { canSee } from '../domain/case/view.js';
import { ok, type FailureCode, type Result } from '../domain/result.js';
import type { Workflow } from '../domain/workflow/index.js';
import type { CaseRepository } from '../ports/case-repository.js';
import type { Clock } from '../ports/clock.js';
import { actorSchema, caseRefSchema } from './shared/commands.js';
import { findCase, invalid } from './shared/case-action.js';

const FAILURE_CODES = [
  'invalid-input',
  'not-found',
  'not-allowed',
  'invalid-transition',
  'requirement-missing',
  'already-claimed',
  'conflict',
] as const satisfies readonly FailureCode[];

export const explainRefusalCommand = z.object({
  ref: caseRefSchema,
  actor: actorSchema,
  action: z.enum(WRITTEN_ACTIONS),
  failure: z.object({ code: z.enum(FAILURE_CODES), message: z.string() }),
  text: z.string().optional(),
});

/**
 * Reads the case again after a refusal, as the refused person may see it, to say what
 * happened to it since their form was opened ("Ben Ito resolved CASE-1003 a moment ago").
 */
export const makeExplainRefusal =
  (deps: { readonly cases: CaseRepository; readonly clock: Clock; readonly workflow: Workflow }) =>
  async (input: unknown): Promise<Result<RefusalExplanation>> => {
    const command = explainRefusalCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const { ref, actor } = command.data;
    const found = await findCase(deps.cases, ref);
    const state = found && canSee(found, actor) ? found : undefined;
    return ok(
      explainRefusal({ ...command.data, state, workflow: deps.workflow, now: deps.clock.now() }),
    );
  };
