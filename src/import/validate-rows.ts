/**
 * Row-level validation: every row through the kind's zod schema, then duplicate natural
 * keys within the file. Nothing here touches the database.
 */
import type { z } from 'zod';
import {
  NATURAL_KEYS,
  naturalKeyOf,
  type DirectoryInputs,
  type DirectoryKind,
} from '../domain/directory.js';
import { inputSchemaOf } from './kinds.js';
import type { SourceRow } from './read-rows.js';
import type { ImportIssue } from './report.js';

export interface ValidRow<K extends DirectoryKind> {
  readonly row: number;
  readonly line?: number;
  readonly input: DirectoryInputs[K];
}

export interface RowValidation<K extends DirectoryKind> {
  readonly valid: readonly ValidRow<K>[];
  readonly issues: readonly ImportIssue[];
}

/** Trims strings and drops empty or null properties, so `""` and `null` mean "absent". */
export function normalizeValue(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(normalizeValue);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value)
    .map(([key, inner]) => [key, normalizeValue(inner)] as const)
    .filter(([, inner]) => inner !== '' && inner !== null && inner !== undefined);
  return Object.fromEntries(entries);
}

/** `['routing', 0, 'products']` → `routing[0].products`. */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (text, part) =>
      typeof part === 'number'
        ? `${text}[${part}]`
        : text === ''
          ? String(part)
          : `${text}.${String(part)}`,
    '',
  );

const place = (source: Pick<SourceRow, 'row' | 'line'>) =>
  source.line === undefined ? { row: source.row } : { row: source.row, line: source.line };

function zodIssues(source: SourceRow, error: z.ZodError): ImportIssue[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const field = formatPath([...issue.path, issue.keys.join(', ')]);
      return { ...place(source), field, message: 'is not a known field' };
    }
    const field = issue.path.length > 0 ? formatPath(issue.path) : undefined;
    return { ...place(source), ...(field === undefined ? {} : { field }), message: issue.message };
  });
}

// A missing value reads better as "is required" than as zod's "expected string, received undefined".
const requiredMessage = (issue: { code?: string; input?: unknown }): string | undefined =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined;

function duplicateIssues<K extends DirectoryKind>(
  kind: K,
  rows: readonly ValidRow<K>[],
): ImportIssue[] {
  const fields: readonly string[] = NATURAL_KEYS[kind];
  const firstRow = new Map<string, number>();
  const issues: ImportIssue[] = [];
  for (const valid of rows) {
    const key = naturalKeyOf(kind, valid.input);
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, valid.row);
    else {
      const message = `${key} repeats row ${first}; each ${fields.join(' + ')} may appear once`;
      issues.push({ ...place(valid), field: fields.join(', '), message });
    }
  }
  return issues;
}

export function validateRows<K extends DirectoryKind>(
  kind: K,
  rows: readonly SourceRow[],
): RowValidation<K> {
  const schema = inputSchemaOf(kind);
  const valid: ValidRow<K>[] = [];
  const issues: ImportIssue[] = [];
  for (const source of rows) {
    const data = normalizeValue(source.data);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      issues.push({ ...place(source), message: 'must be an object' });
      continue;
    }
    const result = schema.safeParse(data, { error: requiredMessage });
    if (result.success) valid.push({ ...place(source), input: result.data });
    else issues.push(...zodIssues(source, result.error));
  }
  return { valid, issues: [...issues, ...duplicateIssues(kind, valid)] };
}
