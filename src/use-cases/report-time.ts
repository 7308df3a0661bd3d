import { z } from 'zod';
import {
  parseBillingMonth,
  priceTimeEntries,
  summarizeTime,
  timeEntriesOf,
  type BillingContract,
  type BillingMonth,
  type InvoiceLine,
  type OrganizationTime,
  type TimeEntry,
} from '../domain/billing/index.js';
import type { Contract, Organization } from '../domain/directory.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { CaseStream } from '../ports/case-stream.js';
import type { DirectoryRepository } from '../ports/directory-repository.js';
import { actorSchema } from './shared/commands.js';
import { invalid } from './shared/case-action.js';

export const reportTimeCommand = z.object({
  actor: actorSchema,
  month: z.string(),
  organizationKey: z.string().trim().min(1).optional(),
});

export interface TimeReport {
  readonly month: BillingMonth;
  /** One per time entry, in time order: the month's invoice lines. */
  readonly lines: readonly InvoiceLine[];
  readonly organizations: readonly (OrganizationTime & { readonly name: string })[];
}

type Deps = {
  readonly stream: Pick<CaseStream, 'stream'>;
  readonly directory: Pick<
    DirectoryRepository,
    'findOrganizationByKey' | 'listOrganizations' | 'listContracts'
  >;
};

const inForce = (contract: Contract, at: Date): boolean => {
  const day = at.toISOString().slice(0, 10);
  return contract.startsOn <= day && day <= contract.expiresOn;
};

/**
 * The contract an entry is billed under: the case's own (found at intake by support key or
 * installation), else the organization's contract in force that day, the one that expires
 * last when several are (the directory lists them so).
 */
const contractsOf =
  (byOrganization: ReadonlyMap<string, readonly Contract[]>) =>
  (entry: TimeEntry): BillingContract | undefined => {
    const contracts = byOrganization.get(entry.organizationId) ?? [];
    return (
      contracts.find((c) => c.id === entry.contractId) ??
      contracts.find((c) => inForce(c, entry.at))
    );
  };

/** Minutes logged in a month per organization, case and action, priced by the contracts. */
export const makeReportTime =
  (deps: Deps) =>
  async (input: unknown): Promise<Result<TimeReport>> => {
    const command = reportTimeCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const { actor, organizationKey } = command.data;
    if (actor.kind === 'customer' || (actor.kind === 'staff' && actor.role === 'agent'))
      return fail('not-allowed', 'Time and billing reports are for leads and admins.');
    const month = parseBillingMonth(command.data.month);
    if (!month)
      return fail(
        'invalid-input',
        `A month is written as YYYY-MM, such as 2026-11, not "${command.data.month}".`,
      );
    const only = organizationKey
      ? await deps.directory.findOrganizationByKey(organizationKey)
      : undefined;
    if (organizationKey && !only)
      return fail('not-found', `There is no organization "${organizationKey}".`);
    const entries: TimeEntry[] = [];
    // Every case with an entry in the month was opened before its end and changed since its start.
    for await (const state of deps.stream.stream({
      withMinutesLogged: true,
      updatedSince: month.start,
      createdBefore: month.end,
      ...(only ? { organizationId: only.id } : {}),
    }))
      entries.push(...timeEntriesOf(state, month));
    const organizations = only ? [only] : await deps.directory.listOrganizations();
    const seen = new Set(entries.map((entry) => entry.organizationId));
    const contracts = new Map<string, readonly Contract[]>();
    for (const organization of organizations.filter((o) => seen.has(o.id)))
      contracts.set(organization.id, await deps.directory.listContracts(organization.id));
    const lines = priceTimeEntries(entries, contractsOf(contracts));
    const names = new Map(organizations.map((o: Organization) => [o.key, o.name]));
    return ok({
      month,
      lines,
      organizations: summarizeTime(lines).map((org) => ({
        ...org,
        name: names.get(org.organizationKey) ?? org.organizationKey,
      })),
    });
  };
