import { z } from 'zod';
import { summarizeWorkload, type WorkloadRow } from '../domain/case/csat-report.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { AgentAvailability } from '../ports/agent-availability.js';
import type { CaseRepository } from '../ports/case-repository.js';
import type { Clock } from '../ports/clock.js';
import type { DirectoryRepository } from '../ports/directory-repository.js';
import { actorSchema } from './shared/commands.js';
import { invalid } from './shared/case-action.js';

export const reportWorkloadCommand = z.object({ actor: actorSchema });

const OPEN = ['new', 'open', 'pending-customer', 'pending-internal'] as const;
const MAX_CASES = 20_000;

/** Open cases per agent, by priority, with whether each agent can take work now. */
export const makeReportWorkload =
  (deps: {
    readonly cases: Pick<CaseRepository, 'list'>;
    readonly directory: Pick<DirectoryRepository, 'listAgents'>;
    readonly availability: AgentAvailability;
    readonly clock: Clock;
  }) =>
  async (input: unknown): Promise<Result<WorkloadRow[]>> => {
    const command = reportWorkloadCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    if (command.data.actor.kind === 'customer')
      return fail('not-allowed', 'Reports are for the support team.');
    const [open, agents] = await Promise.all([
      deps.cases.list({ statusCategories: [...OPEN], limit: MAX_CASES }),
      deps.directory.listAgents(),
    ]);
    const active = agents.filter((agent) => agent.active);
    const available = await deps.availability.availableAmong(
      active.map((agent) => agent.id),
      deps.clock.now(),
    );
    return ok(summarizeWorkload(open, active, available));
  };
