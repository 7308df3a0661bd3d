import { isAbsolute, relative } from 'node:path';
import type { ServerState } from '../infra/database/state-file.js';

type Env = Readonly<Record<string, string | undefined>>;

export interface ConfigChoice {
  readonly env: Env;
  /** Told once on stderr when the choice was not the person's own. */
  readonly note?: string;
}

export interface ChoiceContext {
  readonly cwd: string;
  /** The record of the server running in `cwd`, if any (`.data/server.json`). */
  readonly server: ServerState | undefined;
  /** Whether `cwd` has a `caseline.yaml`, the file used when nothing else is named. */
  readonly hasDefaultFile: boolean;
}

/**
 * Which configuration a CLI command loads. CASELINE_CONFIG wins; else the file the server
 * running here loaded, so a report reads the same SLA and workflow the server runs on;
 * else `caseline.yaml`, else built-in defaults.
 */
export const chooseCliConfig = (env: Env, context: ChoiceContext): ConfigChoice => {
  if (env.CASELINE_CONFIG?.trim()) return { env };
  const { server } = context;
  if (server?.config) {
    const inside = relative(context.cwd, server.config);
    const shown =
      inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : server.config;
    return {
      env: { ...env, CASELINE_CONFIG: server.config },
      note: `using ${shown}, the configuration of the server running here (pid ${server.pid}); set CASELINE_CONFIG to use another file`,
    };
  }
  if (server?.config === null && context.hasDefaultFile)
    return {
      env,
      note: `using caseline.yaml, although the server running here (pid ${server.pid}) started with built-in defaults; restart it to use the file`,
    };
  if (context.hasDefaultFile) return { env };
  return {
    env,
    note: server
      ? `using built-in defaults, as the server running here (pid ${server.pid}) does; set CASELINE_CONFIG to use a file`
      : 'using built-in defaults (no caseline.yaml here, and no server running here); set CASELINE_CONFIG to use a file',
  };
};
