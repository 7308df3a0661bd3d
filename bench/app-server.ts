/**
 * The app under test of bench:slack and bench:teams, in a process of its own: the whole
 * server through `serve()` (src/main.ts) on a fresh database of the run's server, with the
 * example config and data. Only HTTP reaches it: the benchmark measures what Slack or
 * Teams would see.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type RunningApp } from '../src/main.js';
import { serveForTeams } from '../test/support/teams/app-under-test.js';
import { serveParent } from './ipc.js';
import { START_APP, type AppConfig } from './protocol.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Names a fresh database in any mongodb:// URI, keeping its options. */
const withDatabase = (uri: string, name: string): string => {
  const [base = uri, query] = uri.split('?');
  const origin = /^(mongodb(?:\+srv)?:\/\/[^/]+)/.exec(base)?.[1] ?? base;
  return `${origin}/${name}${query ? `?${query}` : ''}`;
};

const start = (config: AppConfig): Promise<RunningApp> => {
  if (config.chat === 'teams') {
    // The Teams test config (the general queue triaged in the desk channel) names its
    // database under the server this variable points at.
    process.env.MONGODB_URI = config.databaseUri;
    return serveForTeams();
  }
  return serve({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      MONGODB_URI: withDatabase(config.databaseUri, `caseline_bench_${randomUUID().slice(0, 8)}`),
      CASELINE_CONFIG: 'caseline.example.yaml',
      SLACK_SIGNING_SECRET: config.signingSecret,
      SLACK_BOT_TOKEN: 'xoxb-bench-token',
      SLACK_API_URL: config.apiUrl,
    },
    cwd: ROOT,
    importExamplesFrom: join(ROOT, 'examples'),
  });
};

let app: RunningApp | undefined;
serveParent(
  (rpc) =>
    rpc.handle(START_APP, async (config) => {
      app = await start(config);
      return { origin: `http://127.0.0.1:${app.port}` };
    }),
  // Delivers what the outbox still owes (bounded inside), as on SIGTERM in production.
  async () => app?.shutdown('bench over'),
);
