/** Shared pieces of the reference checks: issue builders and "one owner per value" claims. */
import { DIRECTORY_KINDS, naturalKeyOf, type DirectoryKind } from '../domain/directory.js';
import type { DirectoryRecords } from '../store/directory/models.js';
import type { ImportTarget } from './target.js';
import type { ImportIssue } from './report.js';
import type { ValidRow } from './validate-rows.js';

export interface Checked<K extends DirectoryKind> {
  readonly issues: readonly ImportIssue[];
  /** Records ready to store; complete only when there are no issues. */
  readonly records: readonly DirectoryRecords[K][];
}

export type Check<K extends DirectoryKind> = (
  rows: readonly ValidRow<K>[],
  target: ImportTarget,
) => Promise<Checked<K>>;

export const issueAt = (
  source: { readonly row: number; readonly line?: number },
  field: string,
  message: string,
): ImportIssue =>
  source.line === undefined
    ? { row: source.row, field, message }
    : { row: source.row, line: source.line, field, message };

/** For a reference to a record that is neither stored nor importable from this file. */
export const missing = (
  source: { readonly row: number; readonly line?: number },
  field: string,
  what: string,
): ImportIssue =>
  issueAt(source, field, `${what} does not exist (import order: ${DIRECTORY_KINDS.join(', ')})`);

/** Natural keys of the rows in the file: stored records with these keys are being replaced. */
export const keysInFile = <K extends DirectoryKind>(
  kind: K,
  rows: readonly ValidRow<K>[],
): ReadonlySet<string> => new Set(rows.map((valid) => naturalKeyOf(kind, valid.input)));

/** A value (a Slack id, a support key) that only one owner may hold. */
export interface Claim {
  readonly value: string;
  readonly owner: string;
  /** How to name the holder in a message, e.g. `contact ann@acme.example` or `row 3`. */
  readonly holder: string;
}

export interface IncomingClaim extends Omit<Claim, 'holder'> {
  readonly source: { readonly row: number; readonly line?: number };
  readonly field: string;
}

/**
 * Reports every incoming claim on a value that a different owner already holds, either in
 * the database (`existing`, minus records the file replaces) or in an earlier row.
 */
export function clashes(
  label: string,
  existing: readonly Claim[],
  incoming: readonly IncomingClaim[],
): ImportIssue[] {
  const holders = new Map(existing.map((claim) => [claim.value, claim]));
  const issues: ImportIssue[] = [];
  for (const claim of incoming) {
    const holder = holders.get(claim.value);
    if (holder === undefined) {
      holders.set(claim.value, { ...claim, holder: `row ${claim.source.row}` });
    } else if (holder.owner !== claim.owner) {
      const message = `${label} ${claim.value} already belongs to ${holder.holder}`;
      issues.push(issueAt(claim.source, claim.field, message));
    }
  }
  return issues;
}

interface Person {
  readonly email: string;
}

/**
 * Clashes on a chat identity (Slack user, Teams user): each maps to one agent or one
 * contact, or an incoming message could not tell who wrote it. Stored people the file
 * replaces do not count, so a file may move an identity between its own rows.
 */
export function identityClashes<S extends Person, R extends Person>(
  label: string,
  field: string,
  holderKind: 'agent' | 'contact',
  stored: readonly S[],
  rows: readonly { readonly row: number; readonly line?: number; readonly input: R }[],
  identity: (person: S | R) => string | undefined,
): ImportIssue[] {
  const inFile = new Set(rows.map((source) => source.input.email));
  const existing = stored.flatMap((person) => {
    const value = identity(person);
    return value === undefined || inFile.has(person.email)
      ? []
      : [{ value, owner: person.email, holder: `${holderKind} ${person.email}` }];
  });
  const incoming = rows.flatMap((source) => {
    const value = identity(source.input);
    return value === undefined ? [] : [{ value, owner: source.input.email, source, field }];
  });
  return clashes(label, existing, incoming);
}

/** Maps natural keys to stored records, for reference lookups. */
export const indexBy = <T, V extends string>(items: readonly T[], key: (item: T) => V) =>
  new Map(items.map((item) => [key(item), item]));
