import { relative } from 'node:path';
import { EXIT_CODES, StartupError } from '../startup-error.js';
import { mongoAddress } from './address.js';
import { CANDIDATES, type Candidate, type StartOptions } from './candidates.js';
import { reachDatabase } from './reach.js';
import { answersPing } from './server-process.js';
import { readServerState, removeServerState, writeServerState } from './state-file.js';

export type DatabaseKind = 'external' | Candidate['kind'];

export interface DatabaseHandle {
  readonly uri: string;
  readonly kind: DatabaseKind;
  /** Which server this is, for people: `mongodb://db.example:27017 (MONGODB_URI)`. */
  readonly description: string;
  /** Stops the server if this process started it; a no-op otherwise. */
  stop(): Promise<void>;
}

export interface DatabaseOptions extends Partial<StartOptions> {
  readonly mongodbUri?: string | undefined;
  readonly candidates?: readonly Candidate[];
  /**
   * Set by a server: the configuration file it loaded (absolute; null for built-in
   * defaults), recorded in `.data/server.json` for the CLI. A CLI command leaves it out.
   */
  readonly serving?: { readonly config: string | null };
}

const noop = async (): Promise<void> => undefined;

/**
 * Returns a MongoDB connection string: MONGODB_URI when given (once it answers), else the
 * first local server that starts (mongod, FerretDB, mongodb-memory-server). A persistent
 * embedded server records itself in `.data/server.json` (see state-file.ts).
 */
export const startDatabase = async (options: DatabaseOptions = {}): Promise<DatabaseHandle> => {
  const log = options.log ?? ((message: string) => process.stderr.write(`caseline: ${message}\n`));
  const start: StartOptions = {
    root: options.root ?? process.cwd(),
    ephemeral: options.ephemeral ?? false,
    log,
  };
  if (options.mongodbUri) return useExternal(options.mongodbUri, start, options.serving);
  if (!start.ephemeral) {
    const running = await findRunning(start.root, options.serving !== undefined);
    if (running) {
      const description = `the embedded ${running.kind} on ${mongoAddress(running.uri).hosts}, started by pid ${running.pid}`;
      log(`database: ${description}`);
      return { uri: running.uri, kind: running.kind, description, stop: noop };
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
      const description = [
        `embedded ${candidate.kind} on ${mongoAddress(server.uri).hosts}`,
        server.pid > 0 ? ` (pid ${server.pid})` : '',
        start.ephemeral ? ' (throwaway)' : '',
        server.dataDir && !start.ephemeral
          ? `, data in ${relative(start.root, server.dataDir)}`
          : '',
      ].join('');
      log(`database: ${description}`);
      if (!start.ephemeral)
        writeServerState(start.root, {
          pid: process.pid,
          kind: candidate.kind,
          uri: server.uri,
          ...(options.serving ? { config: options.serving.config } : {}),
        });
      return {
        uri: server.uri,
        kind: candidate.kind,
        description,
        stop: async () => {
          if (!start.ephemeral) removeServerState(start.root);
          await server.stop();
        },
      };
    } catch (error) {
      problems.push(`${candidate.kind}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new StartupError(
    EXIT_CODES.databaseUnavailable,
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

const useExternal = async (
  uri: string,
  start: StartOptions,
  serving: DatabaseOptions['serving'],
): Promise<DatabaseHandle> => {
  await reachDatabase(uri, 'MONGODB_URI');
  const description = `${mongoAddress(uri).display} (MONGODB_URI)`;
  start.log(`database: ${description}`);
  // The first server in a directory keeps the record; the URI itself is never written.
  const recorded = serving && !start.ephemeral && !readServerState(start.root);
  if (recorded && serving)
    writeServerState(start.root, { pid: process.pid, kind: 'external', config: serving.config });
  return {
    uri,
    kind: 'external',
    description,
    stop: async () => (recorded ? removeServerState(start.root) : undefined),
  };
};

const findRunning = async (
  root: string,
  serving: boolean,
): Promise<{ uri: string; kind: Candidate['kind']; pid: number } | undefined> => {
  const state = readServerState(root);
  if (!state) return undefined;
  if (state.kind === 'external' || !state.uri) {
    // A command on a local database would show none of the server's data.
    if (serving) return undefined;
    throw new StartupError(
      EXIT_CODES.invalidConfig,
      `the server running here (pid ${state.pid}) uses MONGODB_URI; set MONGODB_URI for this command too`,
    );
  }
  return (await answersPing(state.uri))
    ? { uri: state.uri, kind: state.kind, pid: state.pid }
    : undefined;
};
