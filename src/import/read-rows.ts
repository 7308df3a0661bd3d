/**
 * Turns a CSV or JSON file into plain rows with their place in the file. CSV cells become
 * the JSON shape the schemas expect: lists split on `;`, booleans and the JSON columns
 * (`routing`, `workingHours`, `skills`, `assignment`, `rota`, `rates`) parsed, empty cells
 * left out.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse, type Info } from 'csv-parse/sync';
import type { DirectoryKind } from '../domain/directory.js';
import { columnsOf } from './kinds.js';
import type { ImportFormat, ImportIssue } from './report.js';

export interface SourceRow {
  readonly row: number;
  readonly line?: number;
  readonly data: unknown;
}

export interface SourceRows {
  readonly format: ImportFormat;
  readonly rows: readonly SourceRow[];
  /** Problems found while reading: unknown columns, cells that are not valid JSON. */
  readonly issues: readonly ImportIssue[];
}

const LIST_COLUMNS = new Set([
  'slackTeamIds',
  'teamsTenantIds',
  'roles',
  'queues',
  'members',
  'versions',
  'modules',
  'packages',
  'sessions',
  'supportKeys',
]);
const BOOLEAN_COLUMNS = new Set(['active', 'isDefault']);
const JSON_COLUMNS = new Set(['routing', 'workingHours', 'skills', 'assignment', 'rota', 'rates']);

const TRUE = /^(true|yes|y|1)$/i;
const FALSE = /^(false|no|n|0)$/i;

type Cell = { value: unknown } | { issue: string } | undefined;

/** Splits a list cell: `a; b;;c` → `['a', 'b', 'c']`. */
export const splitList = (cell: string): string[] =>
  cell
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

function convertCell(column: string, raw: string): Cell {
  const cell = raw.trim();
  if (cell === '') return undefined;
  if (LIST_COLUMNS.has(column)) return { value: splitList(cell) };
  if (BOOLEAN_COLUMNS.has(column)) {
    // Anything else stays a string, so the schema reports it as "expected boolean".
    return { value: TRUE.test(cell) ? true : FALSE.test(cell) ? false : cell };
  }
  if (JSON_COLUMNS.has(column)) {
    try {
      return { value: JSON.parse(cell) as unknown };
    } catch (error) {
      return { issue: `is not valid JSON (${(error as Error).message})` };
    }
  }
  return { value: cell };
}

// csv-parse reports the line a record ends on; a quoted cell may span several lines,
// and skipped blank lines before the record are part of its raw text.
const startLine = (raw: string, info: Info): number =>
  info.lines -
  (raw
    .replace(/^(\r?\n)+/, '')
    .replace(/\r?\n$/, '')
    .match(/\n/g)?.length ?? 0);

interface ParsedRecord {
  record: Record<string, string>;
  info: Info;
  raw: string;
}

function headerIssues(kind: DirectoryKind, header: readonly string[]): ImportIssue[] {
  const known = columnsOf(kind);
  return header.flatMap((column, index) => {
    if (!known.includes(column)) {
      return [
        {
          line: 1,
          field: column,
          message: `is not a column of ${kind} (known: ${known.join(', ')})`,
        },
      ];
    }
    // csv-parse keeps only the last of two equal columns; a silent loss of data.
    return header.indexOf(column) === index
      ? []
      : [{ line: 1, field: column, message: 'appears twice' }];
  });
}

function toSourceRow(
  kind: DirectoryKind,
  parsed: ParsedRecord,
  row: number,
  issues: ImportIssue[],
): SourceRow {
  const line = startLine(parsed.raw, parsed.info);
  const known = columnsOf(kind);
  const data: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(parsed.record)) {
    const cell = known.includes(column) ? convertCell(column, value) : undefined;
    if (cell !== undefined && 'issue' in cell)
      issues.push({ row, line, field: column, message: cell.issue });
    else if (cell !== undefined) data[column] = cell.value;
  }
  return { row, line, data };
}

/** Parses CSV with a header row; row 1 is the first record after the header. */
export function parseCsv(kind: DirectoryKind, text: string): SourceRows {
  let parsed: ParsedRecord[];
  let header: string[] = [];
  try {
    parsed = parse<ParsedRecord>(text, {
      bom: true,
      columns: (names: string[]) => (header = names.map((name) => name.trim())),
      info: true,
      raw: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { format: 'csv', rows: [], issues: [{ line, message: (error as Error).message }] };
  }
  const issues = headerIssues(kind, header);
  const rows = parsed.map((record, index) => toSourceRow(kind, record, index + 1, issues));
  return { format: 'csv', rows, issues };
}

export const rowsFromObjects = (items: readonly unknown[]): SourceRow[] =>
  items.map((data, index) => ({ row: index + 1, data }));

export function parseJson(text: string): SourceRows {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      format: 'json',
      rows: [],
      issues: [{ message: `is not valid JSON: ${(error as Error).message}` }],
    };
  }
  if (!Array.isArray(value)) {
    return { format: 'json', rows: [], issues: [{ message: 'must hold a JSON array of objects' }] };
  }
  return { format: 'json', rows: rowsFromObjects(value), issues: [] };
}

/** Reads `.csv` or `.json` by extension; unreadable files become issues, not exceptions. */
export async function readSourceFile(kind: DirectoryKind, filePath: string): Promise<SourceRows> {
  const extension = extname(filePath).toLowerCase();
  const format: ImportFormat = extension === '.csv' ? 'csv' : 'json';
  if (extension !== '.csv' && extension !== '.json') {
    return { format, rows: [], issues: [{ message: `${filePath}: use a .csv or .json file` }] };
  }
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    return {
      format,
      rows: [],
      issues: [{ message: `cannot read ${filePath}: ${(error as Error).message}` }],
    };
  }
  return format === 'csv' ? parseCsv(kind, text) : parseJson(text);
}
