/**
 * Readiness through a real database outage: the app in its own process on a database
 * process of the test's own, which is killed (`kill -9`) and started again.
 */
import { deliverToSlack, request, type Delivery } from '../support/deliveries.js';
import { eventually } from '../support/eventually.js';
import { inOwnProcess, useSlackRig } from '../support/fault-rig.js';
import { messageEvent } from '../support/slack/payloads.js';

// The bound: a probe answers (any status) within its own 1 s deadline.
const PROBE_DEADLINE_MS = 1000;

const rig = useSlackRig('readyz', inOwnProcess);

const probe = (path: string): Promise<Delivery> =>
  request(`${rig.url}${path}`, {}, PROBE_DEADLINE_MS);

/** The status, failing the test when the probe did not answer within its deadline. */
const answered = async (path: string): Promise<number> => {
  const result = await probe(path);
  if (result.status === undefined)
    throw new Error(`${path} gave no answer within ${PROBE_DEADLINE_MS} ms (${result.error})`);
  return result.status;
};

test('/readyz answers 200 while the database is up, and /healthz is liveness only', async () => {
  expect(await answered('/readyz')).toBe(200);
  expect(await answered('/healthz')).toBe(200);
});

test('/readyz answers 503 within its deadline while the database is down and 200 once it is back; the app then handles a message', async () => {
  // A few customers keep writing meanwhile: the app's queries fail and the driver marks
  // the server unreachable, the state in which a ping waited out server selection.
  const writing: Promise<unknown>[] = [];
  const write = (round: number) => {
    for (let lane = 0; lane < 3; lane += 1) {
      const channel = `D0LOAD000${lane}`;
      const event = messageEvent({ text: `still there? ${round}`, channel, channelType: 'im' });
      writing.push(deliverToSlack(rig.url, 'event', event));
    }
  };
  write(0);
  await rig.db.kill();
  // Probed back to back for a while: each must answer, and each must say "not ready".
  const during: number[] = [];
  for (let round = 1; round <= 10; round += 1) {
    write(round);
    during.push(await answered('/readyz'));
    expect(await answered('/healthz')).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await Promise.all(writing);
  expect(during).toEqual(during.map(() => 503));

  await rig.db.restart();
  await eventually(async () => ((await answered('/readyz')) === 200 ? true : undefined), 30_000, {
    everyMs: 250,
    what: '/readyz to answer 200 after the database came back',
  });

  // Recovered without a restart: a customer's message opens a case.
  const event = messageEvent({
    text: 'Invoice export after the outage',
    channel: 'D0READYZ01',
    channelType: 'im',
  });
  const ts = (event.event as { ts: string }).ts;
  expect((await deliverToSlack(rig.url, 'event', event)).status).toBe(200);
  await eventually(
    async () => ((await rig.view.casesOpenedBy('slack:D0READYZ01', ts)) === 1 ? true : undefined),
    20_000,
    { what: 'the case opened by the message after the outage' },
  );
  expect(rig.app.exitStatus()).toBeUndefined();
}, 90_000);
