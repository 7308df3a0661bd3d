/**
 * `.data/server.json`: what a Caseline process running in this directory tells the
 * others. A persistent embedded database records itself here, so a CLI command run beside
 * `npm start` reuses it instead of opening the same files twice; a server also records
 * the configuration file it loaded, so the CLI reads the same one.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isAlive } from './server-process.js';

const stateSchema = z.object({
  /** The Caseline process that wrote the file; the record holds only while it lives. */
  pid: z.number().int(),
  kind: z.enum(['external', 'mongod', 'ferretdb', 'mongodb-memory-server']),
  /** The embedded database's loopback URI; never written for MONGODB_URI (credentials). */
  uri: z.string().optional(),
  /** A server's configuration file (absolute), null for built-in defaults; absent from the CLI. */
  config: z.string().nullable().optional(),
});
export type ServerState = z.infer<typeof stateSchema>;

export const statePath = (root: string): string => join(root, '.data', 'server.json');

/** The record of a live process in `root`, or undefined (none, torn, or its writer died). */
export const readServerState = (root: string): ServerState | undefined => {
  if (!existsSync(statePath(root))) return undefined;
  try {
    const state = stateSchema.parse(JSON.parse(readFileSync(statePath(root), 'utf8')));
    return isAlive(state.pid) ? state : undefined;
  } catch {
    // A torn or foreign file means nobody is serving; it is written afresh.
    return undefined;
  }
};

export const writeServerState = (root: string, state: ServerState): void => {
  mkdirSync(join(root, '.data'), { recursive: true });
  writeFileSync(statePath(root), JSON.stringify(state));
};

/** Removes the record if this process wrote it (another live server's record stays). */
export const removeServerState = (root: string, pid = process.pid): void => {
  const path = statePath(root);
  if (!existsSync(path)) return;
  try {
    const state = stateSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    if (state.pid !== pid && isAlive(state.pid)) return;
  } catch {
    // Unreadable: nobody can use it, so it goes.
  }
  rmSync(path, { force: true });
};
