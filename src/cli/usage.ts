import type { Command } from 'commander';
import { EXIT_CODES } from '../infra/startup-error.js';

/** A command line that cannot be run as typed: told in a line, exit code 2 (README). */
export const usageError = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(EXIT_CODES.invalidConfig);
};

/**
 * Commander's own refusals (an unknown option, a missing value) end with code 1 unless
 * told otherwise; on these commands they are usage errors like the rest.
 */
export const usageExitCodes = (command: Command): Command =>
  command.exitOverride((error) =>
    process.exit(error.exitCode === 0 ? 0 : EXIT_CODES.invalidConfig),
  );
