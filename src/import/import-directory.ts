/**
 * The import engine: read → validate every row → check references against the database →
 * upsert by natural key. Any problem anywhere means nothing is written, and the report
 * lists every problem at once so the admin fixes the file in one pass.
 */
import type { Connection } from 'mongoose';
import type { DirectoryKind } from '../domain/directory.js';
import { checkReferences } from './check-references.js';
import { readSourceFile, rowsFromObjects, type SourceRows } from './read-rows.js';
import type { ImportFormat, ImportIssue, ImportReport } from './report.js';
import { connectionImportTarget, type ImportTarget } from './target.js';
import { validateRows } from './validate-rows.js';

/** Rows already parsed (JSON semantics: lists are arrays), or a `.csv` / `.json` file. */
export type ImportSource = { readonly rows: readonly unknown[] } | { readonly filePath: string };

/** A mongoose connection (models and indexes are set up on it), or a ready target. */
export type ImportDestination =
  { readonly connection: Connection } | { readonly target: ImportTarget };

export type ImportDirectoryOptions = ImportSource &
  ImportDestination & {
    readonly kind: DirectoryKind;
    /** Called after every batch (and once with 0 before the first), unchanged rows included. */
    readonly onProgress?: (done: number, total: number) => void;
    /** Records per bulkWrite; 50 unless given (see UpsertOptions). */
    readonly batchSize?: number;
  };

const byPlace = (a: ImportIssue, b: ImportIssue): number =>
  (a.row ?? 0) - (b.row ?? 0) || (a.line ?? 0) - (b.line ?? 0);

const readSource = (options: ImportDirectoryOptions): Promise<SourceRows> | SourceRows =>
  'filePath' in options
    ? readSourceFile(options.kind, options.filePath)
    : { format: 'json', rows: rowsFromObjects(options.rows), issues: [] };

const failure = (
  kind: DirectoryKind,
  format: ImportFormat,
  total: number,
  issues: readonly ImportIssue[],
): ImportReport => ({ ok: false, kind, format, total, issues: [...issues].sort(byPlace) });

export async function importDirectory(options: ImportDirectoryOptions): Promise<ImportReport> {
  const { kind, onProgress, batchSize } = options;
  const source = await readSource(options);
  const total = source.rows.length;
  const validation = validateRows(kind, source.rows);
  const readIssues = [...source.issues, ...validation.issues];
  // A file that cannot be parsed has no rows worth checking against the database.
  if (total === 0 && readIssues.length > 0) return failure(kind, source.format, total, readIssues);
  const target =
    'target' in options ? options.target : await connectionImportTarget(options.connection);
  // Valid rows are still checked against the database so every problem shows up at once.
  const checked = await checkReferences(kind, validation.valid, target);
  const issues = [...readIssues, ...checked.issues];
  if (issues.length > 0) return failure(kind, source.format, total, issues);
  const counts = await target.upsert(kind, checked.records, {
    ...(onProgress === undefined ? {} : { onProgress }),
    ...(batchSize === undefined ? {} : { batchSize }),
  });
  return { ok: true, kind, format: source.format, total, ...counts };
}
