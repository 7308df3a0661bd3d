/**
 * `kill -9` of the app in the middle of a burst of Slack message events, then a restart
 * and Slack's redeliveries: nothing acknowledged is lost, nothing is done twice.
 */
import { inParallel } from '../support/deliveries.js';
import { inOwnProcess, useSlackRig } from '../support/fault-rig.js';
import { acknowledged, notExactlyOnce, settle, type MessageOutcome } from '../support/burst.js';
import {
  burstOfMessages,
  deliver,
  outcomesOf,
  redeliverUnacknowledged,
} from '../support/slack-burst.js';

const MESSAGES = 150;
const KILL_AFTER_ACKS = 50;

const rig = useSlackRig('crash_slack', inOwnProcess);

const complete = (o: MessageOutcome) => o.cases === 1 && o.customerCards >= 1 && o.agentCards >= 1;

test('every event answered 200 has exactly one case and each card is posted once, across a kill -9, a restart and redeliveries', async () => {
  const messages = burstOfMessages('CRASH', MESSAGES);
  let acks = 0;
  let killed: Promise<void> | undefined;
  await inParallel(messages, 10, async (message) => {
    const answer = await deliver(rig.url, message);
    if (answer.status === 200) acks += 1;
    // Mid-burst, with deliveries in flight: the process dies without a word.
    if (acks >= KILL_AFTER_ACKS) killed ??= rig.app.kill();
  });
  await killed;
  expect(rig.app.exitStatus()).toMatchObject({ signal: 'SIGKILL' });
  const acknowledgedBeforeKill = messages.filter(acknowledged).length;
  expect(acknowledgedBeforeKill).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
  expect(acknowledgedBeforeKill).toBeLessThan(MESSAGES);

  await rig.app.restart();
  // Slack redelivers what got no 200; it also redelivers some that did (an ack it did
  // not see in time arrives as an http_timeout retry).
  await redeliverUnacknowledged(rig.url, messages);
  const alreadyAcked = messages.filter((m) => m.answers[0]?.status === 200).slice(0, 20);
  for (const message of alreadyAcked) await deliver(rig.url, message, 1);
  expect(messages.filter((m) => !acknowledged(m)).map((m) => m.index)).toEqual([]);

  const outcomes = await settle(
    () => outcomesOf(rig.view, rig.fake, messages),
    (all) => all.every(complete),
    // What the crash left is resumed once its lease has run out, at the next sweep (the
    // rig's config: 10 s and every 2 s); the bound is a guard for a loaded machine.
    150_000,
  );
  // Grouped by what went wrong, with the messages (by index) it went wrong for.
  expect(notExactlyOnce(outcomes)).toEqual({});
  expect(rig.app.exitStatus()).toBeUndefined();
}, 300_000);
