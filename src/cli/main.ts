#!/usr/bin/env node
/** `caseline`: serve, import master data, list and show cases. */
import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import { ConfigError } from '../config.js';
import { guardProcess } from '../infra/process-guard.js';
import { EXIT_CODES, StartupError } from '../infra/startup-error.js';
import { registerCaseCommands } from './case-commands.js';
import { registerExportCommand } from './export-command.js';
import { registerImportCommand } from './import-command.js';
import { registerKbCommands } from './kb-commands.js';
import { registerReportCommands } from './report-commands.js';
import { packageVersion } from './version.js';

const program = new Command('caseline')
  .description('Caseline, the chat-first support desk')
  .version(packageVersion(), '-V, --version', 'print the version')
  .showHelpAfterError();

program
  .command('serve')
  .description('start the server (and an embedded database when MONGODB_URI is not set)')
  .addOption(new Option('--import-examples', 'import examples/ before serving (safe to repeat)'))
  .action(async (opts: { importExamples?: boolean }) => {
    const cwd = process.cwd();
    // Loaded only to serve: the chat SDKs and the server are most of the start-up time
    // of every other command (half a second each, for an import or a case list).
    const { serve } = await import('../main.js');
    const app = await serve({
      env: process.env,
      cwd,
      ...(opts.importExamples ? { importExamplesFrom: resolve(cwd, 'examples') } : {}),
    });
    // Signals, uncaught exceptions and unhandled rejections all end in the graceful shutdown.
    guardProcess({ log: app.log, shutdown: app.shutdown, exit: (code) => process.exit(code) });
  });

registerImportCommand(program);
registerCaseCommands(program);
registerKbCommands(program);
registerReportCommands(program);
registerExportCommand(program);

// Failures a person can fix are told in a line (a line per problem), with an exit code of
// their own; anything else is a bug, printed with its stack.
program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(EXIT_CODES.invalidConfig);
  }
  if (error instanceof StartupError) {
    process.stderr.write(`caseline: ${error.message}\n`);
    process.exit(error.exitCode);
  }
  process.stderr.write(
    `caseline: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(EXIT_CODES.failed);
});
