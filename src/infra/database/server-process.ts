import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { MongoClient } from 'mongodb';

/** Asks the OS for a free loopback port by binding port 0 and letting it go. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });

/** True while the process exists (signal 0 checks without sending anything). */
export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** True when a MongoDB-compatible server at `uri` answers `ping`. */
export const answersPing = async (uri: string, timeoutMs = 1500): Promise<boolean> => {
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
  });
  try {
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
  }
};

export interface RunningServer {
  readonly uri: string;
  readonly pid: number;
  /** Where a persistent server keeps its data. */
  readonly dataDir?: string;
  stop(): Promise<void>;
}

/**
 * Spawns a server process and waits until it answers `ping`. If it exits first, the
 * error carries the tail of its output so the reason is visible.
 */
export const spawnAndWait = async (
  command: string,
  args: readonly string[],
  port: number,
  timeoutMs = 30_000,
): Promise<RunningServer> => {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));
  child.on('error', (error) => {
    output += String(error);
    exited = -1;
  });
  // If this process dies without a clean shutdown, the server must not outlive it.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const uri = `mongodb://127.0.0.1:${port}/`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`${command} exited (${exited}): ${output.trim()}`);
    if (await answersPing(uri, 500))
      return { uri, pid: child.pid ?? -1, stop: () => stopChild(child) };
    await sleep(100);
  }
  await stopChild(child);
  throw new Error(`${command} did not answer ping within ${timeoutMs} ms: ${output.trim()}`);
};

const stopChild = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
};
