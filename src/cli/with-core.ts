import type { Result } from '../domain/result.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { composeCore, type Core } from '../composition.js';
import { loadConfig } from '../config.js';
import { startDatabase } from '../infra/database/index.js';
import { readServerState } from '../infra/database/state-file.js';
import { createLogger } from '../infra/logger.js';
import { createLoggingNotifier } from '../infra/logging-notifier.js';
import { connectMongo } from '../infra/mongo-connection.js';
import { chooseCliConfig } from './config-choice.js';

/**
 * Runs one CLI command against the database: MONGODB_URI, the running server's embedded
 * one when there is one (see `.data/server.json`), or a server started just for it; with
 * the configuration the running server uses unless CASELINE_CONFIG names one.
 */
export const withCore = async <T>(run: (core: Core) => Promise<T>): Promise<T> => {
  const cwd = process.cwd();
  const choice = chooseCliConfig(process.env, {
    cwd,
    server: readServerState(cwd),
    hasDefaultFile: existsSync(resolve(cwd, 'caseline.yaml')),
  });
  if (choice.note) process.stderr.write(`caseline: ${choice.note}\n`);
  const config = loadConfig(choice.env, cwd);
  const log = createLogger(config.env.LOG_LEVEL === 'info' ? 'warn' : config.env.LOG_LEVEL);
  const database = await startDatabase({
    mongodbUri: config.env.MONGODB_URI,
    root: cwd,
    log: () => undefined,
  });
  const connection = await connectMongo(database.uri);
  try {
    const core = await composeCore({
      config,
      connection,
      log,
      notifier: createLoggingNotifier(log),
    });
    return await run(core);
  } finally {
    await connection.close();
    await database.stop();
  }
};

/** The CLI acts as the system: an operator at the console with an admin's reach. */
export const CLI_ACTOR = { kind: 'system', name: 'caseline CLI' } as const;

export const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

/** A use case's value, or its refusal on stderr and exit code 1. */
export const valueOr = <T>(result: Result<T>): T =>
  result.ok ? result.value : fail(result.message);

/** A report as one line of JSON (`--json`) or as the command's own text. */
export const printReport = <T>(value: T, json: boolean | undefined, format: (value: T) => string) =>
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : format(value));
