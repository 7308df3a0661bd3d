/**
 * The whole app in a process of its own (`caseline serve`, see app-entry.ts), as it
 * runs in production, so a test can kill it for real (`kill -9`) and start it again on the
 * same port and database. The test process holds the fakes (Slack API, Teams connector)
 * and the database process; this only runs the app.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { importExamples } from '../../src/cli/import-examples.js';
import { freePort } from '../../src/infra/database/server-process.js';
import { connectMongo } from '../../src/infra/mongo-connection.js';
import { caselineEntry } from './app-entry.js';
import { testConfigFile } from './test-config.js';

export interface AppProcessOptions {
  /** The app's database, e.g. a `startDatabaseProcess` uri (it names its database). */
  readonly mongodbUri: string;
  /** Platform settings: SLACK_* or MICROSOFT_*, and anything else the test varies. */
  readonly env?: Readonly<Record<string, string>>;
  /** Default: the example config as tests run it (test-config.ts). */
  readonly config?: string;
  /** Imports examples/ into the database before the first start (default true). */
  readonly importExamples?: boolean;
  /** A guard against hangs, not a speed check. Default 90 s (tsx compiles on start). */
  readonly startTimeoutMs?: number;
}

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** One line the app logged (pino JSON), or `{ msg: <text> }` for a line that is not JSON. */
export type LogLine = Readonly<Record<string, unknown>> & { readonly msg?: unknown };

export interface AppProcess {
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  pid(): number | undefined;
  /** How the current process ended, or undefined while it runs. */
  exitStatus(): ExitStatus | undefined;
  /** SIGKILL: no shutdown, no drain. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** Starts the app again on the same port, database and settings. */
  restart(): Promise<void>;
  /** SIGTERM (the app's graceful shutdown), SIGKILL if it has not ended in time. */
  stop(): Promise<ExitStatus | undefined>;
  /** What the process logged lately (stdout and stderr), newest last. */
  log(): readonly LogLine[];
  /** The first line (already logged or yet to come) matching `predicate`. */
  waitForLog(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
}

const ROOT = process.cwd();
const KEEP_LINES = 2000;
const LISTENING = /^Caseline listening on :\d+/;

const parseLine = (text: string): LogLine => {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as LogLine;
  } catch {
    // not JSON: a stack trace or a tool's warning
  }
  return { msg: text };
};

const tailOf = (lines: readonly LogLine[]): string =>
  lines
    .slice(-40)
    .map((line) =>
      typeof line.msg === 'string' && Object.keys(line).length === 1
        ? line.msg
        : JSON.stringify(line),
    )
    .join('\n');

// The child gets a clean environment: the test runner's own (NODE_OPTIONS for its VM
// modules, the run's shared MONGODB_URI) must not leak into the app under test.
const baseEnv = (): Record<string, string> => {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ'];
  return Object.fromEntries(
    keep.flatMap((key) => (process.env[key] ? [[key, process.env[key]!]] : [])),
  );
};

export const startAppProcess = async (options: AppProcessOptions): Promise<AppProcess> => {
  if (options.importExamples ?? true) {
    // Before the app starts, so the config's queues (written at start) win over examples/.
    const connection = await connectMongo(options.mongodbUri);
    try {
      await importExamples(connection, join(ROOT, 'examples'), () => undefined);
    } finally {
      await connection.close();
    }
  }
  const port = await freePort();
  const env = {
    ...baseEnv(),
    LOG_LEVEL: 'info',
    ...options.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    MONGODB_URI: options.mongodbUri,
    CASELINE_CONFIG: options.config ?? testConfigFile(),
  };
  const lines: LogLine[] = [];
  const waiters = new Set<(line: LogLine) => void>();
  let child: ChildProcess | undefined;
  let exit: ExitStatus | undefined;
  let exited: Promise<ExitStatus> = Promise.resolve({ code: null, signal: null });

  const record = (line: LogLine) => {
    lines.push(line);
    if (lines.length > KEEP_LINES) lines.splice(0, lines.length - KEEP_LINES);
    for (const waiter of waiters) waiter(line);
  };
  const follow = (stream: NodeJS.ReadableStream | null) => {
    let partial = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const part of parts) if (part.trim()) record(parseLine(part));
    });
  };

  const waitForLine = (
    predicate: (line: LogLine) => boolean,
    timeoutMs: number,
    seenAlready: boolean,
  ): Promise<LogLine> =>
    new Promise((resolve, reject) => {
      const seen = seenAlready ? lines.find(predicate) : undefined;
      if (seen) return resolve(seen);
      const done = (error?: Error, line?: LogLine) => {
        clearTimeout(timer);
        waiters.delete(onLine);
        if (line) resolve(line);
        else reject(error);
      };
      const onLine = (line: LogLine) => predicate(line) && done(undefined, line);
      const timer = setTimeout(
        () => done(new Error(`app never logged the expected line:\n${tailOf(lines)}`)),
        timeoutMs,
      );
      waiters.add(onLine);
    });

  const launch = async () => {
    exit = undefined;
    const proc = spawn(process.execPath, [...caselineEntry(ROOT), 'serve'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    follow(proc.stdout);
    follow(proc.stderr);
    exited = new Promise((resolve) =>
      proc.once('close', (code, signal) => {
        exit = { code, signal };
        resolve(exit);
      }),
    );
    // If the test process dies without cleaning up, the app must not outlive it.
    const killOnExit = () => void proc.kill('SIGKILL');
    process.once('exit', killOnExit);
    void exited.then(() => process.removeListener('exit', killOnExit));
    try {
      await untilListening(proc, options.startTimeoutMs ?? 90_000);
    } catch (error) {
      await kill();
      throw error;
    }
  };

  // Resolves on the app's "listening" line; fails when the app exits first or takes too long.
  const untilListening = (proc: ChildProcess, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const finish = (error?: Error) => {
        clearTimeout(timer);
        waiters.delete(onLine);
        proc.off('close', onExit);
        if (error) reject(error);
        else resolve();
      };
      const onLine = (line: LogLine) => {
        if (typeof line.msg === 'string' && LISTENING.test(line.msg)) finish();
      };
      const onExit = (code: number | null, signal: string | null) =>
        finish(new Error(`app exited while starting (${code ?? signal}):\n${tailOf(lines)}`));
      const timer = setTimeout(
        () => finish(new Error(`app not listening after ${timeoutMs} ms:\n${tailOf(lines)}`)),
        timeoutMs,
      );
      waiters.add(onLine);
      proc.once('close', onExit);
    });

  const kill = async () => {
    if (child && !exit) {
      child.kill('SIGKILL');
      await exited;
    }
  };

  await launch();
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    pid: () => (exit ? undefined : child?.pid),
    exitStatus: () => exit,
    kill,
    restart: async () => {
      await kill();
      await launch();
    },
    stop: async () => {
      if (!child) return undefined;
      if (exit) return exit;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child?.kill('SIGKILL'), 15_000);
      const status = await exited;
      clearTimeout(timer);
      return status;
    },
    log: () => lines,
    waitForLog: (predicate, timeoutMs = 10_000) => waitForLine(predicate, timeoutMs, true),
  };
};
