import { z } from 'zod';
import { ok, type Result } from '../domain/result.js';
import type { CaseRepository } from '../ports/case-repository.js';
import type { AutoAssign } from './auto-assign.js';
import { invalid } from './shared/case-action.js';

export const reassignCasesOfAgentCommand = z.object({ agentId: z.string().min(1) });

// A bound on one call's work; an agent with more open cases is handed on in later calls.
const LIMIT = 500;

/**
 * What to run when an agent becomes unavailable (away, out of office): each open case
 * they own is offered to its queue's strategy, which gives it to someone available or,
 * in a manual queue or with nobody free, leaves it with them. Each handover is its own
 * version-checked case action, so running this twice moves nothing twice.
 */
export const makeReassignCasesOfAgent =
  (deps: { readonly cases: CaseRepository; readonly autoAssign: AutoAssign }) =>
  async (input: unknown): Promise<Result<{ readonly reassigned: number }>> => {
    const command = reassignCasesOfAgentCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const owned = await deps.cases.list({
      assigneeId: command.data.agentId,
      statusCategories: ['new', 'open', 'pending-customer', 'pending-internal'],
      limit: LIMIT,
    });
    let reassigned = 0;
    for (const summary of owned) {
      const outcome = await deps.autoAssign({
        caseId: summary.id,
        trigger: 'owner-unavailable',
        from: command.data.agentId,
      });
      if (outcome.ok && outcome.value.kind === 'assign') reassigned += 1;
    }
    return ok({ reassigned });
  };
