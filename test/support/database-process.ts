import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  ferretdbArgs,
  ferretdbBinary,
  mongodArgs,
  onPath,
} from '../../src/infra/database/candidates.js';
import {
  freePort,
  isAlive,
  spawnAndWait,
  type RunningServer,
} from '../../src/infra/database/server-process.js';

/**
 * A database server of a test's own, in its own process, on a fixed port and data folder,
 * so the test can kill it for real (`kill -9`) and start it again with the data it had.
 * The run's shared server is never touched. Uses `mongod` when it is on PATH, else the
 * project's patched FerretDB build (the same binaries `startDatabase` picks).
 */
export interface DatabaseProcess {
  /** Connection string with a database name of the test's own. */
  readonly uri: string;
  readonly pid: () => number;
  /** SIGKILL: no shutdown, no flush. Resolves once the port no longer answers. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and data (a no-op while it runs). */
  restart(): Promise<void>;
  /** Stops it and removes its files. */
  dispose(): Promise<void>;
}

const commandFor = (root: string, dir: string, port: number): [string, string[]] => {
  if (onPath('mongod')) return ['mongod', mongodArgs(dir, port)];
  const ferretdb = ferretdbBinary({ root });
  if (!ferretdb)
    throw new Error('no mongod on PATH and no FerretDB build in .tools/bin (run the tests once)');
  return [ferretdb, ferretdbArgs(dir, port)];
};

export const startDatabaseProcess = async (
  name: string,
  root = process.cwd(),
): Promise<DatabaseProcess> => {
  const dir = join(root, '.data', 'tmp', `${name}-${randomUUID().slice(0, 8)}`);
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const [command, args] = commandFor(root, dir, port);
  let server: RunningServer = await spawnAndWait(command, args, port);
  return {
    uri: `mongodb://127.0.0.1:${port}/caseline_${name.replace(/[^a-z0-9]/gi, '_')}`,
    pid: () => server.pid,
    async kill() {
      process.kill(server.pid, 'SIGKILL');
      // The port is free once the process is gone; waiting on it keeps restarts clean.
      while (isAlive(server.pid)) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    async restart() {
      // Only a killed server is started again: a second one would find the port taken,
      // answer no ping of its own, and outlive the test.
      if (isAlive(server.pid)) return;
      server = await spawnAndWait(command, args, port);
    },
    async dispose() {
      await server.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
