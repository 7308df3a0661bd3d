/**
 * Expected failures are values, not exceptions (STYLE.md §5): every use case returns a
 * `Result`, and each adapter turns the stable `code` into friendly text in one place.
 */
export type FailureCode =
  | 'invalid-input'
  | 'not-found'
  | 'not-allowed'
  | 'invalid-transition'
  | 'requirement-missing'
  | 'already-claimed'
  | 'conflict';

export interface Failure {
  readonly ok: false;
  readonly code: FailureCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface Success<T> {
  readonly ok: true;
  readonly value: T;
}

export type Result<T> = Success<T> | Failure;

export const ok = <T>(value: T): Success<T> => ({ ok: true, value });

export const fail = (
  code: FailureCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Failure =>
  details === undefined ? { ok: false, code, message } : { ok: false, code, message, details };

/** One problem of a command that failed its schema; `forPeople` when its words are ours. */
export interface SchemaIssue {
  readonly path: string;
  readonly message: string;
  readonly forPeople: boolean;
}

/**
 * The problems of a failure that came from a schema (`description: Too big: …`), whose
 * message is exact for logs and the CLI but not meant for a person in chat; empty otherwise.
 */
export const schemaIssues = (failure: Pick<Failure, 'details'>): readonly SchemaIssue[] => {
  const issues = failure.details?.['issues'];
  return Array.isArray(issues) ? (issues as SchemaIssue[]) : [];
};
