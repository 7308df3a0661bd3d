/**
 * Start-up failures a person can fix: each is told in one line on stderr, without a stack
 * trace, and ends the process with its own exit code (README "Start-up and exit codes"),
 * so a supervisor or a script can tell "fix the config" from "the database is down".
 * Anything else thrown is a bug and keeps its stack.
 */
export const EXIT_CODES = {
  /** A command failed, or an unexpected error (a bug: its stack is printed). */
  failed: 1,
  /** The configuration (environment, caseline.yaml) or the command line is invalid. */
  invalidConfig: 2,
  /** The database cannot be reached, or no embedded database could be started. */
  databaseUnavailable: 3,
  /** The HTTP port cannot be listened on (in use, or not permitted). */
  cannotListen: 4,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

export class StartupError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}
