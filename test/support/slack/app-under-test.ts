import { randomUUID } from 'node:crypto';
import { serve, type RunningApp } from '../../../src/main.js';
import { testConfigFile } from '../test-config.js';

/**
 * The whole app on a free port and a fresh database, with the example data and config,
 * talking to the loopback fake Slack API; `slackEnv` says how Slack is configured.
 */
export const serveAgainstFakeSlack = (
  fakeUrl: string,
  slackEnv: Readonly<Record<string, string>>,
): Promise<RunningApp> =>
  serve({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      MONGODB_URI: `${process.env.MONGODB_URI!.replace(/\/?$/, '/')}caseline_slack_${randomUUID().slice(0, 8)}`,
      CASELINE_CONFIG: testConfigFile(),
      SLACK_API_URL: fakeUrl,
      ...slackEnv,
    },
    cwd: process.cwd(),
    importExamplesFrom: 'examples',
  });
