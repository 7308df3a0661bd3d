import { z } from 'zod';
import { csatAnswersSince, summarizeCsat, type CsatReport } from '../domain/case/csat-report.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { CaseRepository } from '../ports/case-repository.js';
import type { Clock } from '../ports/clock.js';
import type { DirectoryRepository } from '../ports/directory-repository.js';
import { actorSchema } from './shared/commands.js';
import { invalid } from './shared/case-action.js';

export const reportCsatCommand = z.object({
  actor: actorSchema,
  days: z.number().int().min(1).max(365).default(30),
});

const MAX_CASES = 20_000;
const DAY_MS = 86_400_000;

/**
 * Customer satisfaction over the last `days`: the answers given in that time, by agent,
 * queue and organization. Staff only: it names every organization.
 */
export const makeReportCsat =
  (deps: {
    readonly cases: Pick<CaseRepository, 'listStates'>;
    readonly directory: Pick<DirectoryRepository, 'listQueues' | 'listOrganizations'>;
    readonly clock: Clock;
  }) =>
  async (input: unknown): Promise<Result<CsatReport>> => {
    const command = reportCsatCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    if (command.data.actor.kind === 'customer')
      return fail('not-allowed', 'Reports are for the support team.');
    const since = new Date(deps.clock.now().getTime() - command.data.days * DAY_MS);
    // An answer touches its case, so every case answered since then was updated since.
    const [states, queues, organizations] = await Promise.all([
      deps.cases.listStates({ updatedSince: since, limit: MAX_CASES }),
      deps.directory.listQueues(),
      deps.directory.listOrganizations(),
    ]);
    return ok(
      summarizeCsat(csatAnswersSince(states, since), command.data.days, {
        queues: new Map(queues.map((q) => [q.key, q.name])),
        organizations: new Map(organizations.map((o) => [o.key, o.name])),
      }),
    );
  };
