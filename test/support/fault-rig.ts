/**
 * What a fault test stands on, for one test file: a database process of its own (so the
 * test can kill it), a fake chat API, the app against both, and a view of the database from
 * the test's side. Started before the file's tests, stopped after them, in reverse order.
 */
import { serve, type RunningApp } from '../../src/main.js';
import { startAppProcess, type AppProcess } from './app-process.js';
import { startDatabaseProcess, type DatabaseProcess } from './database-process.js';
import { slackEnv, viewDatabase, type DatabaseView } from './deliveries.js';
import { startFakeSlackApi, type FakeSlackApi } from './slack/fake-slack-api.js';
import { teamsTestConfig } from './teams/app-under-test.js';
import { exampleConfig, withQuickRecovery, writeTestConfig } from './test-config.js';
import { startFakeConnector, type FakeConnector } from './teams/fake-connector.js';

/** How the chat is configured: settings for the app's environment, and its config file. */
interface ChatSettings {
  readonly env: Readonly<Record<string, string>>;
  readonly config: string;
}

/** Where the app runs, and how it is started, reached and stopped there. */
export interface AppRunner<App> {
  start(mongodbUri: string, chat: ChatSettings): Promise<App>;
  url(app: App): string;
  stop(app: App): Promise<unknown>;
}

/** The app in a process of its own, as in production: a test can `kill -9` it. */
export const inOwnProcess: AppRunner<AppProcess> = {
  start: (mongodbUri, chat) => startAppProcess({ mongodbUri, ...chat }),
  url: (app) => app.url,
  stop: (app) => app.stop(),
};

/** The app inside the test's process, for tests that read its core directly. */
export const inTestProcess: AppRunner<RunningApp> = {
  start: (mongodbUri, chat) =>
    serve({
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        MONGODB_URI: mongodbUri,
        CASELINE_CONFIG: chat.config,
        ...chat.env,
      },
      cwd: process.cwd(),
      importExamplesFrom: 'examples',
    }),
  url: (app) => `http://127.0.0.1:${app.port}`,
  stop: (app) => app.shutdown('test over'),
};

export interface FaultRig<Fake, App> {
  readonly db: DatabaseProcess;
  /** The fake chat API: Slack's Web API, or the Bot Framework connector for Teams. */
  readonly fake: Fake;
  readonly app: App;
  /** The app's base URL, `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly view: DatabaseView;
}

interface FakeChat<Fake> {
  start(): Promise<Fake>;
  settings(fake: Fake): ChatSettings;
}

const SLACK: FakeChat<FakeSlackApi> = {
  start: () => startFakeSlackApi(),
  // Recovery after a crash within seconds: the rig's tests crash things on purpose.
  settings: (fake) => ({
    env: slackEnv(fake.url),
    config: writeTestConfig(withQuickRecovery(exampleConfig())),
  }),
};

const TEAMS: FakeChat<FakeConnector> = {
  start: () => startFakeConnector(),
  // Unauthenticated, as for local use; the general queue triaged in a Teams channel.
  settings: () => ({
    env: { CASELINE_PLAYGROUND: 'off' },
    config: teamsTestConfig(withQuickRecovery),
  }),
};

const useFaultRig = <Fake extends { close(): Promise<void> }, App>(
  name: string,
  chat: FakeChat<Fake>,
  runner: AppRunner<App>,
): FaultRig<Fake, App> => {
  let db: DatabaseProcess | undefined;
  let fake: Fake | undefined;
  let app: App | undefined;
  let view: DatabaseView | undefined;

  beforeAll(async () => {
    db = await startDatabaseProcess(name);
    fake = await chat.start();
    app = await runner.start(db.uri, chat.settings(fake));
    view = await viewDatabase(db.uri);
  }, 120_000);

  afterAll(async () => {
    // A failed test may leave the database killed: the app shuts down cleanly only
    // against a live one (a no-op while it runs).
    await db?.restart().catch(() => undefined);
    await view?.close();
    if (app !== undefined) await runner.stop(app);
    await fake?.close();
    await db?.dispose();
  });

  const started = <T>(part: T | undefined, what: string): T => {
    if (part === undefined) throw new Error(`${what} is not running (its beforeAll failed?)`);
    return part;
  };
  return {
    get db() {
      return started(db, 'the database process');
    },
    get fake() {
      return started(fake, 'the fake chat API');
    },
    get app() {
      return started(app, 'the app');
    },
    get url() {
      return runner.url(started(app, 'the app'));
    },
    get view() {
      return started(view, 'the database view');
    },
  };
};

/** A fault rig for Slack: the app signed in against the fake Slack Web API. */
export const useSlackRig = <App>(
  name: string,
  runner: AppRunner<App>,
): FaultRig<FakeSlackApi, App> => useFaultRig(name, SLACK, runner);

/** A fault rig for Teams: the app answering through the fake Bot Framework connector. */
export const useTeamsRig = <App>(
  name: string,
  runner: AppRunner<App>,
): FaultRig<FakeConnector, App> => useFaultRig(name, TEAMS, runner);
