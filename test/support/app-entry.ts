/**
 * How a test starts the real `caseline` command in a child process: the built JavaScript
 * (`npm ci` builds dist/ through `prepare`) when it is newer than every source file, else
 * the TypeScript through tsx. Both run the same code; the build just skips compiling the
 * whole tree on every start, which made the CLI and process tests spend most of their
 * time starting. An edit after the last build falls back to tsx, so a stale dist/ is
 * never what a test runs.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const SOURCES = ['src', 'adapters'];
const BUILT = join('dist', 'src', 'cli', 'main.js');

const newestSource = (dir: string): number => {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
};

let chosen: readonly string[] | undefined;

/** Node arguments that run `src/cli/main.ts` (or its build) from any directory. */
export const caselineEntry = (root: string): readonly string[] => {
  if (chosen) return chosen;
  const built = join(root, BUILT);
  const fresh =
    existsSync(built) &&
    statSync(built).mtimeMs >= Math.max(...SOURCES.map((dir) => newestSource(join(root, dir))));
  // tsx's loader by path: a child may run in a directory with no node_modules of its own.
  const tsx = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  chosen = fresh ? [built] : ['--import', tsx, join(root, 'src', 'cli', 'main.ts')];
  return chosen;
};
