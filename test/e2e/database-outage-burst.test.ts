/**
 * The database killed for 20 s (longer than the driver's 15 s server selection) in the
 * middle of a burst of Slack message events: whatever the app answered 200 becomes a case,
 * what it refused Slack delivers again, and readiness tells the truth throughout.
 */
import { inParallel, request } from '../support/deliveries.js';
import { eventually } from '../support/eventually.js';
import { inOwnProcess, useSlackRig } from '../support/fault-rig.js';
import { acknowledged, settle } from '../support/burst.js';
import {
  burstOfMessages,
  deliver,
  outcomesOf,
  redeliverUnacknowledged,
  type BurstMessage,
} from '../support/slack-burst.js';

const OUTAGE_MS = 20_000;
const PROBE_DEADLINE_MS = 1000;

const rig = useSlackRig('outage_slack', inOwnProcess);

/** /readyz's status, or why it gave none within its deadline. */
const readiness = async (): Promise<number | string> => {
  const answer = await request(`${rig.url}/readyz`, {}, PROBE_DEADLINE_MS);
  return answer.status ?? `no answer within ${PROBE_DEADLINE_MS} ms (${answer.error})`;
};

const send = (messages: readonly BurstMessage[]) =>
  inParallel(messages, 5, (message) => deliver(rig.url, message));

test('nothing answered 200 during a 20 s database outage is lost; /readyz says 503 within 1 s and 200 after', async () => {
  const messages = burstOfMessages('OUTAGE', 200);
  const before = messages.slice(0, 60);
  const during = messages.slice(60, 140);
  const after = messages.slice(140);

  await send(before);
  await rig.db.kill();
  const outageEnds = Date.now() + OUTAGE_MS;
  // The first probe after the kill already says so.
  const probes: (number | string)[] = [await readiness()];
  // The outage lasts its 20 s whatever the app does; meanwhile customers keep writing
  // (a few at a time) and readiness is asked every second.
  const writing = (async () => {
    for (let i = 0; i < during.length; i += 4) {
      await send(during.slice(i, i + 4));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  while (Date.now() < outageEnds) {
    probes.push(await readiness());
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await writing;
  expect(probes).toEqual(probes.map(() => 503));

  await rig.db.restart();
  await eventually(async () => ((await readiness()) === 200 ? true : undefined), 30_000, {
    everyMs: 250,
    what: '/readyz to answer 200 after the database came back',
  });
  await send(after);
  // Slack retries what was not answered 200.
  await redeliverUnacknowledged(rig.url, messages);
  expect(messages.filter((m) => !acknowledged(m)).map((m) => m.index)).toEqual([]);

  const outcomes = await settle(
    () => outcomesOf(rig.view, rig.fake, messages),
    (all) => all.every((o) => o.cases === 1),
    // What the crash left is resumed once its lease has run out, at the next sweep (the
    // rig's config: 10 s and every 2 s); the bound is a guard for a loaded machine.
    150_000,
  );
  const lost = outcomes.filter((o) => o.cases === 0).map((o) => o.index);
  const doubled = outcomes.filter((o) => o.cases > 1).map((o) => o.index);
  expect({ lost, doubled }).toEqual({ lost: [], doubled: [] });
  expect(rig.app.exitStatus()).toBeUndefined();
}, 300_000);
