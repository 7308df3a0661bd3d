import { z } from 'zod';
import { ok, type Result } from '../domain/result.js';
import { parseStatusFilter, STATUS_CATEGORIES, type Workflow } from '../domain/workflow/index.js';
import type { CaseRepository, CaseSummary } from '../ports/case-repository.js';
import { actorSchema } from './shared/commands.js';
import { invalid } from './shared/case-action.js';

/** More than a screen can hold; a longer list is a report or an export, not a list. */
export const LIST_LIMIT_MAX = 1000;
export const LIST_LIMIT_DEFAULT = 100;

export const listCasesCommand = z.object({
  actor: actorSchema,
  /** A status id, a status name or a status category of the configured workflow. */
  status: z.string().trim().min(1).optional(),
  categories: z.array(z.enum(STATUS_CATEGORIES)).optional(),
  queueKey: z.string().trim().min(1).optional(),
  organizationKey: z.string().trim().min(1).optional(),
  assigneeId: z.string().trim().min(1).optional(),
  contactId: z.string().trim().min(1).optional(),
  unassigned: z.boolean().optional(),
  limit: z.number().int().min(1).max(LIST_LIMIT_MAX).default(LIST_LIMIT_DEFAULT),
});

/** One page of a list, with how many cases match in all: "showing 100 of 2,341". */
export interface CaseList {
  readonly cases: CaseSummary[];
  readonly total: number;
}

/** "Call up a list of items with a particular status": urgent first, then oldest. */
export const makeListCases =
  (deps: { readonly cases: CaseRepository; readonly workflow: Workflow }) =>
  async (input: unknown): Promise<Result<CaseList>> => {
    const command = listCasesCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const { actor, categories, status, ...filter } = command.data;
    const statusFilter =
      status === undefined ? undefined : parseStatusFilter(deps.workflow, status);
    if (statusFilter && !statusFilter.ok) return statusFilter;
    // A typed status (or category) narrows further than the caller's default categories.
    const byStatus = statusFilter
      ? 'status' in statusFilter.value
        ? { status: statusFilter.value.status }
        : { statusCategories: statusFilter.value.categories }
      : categories
        ? { statusCategories: categories }
        : {};
    // A customer's list is always narrowed to their own organization, whatever they ask.
    const scope = actor.kind === 'customer' ? { organizationId: actor.organizationId } : {};
    const query = { ...filter, ...byStatus, ...scope };
    const [cases, total] = await Promise.all([deps.cases.list(query), deps.cases.count(query)]);
    return ok({ cases, total });
  };
