/**
 * The same guarantees for Teams: an activity delivered twice has one effect, and across a
 * `kill -9` mid-burst, a restart and redeliveries, every accepted activity has exactly one
 * case and each card goes out once.
 */
import { startAppProcess, type AppProcess } from '../support/app-process.js';
import { acknowledged, notExactlyOnce, settle, type MessageOutcome } from '../support/burst.js';
import { startDatabaseProcess, type DatabaseProcess } from '../support/database-process.js';
import { inParallel, viewDatabase, type DatabaseView } from '../support/deliveries.js';
import {
  burstOfActivities,
  deliverActivity,
  joinDesk,
  teamsOutcomesOf,
} from '../support/teams-burst.js';
import { teamsTestConfig } from '../support/teams/app-under-test.js';
import { startFakeConnector, type FakeConnector } from '../support/teams/fake-connector.js';

const MESSAGES = 100;
const KILL_AFTER_ACKS = 35;

let db: DatabaseProcess | undefined;
let connector: FakeConnector | undefined;
let app: AppProcess | undefined;
let view: DatabaseView | undefined;

beforeAll(async () => {
  db = await startDatabaseProcess('crash_teams');
  connector = await startFakeConnector();
  app = await startAppProcess({
    mongodbUri: db.uri,
    config: teamsTestConfig(),
    env: { CASELINE_PLAYGROUND: 'off' },
  });
  view = await viewDatabase(db.uri);
  await joinDesk(app.url, connector, view);
}, 120_000);

afterAll(async () => {
  await view?.close();
  await app?.stop();
  await connector?.close();
  await db?.dispose();
});

const complete = (o: MessageOutcome) => o.cases === 1 && o.customerCards >= 1 && o.agentCards >= 1;

test('an activity delivered twice with the same id has one effect', async () => {
  const [message] = burstOfActivities(connector!.url, 'twice', 1);
  await deliverActivity(app!.url, message!);
  await deliverActivity(app!.url, message!);
  expect(message!.answers.map((a) => a.status)).toEqual([200, 200]);
  const [outcome] = await settle(
    () => teamsOutcomesOf(view!, connector!, [message!]),
    (all) => all.every(complete),
    20_000,
  );
  expect(outcome).toEqual({ index: 0, cases: 1, customerCards: 1, agentCards: 1, comments: 0 });
});

test('every activity answered 200 has exactly one case and each card is posted once, across a kill -9, a restart and redeliveries', async () => {
  const messages = burstOfActivities(connector!.url, 'crash', MESSAGES);
  let acks = 0;
  let killed: Promise<void> | undefined;
  await inParallel(messages, 8, async (message) => {
    const answer = await deliverActivity(app!.url, message);
    if (answer.status === 200) acks += 1;
    if (acks >= KILL_AFTER_ACKS) killed ??= app!.kill();
  });
  await killed;
  expect(app!.exitStatus()).toMatchObject({ signal: 'SIGKILL' });
  expect(messages.filter(acknowledged).length).toBeLessThan(MESSAGES);

  await app!.restart();
  // What got no 200 comes again with the same activity id; so do some that did.
  for (const message of messages.filter((m) => !acknowledged(m)))
    await deliverActivity(app!.url, message);
  for (const message of messages.filter((m) => m.answers[0]?.status === 200).slice(0, 15))
    await deliverActivity(app!.url, message);
  expect(messages.filter((m) => !acknowledged(m)).map((m) => m.index)).toEqual([]);

  const outcomes = await settle(
    () => teamsOutcomesOf(view!, connector!, messages),
    (all) => all.every(complete),
    60_000,
  );
  // Grouped by what went wrong, with the messages (by index) it went wrong for.
  expect(notExactlyOnce(outcomes)).toEqual({});
  expect(app!.exitStatus()).toBeUndefined();
}, 240_000);
