import { z } from 'zod';
import { ok, type Result } from '../domain/result.js';
import { STATUS_CATEGORIES } from '../domain/workflow/index.js';
import type { CaseRepository, CaseSummary } from '../ports/case-repository.js';
import { actorSchema } from './shared/commands.js';
import { invalid } from './shared/case-action.js';

export const listCasesCommand = z.object({
  actor: actorSchema,
  status: z.string().trim().min(1).optional(),
  categories: z.array(z.enum(STATUS_CATEGORIES)).optional(),
  queueKey: z.string().trim().min(1).optional(),
  organizationKey: z.string().trim().min(1).optional(),
  assigneeId: z.string().trim().min(1).optional(),
  contactId: z.string().trim().min(1).optional(),
  unassigned: z.boolean().optional(),
  limit: z.number().int().min(1).max(1000).default(100),
});

/** "Call up a list of items with a particular status": urgent first, then oldest. */
export const makeListCases =
  (deps: { readonly cases: CaseRepository }) =>
  async (input: unknown): Promise<Result<CaseSummary[]>> => {
    const command = listCasesCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const { actor, categories, ...filter } = command.data;
    // A customer's list is always narrowed to their own organization, whatever they ask.
    const scope = actor.kind === 'customer' ? { organizationId: actor.organizationId } : {};
    const cases = await deps.cases.list({
      ...filter,
      ...(categories ? { statusCategories: categories } : {}),
      ...scope,
    });
    return ok(cases);
  };
