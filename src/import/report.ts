import type { DirectoryKind } from '../domain/directory.js';

/**
 * One problem found in an import. `row` counts data records from 1 (in a CSV file, row 1
 * is the first record after the header; in JSON, the first element of the array). `line`
 * is the CSV file line where the record starts (the header is line 1). Problems with the
 * file as a whole have no row.
 */
export interface ImportIssue {
  readonly row?: number;
  readonly line?: number;
  /** Dotted path of the field, e.g. `routing[0].products[1]`. */
  readonly field?: string;
  readonly message: string;
}

export type ImportFormat = 'csv' | 'json';

export interface ImportSuccess {
  readonly ok: true;
  readonly kind: DirectoryKind;
  readonly format: ImportFormat;
  readonly total: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** Nothing was written: one bad row rejects the whole file. */
export interface ImportFailure {
  readonly ok: false;
  readonly kind: DirectoryKind;
  readonly format: ImportFormat;
  readonly total: number;
  readonly issues: readonly ImportIssue[];
}

export type ImportReport = ImportSuccess | ImportFailure;

const where = (issue: ImportIssue, format: ImportFormat): string => {
  if (issue.row === undefined) return issue.line === undefined ? 'file' : `line ${issue.line}`;
  if (format === 'csv' && issue.line !== undefined) return `line ${issue.line} (row ${issue.row})`;
  return format === 'csv' ? `row ${issue.row}` : `item ${issue.row}`;
};

/** Plain text for the CLI: the counts, or every problem (up to `maxIssues`) with its place. */
export function formatImportReport(report: ImportReport, maxIssues = 200): string {
  if (report.ok) {
    const { kind, total, inserted, updated, unchanged } = report;
    return `Imported ${total} ${kind}: ${inserted} inserted, ${updated} updated, ${unchanged} unchanged.`;
  }
  const counting =
    report.format === 'csv'
      ? 'Lines count from the header (line 1); rows count records after it.'
      : 'Items count the array elements from 1.';
  const shown = report.issues.slice(0, maxIssues).map((issue) => {
    const field = issue.field === undefined ? '' : ` ${issue.field}:`;
    return `  ${where(issue, report.format)}:${field} ${issue.message}`;
  });
  const hidden = report.issues.length - shown.length;
  return [
    `Nothing imported: ${report.issues.length} problem(s) in ${report.total} ${report.kind}. ${counting}`,
    ...shown,
    ...(hidden > 0 ? [`  … and ${hidden} more`] : []),
  ].join('\n');
}
