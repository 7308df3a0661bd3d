import { z } from 'zod';
import { fail, ok, type Result } from '../../domain/result.js';
import {
  CLOCK_KINDS,
  deflectionOf,
  tallyCompliance,
  type ComplianceEntry,
  type SlaComplianceReport,
} from '../../domain/sla/index.js';
import type { CaseRepository } from '../../ports/case-repository.js';
import type { DirectoryRepository } from '../../ports/directory-repository.js';
import { actorSchema } from '../shared/commands.js';
import { invalid } from '../shared/case-action.js';
import { evaluateSla, type SlaDeps } from './arm-sla-timers.js';

export const reportSlaComplianceCommand = z.object({
  actor: actorSchema,
  days: z.number().int().min(1).max(365).default(30),
});

const MAX_CASES = 5_000;

/**
 * SLA compliance for leads: the cases opened in the last `days` and any still open, each
 * clock as of now — kept, broken, running, paused — by priority and organization, with
 * the clocks at risk and the broken promises still owed. Cases the customer solved with a
 * knowledge-base article are deflections, counted apart from what the desk kept. Staff only: it spans every
 * organization.
 */
export const makeReportSlaCompliance =
  (
    deps: SlaDeps & {
      readonly cases: Pick<CaseRepository, 'listStates'>;
      readonly directory: Pick<DirectoryRepository, 'listOrganizations'>;
    },
  ) =>
  async (input: unknown): Promise<Result<SlaComplianceReport & { readonly days: number }>> => {
    const command = reportSlaComplianceCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    if (command.data.actor.kind === 'customer')
      return fail('not-allowed', 'Reports are for the support team.');
    const now = deps.clock.now();
    const since = new Date(now.getTime() - command.data.days * 86_400_000);
    const [cases, organizations] = await Promise.all([
      deps.cases.listStates({ unsolvedOrCreatedSince: since, limit: MAX_CASES }),
      deps.directory.listOrganizations(),
    ]);
    const names = new Map(organizations.map((o) => [o.id, o.name]));
    const entries: ComplianceEntry[] = cases.map((state) => {
      const { clocks } = evaluateSla(deps, state);
      const deflection = deflectionOf(state);
      return {
        ...(deflection ? { deflection } : {}),
        caseNumber: state.number,
        organization: names.get(state.organizationId) ?? state.organizationKey,
        priority: state.priority,
        clocks: CLOCK_KINDS.map((kind) => clocks[kind]),
      };
    });
    return ok({ days: command.data.days, ...tallyCompliance(entries, now) });
  };
