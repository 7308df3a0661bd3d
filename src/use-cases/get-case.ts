import { z } from 'zod';
import { viewCase, type CaseView } from '../domain/case/view.js';
import { fail, type Result } from '../domain/result.js';
import type { CaseRepository } from '../ports/case-repository.js';
import { actorSchema, caseRefSchema } from './shared/commands.js';
import { findCase, invalid } from './shared/case-action.js';

export const getCaseCommand = z.object({ ref: caseRefSchema, actor: actorSchema });

/** The case as this actor may see it: customers get the public side of their own cases only. */
export const makeGetCase =
  (deps: { readonly cases: CaseRepository }) =>
  async (input: unknown): Promise<Result<CaseView>> => {
    const command = getCaseCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const found = await findCase(deps.cases, command.data.ref);
    if (!found) return fail('not-found', 'No such case.');
    return viewCase(found, command.data.actor);
  };
