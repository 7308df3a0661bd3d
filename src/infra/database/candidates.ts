import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort, spawnAndWait, type RunningServer } from './server-process.js';

export interface StartOptions {
  /** Project root: `.data/` and `.tools/` live under it. */
  readonly root: string;
  /** A throwaway server (tests): no data kept on disk. */
  readonly ephemeral: boolean;
  readonly log: (message: string) => void;
}

export interface Candidate {
  readonly kind: 'mongod' | 'ferretdb' | 'mongodb-memory-server';
  /** Why this candidate cannot be used here, or undefined when it can be tried. */
  unavailable(options: StartOptions): string | undefined;
  start(options: StartOptions): Promise<RunningServer>;
}

export const onPath = (command: string): string | undefined => {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
};

const dataDir = (options: StartOptions, name: string): string => {
  const dir = options.ephemeral
    ? join(options.root, '.data', 'tmp', `${name}-${process.pid}-${Date.now()}`)
    : join(options.root, '.data', name);
  mkdirSync(dir, { recursive: true });
  return dir;
};

/** A throwaway server's files go with it. */
const cleanupAfter = (server: RunningServer, dir: string, ephemeral: boolean): RunningServer =>
  ephemeral
    ? {
        ...server,
        stop: async () => {
          await server.stop();
          rmSync(dir, { recursive: true, force: true });
        },
      }
    : { ...server, dataDir: dir };

/** How each server is started on a data folder and loopback port (tests restart them too). */
export const mongodArgs = (dir: string, port: number): string[] => [
  '--bind_ip',
  '127.0.0.1',
  '--port',
  String(port),
  '--dbpath',
  dir,
  '--quiet',
];

export const ferretdbArgs = (dir: string, port: number): string[] => [
  '--handler=sqlite',
  `--sqlite-url=file:${dir}/`,
  `--listen-addr=127.0.0.1:${port}`,
  '--telemetry=disable',
  '--debug-addr=-',
  `--state-dir=${dir}`,
  '--log-level=error',
];

export const mongod: Candidate = {
  kind: 'mongod',
  unavailable: () => (onPath('mongod') ? undefined : 'no `mongod` on PATH'),
  async start(options) {
    const port = await freePort();
    const dbpath = dataDir(options, 'mongod');
    const server = await spawnAndWait('mongod', mongodArgs(dbpath, port), port);
    return cleanupAfter(server, dbpath, options.ephemeral);
  },
};

// Our build carries a patch (scripts/ferretdb/), so a stock `ferretdb` on PATH is not used.
const ferretdbStamp = (root: string): string =>
  readFileSync(join(root, 'scripts', 'ferretdb', 'STAMP'), 'utf8').trim();

export const ferretdbBinary = (options: Pick<StartOptions, 'root'>): string | undefined => {
  const local = join(options.root, '.tools', 'bin', 'ferretdb');
  const stamp = join(options.root, '.tools', 'bin', 'ferretdb.version');
  if (!existsSync(local) || !existsSync(stamp)) return undefined;
  const [version, patch] = readFileSync(stamp, 'utf8').trim().split(' ');
  return version?.startsWith('v1.24.') && patch === ferretdbStamp(options.root) ? local : undefined;
};

const buildFerretdb = (options: StartOptions): string => {
  options.log(
    'Building FerretDB 1.24 with Go into .tools/bin (first time only; this can take a few minutes)...',
  );
  const started = Date.now();
  execFileSync(
    'bash',
    [resolve(options.root, 'scripts', 'build-ferretdb.sh'), join(options.root, '.tools', 'bin')],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  options.log(`FerretDB built in ${Math.round((Date.now() - started) / 1000)} s`);
  return join(options.root, '.tools', 'bin', 'ferretdb');
};

export const ferretdb: Candidate = {
  kind: 'ferretdb',
  unavailable: (options) =>
    ferretdbBinary(options) || onPath('go')
      ? undefined
      : 'no FerretDB binary and no `go` to build one',
  async start(options) {
    const binary = ferretdbBinary(options) ?? buildFerretdb(options);
    const port = await freePort();
    const dir = dataDir(options, 'ferretdb');
    const server = await spawnAndWait(binary, ferretdbArgs(dir, port), port);
    return cleanupAfter(server, dir, options.ephemeral);
  },
};

export const memoryServer: Candidate = {
  kind: 'mongodb-memory-server',
  unavailable: () => undefined,
  async start(options) {
    // Imported lazily: it is the last resort and downloads mongod on first use.
    const { MongoMemoryServer } = await import('mongodb-memory-server');
    const dir = options.ephemeral ? undefined : dataDir(options, 'memory-server');
    const server = await MongoMemoryServer.create({
      instance: dir
        ? { ip: '127.0.0.1', dbPath: dir, storageEngine: 'wiredTiger' }
        : { ip: '127.0.0.1' },
    });
    return {
      uri: server.getUri(),
      pid: -1,
      ...(dir ? { dataDir: dir } : {}),
      stop: async () => void (await server.stop()),
    };
  },
};

export const CANDIDATES: readonly Candidate[] = [mongod, ferretdb, memoryServer];
