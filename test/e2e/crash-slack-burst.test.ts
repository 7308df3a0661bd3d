/**
 * `kill -9` of the app in the middle of a burst of Slack message events, then a restart
 * and Slack's redeliveries: nothing acknowledged is lost, nothing is done twice.
 */
import { startAppProcess, type AppProcess } from '../support/app-process.js';
import { startDatabaseProcess, type DatabaseProcess } from '../support/database-process.js';
import { inParallel, slackEnv, viewDatabase, type DatabaseView } from '../support/deliveries.js';
import { acknowledged, notExactlyOnce, settle, type MessageOutcome } from '../support/burst.js';
import {
  burstOfMessages,
  deliver,
  outcomesOf,
  redeliverUnacknowledged,
} from '../support/slack-burst.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/slack/fake-slack-api.js';

const MESSAGES = 150;
const KILL_AFTER_ACKS = 50;

let db: DatabaseProcess | undefined;
let fake: FakeSlackApi | undefined;
let app: AppProcess | undefined;
let view: DatabaseView | undefined;

beforeAll(async () => {
  db = await startDatabaseProcess('crash_slack');
  fake = await startFakeSlackApi();
  app = await startAppProcess({ mongodbUri: db.uri, env: slackEnv(fake.url) });
  view = await viewDatabase(db.uri);
}, 120_000);

afterAll(async () => {
  await view?.close();
  await app?.stop();
  await fake?.close();
  await db?.dispose();
});

const complete = (o: MessageOutcome) => o.cases === 1 && o.customerCards >= 1 && o.agentCards >= 1;

test('every event answered 200 has exactly one case and each card is posted once, across a kill -9, a restart and redeliveries', async () => {
  const messages = burstOfMessages('CRASH', MESSAGES);
  let acks = 0;
  let killed: Promise<void> | undefined;
  await inParallel(messages, 10, async (message) => {
    const answer = await deliver(app!.url, message);
    if (answer.status === 200) acks += 1;
    // Mid-burst, with deliveries in flight: the process dies without a word.
    if (acks >= KILL_AFTER_ACKS) killed ??= app!.kill();
  });
  await killed;
  expect(app!.exitStatus()).toMatchObject({ signal: 'SIGKILL' });
  const acknowledgedBeforeKill = messages.filter(acknowledged).length;
  expect(acknowledgedBeforeKill).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
  expect(acknowledgedBeforeKill).toBeLessThan(MESSAGES);

  await app!.restart();
  // Slack redelivers what got no 200; it also redelivers some that did (an ack it did
  // not see in time arrives as an http_timeout retry).
  await redeliverUnacknowledged(app!.url, messages);
  const alreadyAcked = messages.filter((m) => m.answers[0]?.status === 200).slice(0, 20);
  for (const message of alreadyAcked) await deliver(app!.url, message, 1);
  expect(messages.filter((m) => !acknowledged(m)).map((m) => m.index)).toEqual([]);

  const outcomes = await settle(
    () => outcomesOf(view!, fake!, messages),
    (all) => all.every(complete),
    60_000,
  );
  // Grouped by what went wrong, with the messages (by index) it went wrong for.
  expect(notExactlyOnce(outcomes)).toEqual({});
  expect(app!.exitStatus()).toBeUndefined();
}, 240_000);
