import { z } from 'zod';
import {
  EXPORT_KINDS,
  columnsOf,
  rowsOf,
  type ExportKind,
  type ExportRow,
} from '../domain/export/rows.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { CaseStream, CaseStreamFilter } from '../ports/case-stream.js';
import type { DirectoryRepository } from '../ports/directory-repository.js';
import { actorSchema } from './shared/commands.js';
import { invalid } from './shared/case-action.js';

export const exportRecordsCommand = z.object({
  actor: actorSchema,
  kind: z.enum(EXPORT_KINDS),
  since: z.date().optional(),
  organizationKey: z.string().trim().min(1).optional(),
});

export interface RecordExport {
  readonly kind: ExportKind;
  readonly columns: readonly string[];
  /** How many cases the export reads (a progress bar's total), asked only by who needs it. */
  readonly countCases: () => Promise<number>;
  /** The rows of one case at a time, read from the database as they are consumed. */
  readonly rows: AsyncIterable<readonly ExportRow[]>;
}

/**
 * Every case (opened since `since`), or every history event (at or after `since`) with
 * internal notes and SLA events: an admin's export, so admins (and the CLI) only.
 */
export const makeExportRecords =
  (deps: {
    readonly stream: CaseStream;
    readonly directory: Pick<DirectoryRepository, 'findOrganizationByKey'>;
  }) =>
  async (input: unknown): Promise<Result<RecordExport>> => {
    const command = exportRecordsCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const { actor, kind, since, organizationKey } = command.data;
    if (actor.kind === 'customer' || (actor.kind === 'staff' && actor.role !== 'admin'))
      return fail('not-allowed', 'Exports hold internal notes: they are for admins.');
    const organization = organizationKey
      ? await deps.directory.findOrganizationByKey(organizationKey)
      : undefined;
    if (organizationKey && !organization)
      return fail('not-found', `There is no organization "${organizationKey}".`);
    const filter: CaseStreamFilter = {
      ...(organization ? { organizationId: organization.id } : {}),
      // An event since then changed its case since then; a case row counts from its opening.
      ...(since ? (kind === 'cases' ? { createdSince: since } : { updatedSince: since }) : {}),
    };
    async function* rows(): AsyncIterable<readonly ExportRow[]> {
      for await (const state of deps.stream.stream(filter)) yield rowsOf(kind, state, since);
    }
    return ok({
      kind,
      columns: columnsOf(kind),
      countCases: () => deps.stream.count(filter),
      rows: rows(),
    });
  };
