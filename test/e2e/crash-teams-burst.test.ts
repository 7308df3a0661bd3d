/**
 * The same guarantees for Teams: an activity delivered twice has one effect, and across a
 * `kill -9` mid-burst, a restart and redeliveries, every accepted activity has exactly one
 * case and each card goes out once. The one exception is the one README "Reliability"
 * names: the Bot Framework cannot be searched for an earlier post, so a card the connector
 * took whose answer the crash swallowed is posted again. The fake connector makes that
 * case exact: before the kill it stops answering posts (and the test waits until every
 * post it did answer is recorded), so which posts the crash swallowed is known.
 */
import { acknowledged, notExactlyOnce, settle, type MessageOutcome } from '../support/burst.js';
import { inParallel } from '../support/deliveries.js';
import { inOwnProcess, useTeamsRig } from '../support/fault-rig.js';
import { eventually } from '../support/eventually.js';
import {
  burstOfActivities,
  cardPostsOf,
  deliverActivity,
  joinDesk,
  teamsOutcomesOf,
  type TeamsBurstMessage,
} from '../support/teams-burst.js';

const MESSAGES = 100;
const HOLD_AFTER_ACKS = 25;
const KILL_AFTER_ACKS = 35;

const rig = useTeamsRig('crash_teams', inOwnProcess);

beforeAll(() => joinDesk(rig.url, rig.fake, rig.view));

const complete = (o: MessageOutcome) => o.cases === 1 && o.customerCards >= 1 && o.agentCards >= 1;

/** Until every card post the connector answered is recorded as the case's card. */
const answeredCardsRecorded = async (messages: readonly TeamsBurstMessage[]) => {
  const answered = (await cardPostsOf(rig.view, rig.fake, messages)).filter((p) => !p.held);
  const ids = answered.map((p) => p.postedId!);
  const links = await rig.view.db
    .collection<{ messageId?: string }>('chatLinks')
    .countDocuments({ messageId: { $in: ids } });
  return links >= ids.length || undefined;
};

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
  let holding: Promise<unknown> | undefined;
  let killed: Promise<void> | undefined;
  const hold = async () => {
    rig.fake.holdPosts();
    await eventually(() => answeredCardsRecorded(messages), 60_000, {
      what: 'every answered card to be recorded',
    });
  };
  await inParallel(messages, 8, async (message) => {
    const answer = await deliverActivity(rig.url, message);
    if (answer.status === 200) acks += 1;
    if (acks >= HOLD_AFTER_ACKS) holding ??= hold();
    if (acks >= KILL_AFTER_ACKS) killed ??= holding!.then(() => rig.app.kill());
  });
  await killed;
  expect(rig.app.exitStatus()).toMatchObject({ signal: 'SIGKILL' });
  expect(messages.filter(acknowledged).length).toBeLessThan(MESSAGES);

  rig.fake.answerPosts();
  await rig.app.restart();
  // What got no 200 comes again with the same activity id; so do some that did.
  for (const message of messages.filter((m) => !acknowledged(m)))
    await deliverActivity(rig.url, message);
  for (const message of messages.filter((m) => m.answers[0]?.status === 200).slice(0, 15))
    await deliverActivity(rig.url, message);
  expect(messages.filter((m) => !acknowledged(m)).map((m) => m.index)).toEqual([]);

  // Counted: the posts the app heard back about. A swallowed one is posted again, once.
  const answered = (post: { held?: true }) => !post.held;
  const outcomes = await settle(
    () => teamsOutcomesOf(rig.view, rig.fake, messages, answered),
    (all) => all.every(complete),
    // What the crash left is resumed once its lease has run out, at the next sweep (the
    // rig's config: 10 s and every 2 s); the bound is a guard for a loaded machine.
    150_000,
  );
  // Grouped by what went wrong, with the messages (by index) it went wrong for.
  expect(notExactlyOnce(outcomes)).toEqual({});
  const everyPost = await teamsOutcomesOf(rig.view, rig.fake, messages);
  const swallowedTwice = everyPost.filter(
    (o, i) =>
      o.customerCards - outcomes[i]!.customerCards > 1 ||
      o.agentCards - outcomes[i]!.agentCards > 1,
  );
  expect(swallowedTwice).toEqual([]);
  expect(rig.app.exitStatus()).toBeUndefined();
}, 300_000);
