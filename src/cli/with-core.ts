import { composeCore, type Core } from '../composition.js';
import { loadConfig } from '../config.js';
import { startDatabase } from '../infra/database/index.js';
import { createLogger } from '../infra/logger.js';
import { createLoggingNotifier } from '../infra/logging-notifier.js';
import { connectMongo } from '../infra/mongo-connection.js';

/**
 * Runs one CLI command against the database: the running server's embedded one when
 * there is one (see `.data/server.json`), MONGODB_URI, or a server started just for it.
 */
export const withCore = async <T>(run: (core: Core) => Promise<T>): Promise<T> => {
  const config = loadConfig(process.env);
  const log = createLogger(config.env.LOG_LEVEL === 'info' ? 'warn' : config.env.LOG_LEVEL);
  const database = await startDatabase({
    mongodbUri: config.env.MONGODB_URI,
    root: process.cwd(),
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
