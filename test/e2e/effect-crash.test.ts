/**
 * `kill -9` of the app between the commit of an intake and the dispatch of its effects,
 * then a restart: every effect the intake wrote into the case's outbox happens once — the
 * customer's card and the agent card posted once, the KB suggestion offered once, the SLA
 * timer armed once and fired once. The window is made wide, not timed: the app runs with
 * its outbox worker polling once a minute, so what the intake wrote waits there, and the
 * test checks that nothing went out before it kills the process.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { AGENDA_COLLECTION, slotsOf } from '../../src/jobs/agenda-scheduler.js';
import { connectMongo } from '../../src/infra/mongo-connection.js';
import { slaCaseTimerKey } from '../../src/ports/scheduler.js';
import { MongoKbArticleStore } from '../../src/store/kb/mongo-kb-article-store.js';
import { startAppProcess, type AppProcess } from '../support/app-process.js';
import { startDatabaseProcess, type DatabaseProcess } from '../support/database-process.js';
import {
  deliverToSlack,
  slackEnv,
  viewDatabase,
  type DatabaseView,
} from '../support/deliveries.js';
import { eventually } from '../support/eventually.js';
import { articleDraft } from '../support/kb-article.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/slack/fake-slack-api.js';
import { messageEvent, SLACK_CUSTOMER } from '../support/slack/payloads.js';

const TRIAGE = 'C06ERPFIN1'; // erp-finance, where invoice questions are routed
const DM = 'D0EFFECT0001';
const TEXT =
  'Invoice receipts: the receipt printer shows offline and the till cannot print receipts';

/** The example configuration, its outbox polled once a minute, a first response due in 12 s. */
const crashConfig = (): string => {
  const config = parse(readFileSync('caseline.example.yaml', 'utf8')) as {
    sla: { policies: Record<string, unknown>[] };
    outbox?: Record<string, unknown>;
  };
  const targets = { firstResponse: '12s', resolution: '1h' };
  config.sla.policies = config.sla.policies.map((policy) => ({
    ...policy,
    calendar: 'around-the-clock',
    targets: { urgent: targets, high: targets, normal: targets, low: targets },
    warningAt: 0.5,
    escalation: { raisePriorityOnBreach: false },
  }));
  config.outbox = { ...config.outbox, pollMs: 60_000 };
  const path = join(tmpdir(), `caseline-effect-crash-${process.pid}.yaml`);
  writeFileSync(path, stringify(config));
  return path;
};

let db: DatabaseProcess;
let fake: FakeSlackApi;
let app: AppProcess;
let view: DatabaseView;

beforeAll(async () => {
  db = await startDatabaseProcess('effect_crash');
  fake = await startFakeSlackApi();
  // Saved before the app starts, so its index holds the article from the first intake on.
  const connection = await connectMongo(db.uri);
  try {
    await new MongoKbArticleStore(connection).save(
      articleDraft({
        slug: 'receipt-printer-offline',
        title: 'Receipt printer shows as offline at the checkout',
        problem: 'The till cannot print receipts.',
        solution: 'Run Test print in POS settings, then reinstall the driver.',
      }),
      new Date(),
    );
  } finally {
    await connection.close();
  }
  app = await startAppProcess({
    mongodbUri: db.uri,
    env: slackEnv(fake.url),
    config: crashConfig(),
  });
  view = await viewDatabase(db.uri);
}, 180_000);

afterAll(async () => {
  await view?.close();
  await app?.stop();
  await fake?.close();
  await db?.dispose();
});

const customerCards = (ts: string) =>
  fake.callsTo('chat.postMessage').filter((c) => c.args.channel === DM && c.args.thread_ts === ts);
const agentCards = (number: string) =>
  fake
    .callsTo('chat.postMessage')
    .filter((c) => c.args.channel === TRIAGE && String(c.args.text).includes(number));
const suggestions = (caseId: string) =>
  fake
    .callsTo('chat.postEphemeral')
    .filter(
      (c) =>
        c.args.user === SLACK_CUSTOMER.userId && JSON.stringify(c.args.blocks).includes(caseId),
    );
const timers = (caseId: string) =>
  view.db
    .collection(AGENDA_COLLECTION)
    .find({ _id: { $in: slotsOf(slaCaseTimerKey(caseId)) } as never })
    .toArray();

interface StoredCase {
  readonly _id: string;
  readonly number: string;
  readonly events: readonly { readonly type: string; readonly data?: { clock?: string } }[];
  readonly outbox: readonly { readonly topic: string; readonly state: string }[];
}

test('a kill -9 between the intake commit and its effects: after the restart each effect happens once', async () => {
  const event = messageEvent({ text: TEXT, channel: DM, channelType: 'im' });
  const ts = (event.event as { ts: string }).ts;
  expect((await deliverToSlack(app.url, 'event', event)).status).toBe(200);
  const cases = view.db.collection<StoredCase>('cases');
  const committed = await eventually(
    async () =>
      (await cases.findOne({ 'origin.address': `slack:${DM}`, 'origin.messageId': ts })) ??
      undefined,
    60_000,
    { everyMs: 100, what: 'the intake committed' },
  );
  // Committed with every effect it owes, none of them carried out yet.
  expect(committed.outbox.map((entry) => [entry.topic, entry.state]).sort()).toEqual(
    [
      ['case-opened', 'pending'],
      ['case-opened', 'pending'],
      ['kb-suggestions', 'pending'],
      ['sla-timer', 'pending'],
    ].sort(),
  );
  expect(committed.events.map((e) => e.type)).toContain('kb-matched');
  expect([customerCards(ts), agentCards(committed.number), suggestions(committed._id)]).toEqual([
    [],
    [],
    [],
  ]);
  expect(await timers(committed._id)).toEqual([]);

  await app.kill();
  expect(app.exitStatus()).toMatchObject({ signal: 'SIGKILL' });
  await app.restart();

  // The restarted worker delivers at once (its first poll), then every minute.
  const delivered = await eventually(
    async () => {
      const stored = await cases.findOne({ _id: committed._id });
      return stored?.outbox.every((entry) => entry.state === 'delivered') ? stored : undefined;
    },
    60_000,
    { everyMs: 200, what: 'every effect delivered' },
  );
  expect(delivered.outbox).toHaveLength(committed.outbox.length);
  expect(customerCards(ts).filter((c) => c.status === 200)).toHaveLength(1);
  expect(agentCards(committed.number).filter((c) => c.status === 200)).toHaveLength(1);
  expect(suggestions(committed._id)).toHaveLength(1);
  expect(await timers(committed._id)).toHaveLength(1);
  // The timer, armed once, fires once: the warning (at 6 s) is recorded once.
  const warned = await eventually(
    async () => {
      const stored = await cases.findOne({ _id: committed._id });
      return stored?.events.some((e) => e.type === 'sla-warning') ? stored : undefined;
    },
    60_000,
    { everyMs: 200, what: 'the SLA warning' },
  );
  expect(warned.events.filter((e) => e.type === 'sla-warning')).toHaveLength(1);
  expect(app.exitStatus()).toBeUndefined();
}, 300_000);
