import { startAppProcess, type AppProcess } from '../support/app-process.js';
import { startDatabaseProcess, type DatabaseProcess } from '../support/database-process.js';
import { request, slackEnv } from '../support/deliveries.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/slack/fake-slack-api.js';

let db: DatabaseProcess | undefined;
let fake: FakeSlackApi | undefined;
let app: AppProcess | undefined;

beforeAll(async () => {
  db = await startDatabaseProcess('appproc');
  fake = await startFakeSlackApi();
});
afterAll(async () => {
  await app?.stop();
  await fake?.close();
  await db?.dispose();
});

test('the app in a process of its own is killed for real and comes back on the same port', async () => {
  app = await startAppProcess({ mongodbUri: db!.uri, env: slackEnv(fake!.url) });
  expect((await request(`${app.url}/healthz`)).status).toBe(200);
  const first = app.pid();

  await app.kill();
  expect(app.exitStatus()).toEqual({ code: null, signal: 'SIGKILL' });
  expect(await request(`${app.url}/healthz`)).toMatchObject({ error: 'ECONNREFUSED' });

  await app.restart();
  expect(app.pid()).not.toBe(first);
  expect((await request(`${app.url}/healthz`)).status).toBe(200);
  // SIGTERM is the app's graceful shutdown: it ends on its own, with success.
  expect(await app.stop()).toEqual({ code: 0, signal: null });
});
