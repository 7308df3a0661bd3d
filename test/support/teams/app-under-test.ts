import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { serve, type RunningApp } from '../../../src/main.js';
import { DESK_CHANNEL, SUPPORT_CHANNEL } from './activities.js';
import { exampleConfig } from '../test-config.js';

/**
 * The example config with the general queue triaged in a Teams channel (the example
 * triages it in Slack), written to a temporary file for one test run.
 */
export const teamsTestConfig = (adjust: <T extends object>(config: T) => T = (c) => c): string => {
  const config = exampleConfig() as {
    queues: { key: string; triageChannel?: string }[];
    supportChannels: { channel: string; organization: string }[];
    outbox?: Record<string, number>;
  };
  for (const queue of config.queues)
    if (queue.key === 'general') queue.triageChannel = `teams:${DESK_CHANNEL}`;
  config.supportChannels.push({
    channel: `teams:${SUPPORT_CHANNEL}`,
    organization: 'harbor-foods',
  });
  const file = join(mkdtempSync(join(tmpdir(), 'caseline-teams-')), 'caseline.yaml');
  writeFileSync(file, stringify(adjust(config)));
  return file;
};

/** The whole app on a free port and a fresh database, no Slack, Teams unauthenticated. */
export const serveForTeams = async (
  extraEnv: Readonly<Record<string, string>> = {},
): Promise<RunningApp> => {
  const app = await serve({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      MONGODB_URI: `${process.env.MONGODB_URI!.replace(/\/?$/, '/')}caseline_teams_${randomUUID().slice(0, 8)}`,
      CASELINE_CONFIG: teamsTestConfig(),
      CASELINE_PLAYGROUND: 'off',
      ...extraEnv,
    },
    cwd: process.cwd(),
    importExamplesFrom: 'examples',
  });
  // The example import wrote the queues of examples/queues.json; the config's win again.
  await app.core.directory.upsertQueues(app.core.config.queues);
  return app;
};
