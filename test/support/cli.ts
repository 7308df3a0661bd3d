import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIRECTORY_KINDS, type DirectoryKind } from '../../src/domain/directory.js';
import { caselineEntry } from './app-entry.js';

/** A fresh database on the run's server, for one CLI test file. */
export const cliDatabase = (tag: string): string =>
  `${process.env.MONGODB_URI!.replace(/\/?$/, '/')}caseline_${tag}_${randomUUID().slice(0, 8)}`;

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real `caseline` CLI (see app-entry.ts) against `database` with the
 * example config, feeding `input` to its standard input.
 */
export const runCaseline = (database: string, args: readonly string[], input = '') =>
  new Promise<CliRun>((done, reject) => {
    const root = process.cwd();
    const child = spawn(process.execPath, [...caselineEntry(root), ...args], {
      cwd: root,
      env: {
        ...process.env,
        MONGODB_URI: database,
        CASELINE_CONFIG: 'caseline.example.yaml',
        LOG_LEVEL: 'error',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });

/** Runs the CLI and returns what it printed; a failing command fails the test with what it said. */
export const caselineOrFail = async (database: string, args: readonly string[], input = '') => {
  const result = await runCaseline(database, args, input);
  if (result.code !== 0) throw new Error(`caseline ${args.join(' ')}: ${result.stderr}`);
  return result;
};

/** `caseline import <kind> examples/<kind>.csv|json` for `kinds`, in dependency order. */
export const importExamples = async (
  database: string,
  kinds: readonly DirectoryKind[] = DIRECTORY_KINDS,
): Promise<void> => {
  for (const kind of DIRECTORY_KINDS.filter((k) => kinds.includes(k))) {
    const file = ['csv', 'json']
      .map((ext) => join('examples', `${kind}.${ext}`))
      .find((path) => existsSync(path));
    if (!file) throw new Error(`no examples/${kind}.csv or .json`);
    await caselineOrFail(database, ['import', kind, file]);
  }
};
