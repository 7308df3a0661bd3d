import { setTimeout as sleep } from 'node:timers/promises';
import { ACTIONS } from '../../adapters/slack/registry.js';
import { serve, type RunningApp } from '../../src/main.js';
import { MongoChatLinks } from '../../src/store/chat-links/mongo-chat-links.js';
import { startDatabaseProcess, type DatabaseProcess } from '../support/database-process.js';
import { eventually } from '../support/eventually.js';
import { exampleConfig, withQuickRecovery, writeTestConfig } from '../support/test-config.js';
import {
  startFakeSlackApi,
  type FakeSlackApi,
  type RecordedCall,
} from '../support/slack/fake-slack-api.js';
import { messageEvent } from '../support/slack/payloads.js';
import { postToSlackEndpoint } from '../support/slack/signed-request.js';

const SECRET = 'test-signing-secret';
/** erp-finance's triage channel, where "invoice" messages are routed. */
const TRIAGE = 'C06ERPFIN1';

/**
 * The app on a database server of this test's own, which the test kills for real while
 * the customer card is on its way: Slack has the message, the app has not heard back yet,
 * so it cannot record where the card is. The database comes back a few seconds later.
 */
describe('Caseline in Slack: one card, even when the database fails mid-post', () => {
  let db: DatabaseProcess;
  let fake: FakeSlackApi;
  let app: RunningApp;
  // The retry after the outage waits for the outbox lease: 30 s here instead of a minute,
  // still longer than the outage and a shutdown (whose drain would otherwise retry in the
  // old process before the second test's restart).
  // The outbox polls at the example's 1 s here, as when this test was written: whether the
  // write after the post fails (what the test is about) depends on the driver noticing the
  // dead server, and a 50 ms poll changes when it does.
  const config = writeTestConfig({
    ...withQuickRecovery(exampleConfig()),
    outbox: { ...exampleConfig().outbox, pollMs: 1000, leaseSeconds: 30 },
  });
  const start = (importExamples: boolean) =>
    serve({
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        MONGODB_URI: db.uri,
        CASELINE_CONFIG: config,
        SLACK_API_URL: fake.url,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_BOT_TOKEN: 'xoxb-test-token',
      },
      cwd: process.cwd(),
      ...(importExamples ? { importExamplesFrom: 'examples' } : {}),
    });

  beforeAll(async () => {
    db = await startDatabaseProcess('one-card');
    fake = await startFakeSlackApi();
    app = await start(true);
  });
  afterAll(async () => {
    await app?.shutdown('test over');
    await fake?.close();
    await db?.dispose();
  });

  const posted = (predicate: (c: RecordedCall) => boolean) =>
    fake.callsTo('chat.postMessage').filter((c) => c.status === 200 && predicate(c));
  const mentions = (c: RecordedCall, text: string) => JSON.stringify(c.args.blocks).includes(text);

  /** Opens a case in its own DM; the database dies as Slack takes the customer card. */
  const openWithOutage = async (channel: string) => {
    const event = messageEvent({
      text: 'Invoice totals are off by a cent',
      channel,
      channelType: 'im',
    });
    const ts = (event.event as { ts: string }).ts;
    const isCustomerCard = (c: RecordedCall) =>
      c.args.channel === channel && c.args.thread_ts === ts && mentions(c, ACTIONS.addDetails);
    let outage: Promise<void> | undefined;
    fake.beforeAnswer('chat.postMessage', isCustomerCard, async () => {
      await db.kill();
      outage = sleep(3000).then(() => db.restart());
    });
    const url = `http://127.0.0.1:${app.port}/slack/events`;
    expect((await postToSlackEndpoint(url, SECRET, 'event', event)).status).toBe(200);
    await eventually(async () => (outage ? true : undefined), 30_000, {
      what: 'the customer card to be posted',
    });
    await outage;
    return { intakeKey: `slack:${channel}:${ts}`, ts, isCustomerCard };
  };

  // The failed attempt could record neither its failure nor the lease's release, so the
  // retry waits for the lease (30 s in this config) to run out, as after a crash.
  const deliveredCase = (intakeKey: string) =>
    eventually(
      async () => {
        const found = await app.core.cases.findByIntakeKey(intakeKey);
        const done = found && found.outbox.length > 0;
        return done && found.outbox.every((e) => e.state === 'delivered') ? found : undefined;
      },
      120_000,
      { everyMs: 250, what: 'the outbox to deliver everything after the outage' },
    );

  const expectOneCardEach = async (
    opened: Awaited<ReturnType<typeof openWithOutage>>,
    channel: string,
  ) => {
    const delivered = await deliveredCase(opened.intakeKey);
    const customerCards = posted(opened.isCustomerCard);
    const agentCards = posted(
      (c) => c.args.channel === TRIAGE && !c.args.thread_ts && mentions(c, delivered.id),
    );
    expect(customerCards).toHaveLength(1);
    expect(agentCards).toHaveLength(1);
    const link = await new MongoChatLinks(app.core.connection).find(delivered.id, 'customer-card');
    expect(link).toMatchObject({
      address: `slack:${channel}`,
      messageId: customerCards[0]!.response.ts,
      threadId: opened.ts,
    });
  };

  it('the database fails right after a card is posted → one card', async () => {
    const opened = await openWithOutage('D0ONECARD1');
    await expectOneCardEach(opened, 'D0ONECARD1');
  }, 180_000);

  it('the app restarts before the retry → one card, found by its metadata in the thread', async () => {
    const opened = await openWithOutage('D0ONECARD2');
    // A new process remembers nothing of the old one's posts: only Slack knows.
    await app.shutdown('restart');
    app = await start(false);
    await expectOneCardEach(opened, 'D0ONECARD2');
    const lookups = fake.callsTo('conversations.replies');
    expect(lookups).toEqual([
      expect.objectContaining({
        status: 200,
        args: expect.objectContaining({ channel: 'D0ONECARD2', ts: opened.ts }),
      }),
    ]);
    expect(String(lookups[0]!.args.include_all_metadata)).toBe('true');
  }, 180_000);
});
