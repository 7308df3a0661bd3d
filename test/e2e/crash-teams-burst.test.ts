/**
 * The same guarantees for Teams: an activity delivered twice has one effect, and across a
 * `kill -9` mid-burst, a restart and redeliveries, every accepted activity has exactly one
 * case and each card goes out once.
 */
import { acknowledged, notExactlyOnce, settle, type MessageOutcome } from '../support/burst.js';
import { inParallel } from '../support/deliveries.js';
import { inOwnProcess, useTeamsRig } from '../support/fault-rig.js';
import {
  burstOfActivities,
  deliverActivity,
  joinDesk,
  teamsOutcomesOf,
} from '../support/teams-burst.js';

const MESSAGES = 100;
const KILL_AFTER_ACKS = 35;

const rig = useTeamsRig('crash_teams', inOwnProcess);

beforeAll(() => joinDesk(rig.url, rig.fake, rig.view));

const complete = (o: MessageOutcome) => o.cases === 1 && o.customerCards >= 1 && o.agentCards >= 1;

test('an activity delivered twice with the same id has one effect', async () => {
  const [message] = burstOfActivities(rig.fake.url, 'twice', 1);
  await deliverActivity(rig.url, message!);
  await deliverActivity(rig.url, message!);
  expect(message!.answers.map((a) => a.status)).toEqual([200, 200]);
  const [outcome] = await settle(
    () => teamsOutcomesOf(rig.view, rig.fake, [message!]),
    (all) => all.every(complete),
    20_000,
  );
  expect(outcome).toEqual({ index: 0, cases: 1, customerCards: 1, agentCards: 1, comments: 0 });
});

test('every activity answered 200 has exactly one case and each card is posted once, across a kill -9, a restart and redeliveries', async () => {
  const messages = burstOfActivities(rig.fake.url, 'crash', MESSAGES);
  let acks = 0;
  let killed: Promise<void> | undefined;
  await inParallel(messages, 8, async (message) => {
    const answer = await deliverActivity(rig.url, message);
    if (answer.status === 200) acks += 1;
    if (acks >= KILL_AFTER_ACKS) killed ??= rig.app.kill();
  });
  await killed;
  expect(rig.app.exitStatus()).toMatchObject({ signal: 'SIGKILL' });
  expect(messages.filter(acknowledged).length).toBeLessThan(MESSAGES);

  await rig.app.restart();
  // What got no 200 comes again with the same activity id; so do some that did.
  for (const message of messages.filter((m) => !acknowledged(m)))
    await deliverActivity(rig.url, message);
  for (const message of messages.filter((m) => m.answers[0]?.status === 200).slice(0, 15))
    await deliverActivity(rig.url, message);
  expect(messages.filter((m) => !acknowledged(m)).map((m) => m.index)).toEqual([]);

  const outcomes = await settle(
    () => teamsOutcomesOf(rig.view, rig.fake, messages),
    (all) => all.every(complete),
    // What the crash left is resumed once its lease has run out, at the next sweep (the
    // rig's config: 10 s and every 2 s); the bound is a guard for a loaded machine.
    150_000,
  );
  // Grouped by what went wrong, with the messages (by index) it went wrong for.
  expect(notExactlyOnce(outcomes)).toEqual({});
  expect(rig.app.exitStatus()).toBeUndefined();
}, 300_000);
