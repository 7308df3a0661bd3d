import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CANDIDATES, type Candidate, type StartOptions } from './candidates.js';
import { answersPing, isAlive } from './server-process.js';

export type DatabaseKind = 'external' | Candidate['kind'];

export interface DatabaseHandle {
  readonly uri: string;
  readonly kind: DatabaseKind;
  /** Stops the server if this process started it; a no-op otherwise. */
  stop(): Promise<void>;
}

export interface DatabaseOptions extends Partial<StartOptions> {
  readonly mongodbUri?: string | undefined;
  readonly candidates?: readonly Candidate[];
}

const noop = async (): Promise<void> => undefined;

/**
 * Returns a MongoDB connection string: MONGODB_URI when given, else the first local
 * server that starts (mongod, FerretDB, mongodb-memory-server). A persistent embedded
 * server records itself in `.data/server.json`, so the CLI run beside `npm start`
 * reuses it instead of opening the same files twice.
 */
export const startDatabase = async (options: DatabaseOptions = {}): Promise<DatabaseHandle> => {
  const log = options.log ?? ((message: string) => process.stderr.write(`caseline: ${message}\n`));
  if (options.mongodbUri) {
    log('database: MONGODB_URI');
    return { uri: options.mongodbUri, kind: 'external', stop: noop };
  }
  const start: StartOptions = {
    root: options.root ?? process.cwd(),
    ephemeral: options.ephemeral ?? false,
    log,
  };
  if (!start.ephemeral) {
    const running = await findRunning(start.root);
    if (running) {
      log(`database: reusing the embedded ${running.kind} at ${running.uri}`);
      return { ...running, stop: noop };
    }
  }
  const problems: string[] = [];
  for (const candidate of options.candidates ?? CANDIDATES) {
    const why = candidate.unavailable(start);
    if (why) {
      problems.push(`${candidate.kind}: ${why}`);
      continue;
    }
    try {
      const server = await candidate.start(start);
      log(`database: ${candidate.kind} on ${server.uri}${start.ephemeral ? ' (throwaway)' : ''}`);
      if (!start.ephemeral)
        record(start.root, { uri: server.uri, kind: candidate.kind, pid: process.pid });
      return {
        uri: server.uri,
        kind: candidate.kind,
        stop: async () => {
          if (!start.ephemeral) rmSync(statePath(start.root), { force: true });
          await server.stop();
        },
      };
    } catch (error) {
      problems.push(`${candidate.kind}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(
    [
      'No MongoDB-compatible server could be started. Options, in the order tried:',
      '  1. set MONGODB_URI to a MongoDB you run (e.g. mongodb://127.0.0.1:27017/caseline)',
      '  2. put `mongod` on PATH',
      '  3. install Go >= 1.22 so FerretDB 1.24 can be built into .tools/bin',
      '  4. allow mongodb-memory-server to download mongod (needs internet access)',
      'What happened:',
      ...problems.map((problem) => `  - ${problem}`),
    ].join('\n'),
  );
};

interface Recorded {
  uri: string;
  kind: DatabaseKind;
  pid: number;
}

const statePath = (root: string): string => join(root, '.data', 'server.json');

const record = (root: string, state: Recorded): void =>
  writeFileSync(statePath(root), JSON.stringify(state));

const findRunning = async (root: string): Promise<Recorded | undefined> => {
  if (!existsSync(statePath(root))) return undefined;
  try {
    const state = JSON.parse(readFileSync(statePath(root), 'utf8')) as Recorded;
    if (isAlive(state.pid) && (await answersPing(state.uri))) return state;
  } catch {
    // A torn or stale file means nobody is serving; start afresh.
  }
  return undefined;
};
