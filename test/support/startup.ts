/**
 * The real `caseline` process run in a directory of its own, as a person runs it: its
 * `.data/` is that directory's, and the test reads what it printed and how it ended.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { caselineEntry } from './app-entry.js';

const ROOT = process.cwd();

/** A fresh directory that can run the embedded database (the built FerretDB, its stamp). */
export const scratchDirectory = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'caseline-startup-'));
  symlinkSync(resolve(ROOT, '.tools'), join(dir, '.tools'));
  symlinkSync(resolve(ROOT, 'scripts'), join(dir, 'scripts'));
  return dir;
};

export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Started {
  readonly child: ChildProcess;
  readonly output: () => { stdout: string; stderr: string };
  readonly finished: Promise<Finished>;
}

// Only what a shell would pass on: not the test runner's NODE_OPTIONS or MONGODB_URI.
const cleanEnv = (): Record<string, string> =>
  Object.fromEntries(
    ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ'].flatMap((key) =>
      process.env[key] ? [[key, process.env[key]!]] : [],
    ),
  );

export const startCaseline = (
  cwd: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Started => {
  const child = spawn(process.execPath, [...caselineEntry(ROOT), ...args], {
    cwd,
    env: { ...cleanEnv(), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const kill = () => void child.kill('SIGKILL');
  process.once('exit', kill);
  const finished = new Promise<Finished>((done, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      process.removeListener('exit', kill);
      done({ code, stdout, stderr });
    });
  });
  return { child, output: () => ({ stdout, stderr }), finished };
};

export const runCaselineIn = (
  cwd: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<Finished> => startCaseline(cwd, args, env).finished;

/** Resolves once the server logged that it listens; fails with its output if it ends first. */
export const untilListening = async (started: Started, timeoutMs = 90_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  let ended: Finished | undefined;
  void started.finished.then((result) => (ended = result));
  while (!/Caseline listening on :\d+/.test(started.output().stdout)) {
    if (ended || Date.now() > deadline)
      throw new Error(`the server did not start:\n${JSON.stringify(ended ?? started.output())}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
