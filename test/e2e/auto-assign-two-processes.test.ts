/**
 * Automatic assignment with two app processes on one database, as two replicas run it:
 * 200 customers' messages, delivered at once and split between the processes, give each
 * case one owner, take turns evenly among the queue's available agents and pass over the
 * one who said `/support away`. The round-robin turn in the database is the only thing
 * the processes share. The general queue's support rota, armed by both processes at
 * start, announces each change of duty once, and the desk's weekly digest is posted once.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { importExamples } from '../../src/cli/import-examples.js';
import { connectMongo } from '../../src/infra/mongo-connection.js';
import { importDirectory } from '../../src/import/index.js';
import { startAppProcess, type AppProcess } from '../support/app-process.js';
import {
  deliverToSlack,
  inParallel,
  slackEnv,
  viewDatabase,
  type DatabaseView,
  type Delivery,
} from '../support/deliveries.js';
import { eventually } from '../support/eventually.js';
import { rotaJobsSettled } from '../support/rota.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/slack/fake-slack-api.js';
import { messageEvent, SLACK_HOME, slashCommand } from '../support/slack/payloads.js';
import { exampleConfig, writeTestConfig } from '../support/test-config.js';

const CASES = 200;
const AGENTS = Array.from({ length: 10 }, (_, i) => ({
  email: `rota${i}@ledgerline.example`,
  name: `Rota Agent ${i}`,
  queues: ['erp-finance'],
  slackUserId: `U07ROTA00${i}`,
}));
const AWAY = AGENTS[3]!;

interface QueueConfig {
  key: string;
  members?: string[];
  assignment?: object;
  rota?: object;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The leads' channel the desk's weekly digest goes to. */
const LEADS = 'C0LEADS02';
/** general's triage channel (caseline.example.yaml). */
const GENERAL_TRIAGE = 'C06GENSUP1';
/**
 * A daily rota of two of the agents since three days ago at midnight UTC: turn 3 (the
 * second person) is on duty now; the first takes over at the coming midnight.
 */
const ROTA = {
  people: [AGENTS[0]!.email, AGENTS[1]!.email],
  every: '1 day',
  startsOn: new Date(Date.now() - 3 * DAY_MS).toISOString().slice(0, 10),
  at: '00:00',
  timeZone: 'UTC',
  takes: { statuses: ['waiting-on-customer'] },
};

/**
 * erp-finance (where invoice questions are routed) taking turns among the ten agents. In
 * caseline.yaml, which the processes write at start: the examples are imported before
 * (see app-process.ts), so nothing overwrites it afterwards.
 */
const rotaConfig = (): string => {
  const config = exampleConfig<{ queues: QueueConfig[] }>();
  config.queues = config.queues.map((queue) =>
    queue.key === 'erp-finance'
      ? {
          ...queue,
          members: AGENTS.map((agent) => agent.email),
          assignment: { strategy: 'round-robin', skills: false, handOnWhenAway: false },
        }
      : queue.key === 'general'
        ? { ...queue, rota: ROTA }
        : queue,
  );
  // What an assignment sends (the DM, the cards) is another test's: here it waits in the
  // outbox, written with the assignment, and leaves the processes to the intakes.
  return writeTestConfig({
    ...config,
    outbox: { ...config.outbox, pollMs: 60_000 },
    digest: { channel: `slack:${LEADS}`, weekday: 'monday', time: '09:00', zone: 'UTC' },
  });
};

interface StoredCase {
  number: string;
  queueKey: string;
  assigneeId?: string;
  origin: { address: string; messageId?: string };
  events: { type: string; actor: { kind: string }; data?: Record<string, unknown> }[];
  outbox: { topic: string }[];
}

let uri: string;
let fake: FakeSlackApi;
let view: DatabaseView;
const apps: AppProcess[] = [];

beforeAll(async () => {
  const server = process.env.MONGODB_URI;
  if (!server) throw new Error('MONGODB_URI is not set: run this test through jest');
  const url = new URL(server);
  url.pathname = `/caseline_two_processes_${randomUUID().slice(0, 8)}`;
  uri = url.toString();
  // The desk and the ten agents, before either process starts and caches its directory.
  const connection = await connectMongo(uri);
  try {
    await importExamples(connection, join(process.cwd(), 'examples'), () => undefined);
    const report = await importDirectory({ kind: 'agents', rows: AGENTS, connection });
    if (!report.ok) throw new Error(`agents not imported: ${JSON.stringify(report)}`);
  } finally {
    await connection.close();
  }
  fake = await startFakeSlackApi();
  view = await viewDatabase(uri);
  const config = rotaConfig();
  // One after the other: both write the config's queues at start.
  for (let i = 0; i < 2; i += 1) {
    apps.push(
      await startAppProcess({
        mongodbUri: uri,
        env: slackEnv(fake.url),
        config,
        importExamples: false,
      }),
    );
  }
}, 240_000);

afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  await view?.db.dropDatabase().catch(() => undefined);
  await view?.close();
  await fake?.close();
}, 60_000);

/** `/support away` as the agent sends it, answered by the first process. */
const goAway = async () => {
  const key = `away-${randomUUID().slice(0, 8)}`;
  const command = slashCommand({
    user: AWAY.slackUserId,
    userName: 'rota3',
    team: SLACK_HOME.teamId,
    text: 'away',
    responseUrl: fake.responseUrl(key),
  });
  const delivery = await deliverToSlack(apps[0]!.url, 'command', command);
  expect(delivery.status).toBe(200);
  const answer = await fake.waitFor('response_url', (call) => call.path.includes(key), 30_000);
  expect(String(answer.args.text)).toContain('You are away');
};

test('200 intakes at once on two processes: each case assigned once, evenly, nobody away', async () => {
  await goAway();

  // Each from a DM of its own: the inbox works one conversation's messages in order, so
  // 200 in one channel would reach assignment one after the other, not at once.
  const channels = Array.from({ length: CASES }, (_, i) => `D0ROTA${String(i).padStart(5, '0')}`);
  const messages = channels.map((channel, i) =>
    messageEvent({ text: `Invoice ${i} is stuck at approval`, channel, channelType: 'im' }),
  );
  const answers = await inParallel(messages, 40, (message, i): Promise<Delivery> =>
    deliverToSlack(apps[i % 2]!.url, 'event', message, { timeoutMs: 30_000 }),
  );
  expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);

  const cases = view.db.collection<StoredCase>('cases');
  const opened = { 'origin.address': { $in: channels.map((channel) => `slack:${channel}`) } };
  // Acknowledged is not yet handled: each process works its inbox after the 200.
  await eventually(
    async () =>
      (await cases.countDocuments({ ...opened, 'events.type': 'assigned' })) >= CASES
        ? true
        : undefined,
    120_000,
    { everyMs: 250, what: `${CASES} assigned cases` },
  );
  const stored = await cases.find(opened).toArray();
  expect(stored).toHaveLength(CASES);
  const tsOf = new Map(
    messages.map((m, i) => [`slack:${channels[i]}`, (m.event as { ts: string }).ts]),
  );
  expect(new Set(stored.map((c) => c.origin.address)).size).toBe(CASES);
  expect(stored.filter((c) => tsOf.get(c.origin.address) !== c.origin.messageId)).toEqual([]);

  const agents = await view.db
    .collection<{ _id: unknown; email: string }>('agents')
    .find({ email: { $in: AGENTS.map((agent) => agent.email) } })
    .toArray();
  const emailOf = new Map(agents.map((agent) => [String(agent._id), agent.email]));
  const perAgent = new Map<string, number>(
    AGENTS.filter((agent) => agent !== AWAY).map((agent) => [agent.email, 0]),
  );
  const wrong: string[] = [];
  for (const state of stored) {
    const assigned = state.events.filter((event) => event.type === 'assigned');
    const reason = String(assigned[0]?.data?.reason ?? '');
    const email = emailOf.get(String(state.assigneeId));
    if (
      state.queueKey !== 'erp-finance' ||
      assigned.length !== 1 ||
      assigned[0]?.actor.kind !== 'system' ||
      !reason.startsWith('round-robin') ||
      assigned[0]?.data?.assigneeId !== state.assigneeId ||
      // The assignee's DM, written with the assignment.
      state.outbox.filter((entry) => entry.topic === 'assignment').length !== 1 ||
      email === undefined
    ) {
      wrong.push(`${state.number}: ${state.queueKey}, ${assigned.length} assigned, ${reason}`);
      continue;
    }
    perAgent.set(email, (perAgent.get(email) ?? 0) + 1);
  }
  expect(wrong).toEqual([]);
  expect(perAgent.has(AWAY.email)).toBe(false);
  const counts = [...perAgent.values()];
  expect(counts).toHaveLength(AGENTS.length - 1);
  expect(counts.reduce((sum, n) => sum + n, 0)).toBe(CASES);
  expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);

  // Each process worked the deliveries it stored: both took turns, not one for both.
  const owners = await view.db
    .collection<{ owner: string }>('inbox')
    .distinct('owner', { state: 'done' });
  for (const app of apps) {
    expect(app.exitStatus()).toBeUndefined();
    expect(owners.filter((owner) => owner.includes(`:${app.pid()}:`))).toHaveLength(1);
  }
}, 240_000);

/** The rota's announcements of `who` posted to general's triage channel. */
const announced = (who: string) =>
  fake
    .callsTo('chat.postMessage')
    .filter(
      (c) =>
        c.args.channel === GENERAL_TRIAGE &&
        String(c.args.text).includes(`General Support rota: ${who} is on duty until`),
    );

/** Until no rota job is due or running on either process. */
const rotaSettled = () => rotaJobsSettled(view.db.collection('agendaJobs'));

test('the rota: both processes arm it, each change of duty is announced once', async () => {
  // Both processes armed the running turn at start; one of them announced it.
  await eventually(async () => (announced('Rota Agent 1').length > 0 ? true : undefined), 60_000);
  await rotaSettled();
  expect(announced('Rota Agent 1')).toHaveLength(1);
  // The person on duty is told in Slack too.
  expect(
    fake
      .callsTo('chat.postMessage')
      .filter(
        (c) => c.args.channel === AGENTS[1]!.slackUserId && String(c.args.text).includes('rota'),
      ),
  ).toHaveLength(1);

  // Midnight comes for the job (made due now): the next turn is announced, once.
  const jobs = view.db.collection('agendaJobs');
  const next = await jobs.findOne({ name: 'rota-turn' });
  expect(new Date(next?.data.startsAt).getTime()).toBe(
    new Date(`${new Date(Date.now() + DAY_MS).toISOString().slice(0, 10)}T00:00:00Z`).getTime(),
  );
  await jobs.updateOne({ _id: next!._id }, { $set: { nextRunAt: new Date() } });
  await eventually(async () => (announced('Rota Agent 0').length > 0 ? true : undefined), 60_000);
  await rotaSettled();
  expect(announced('Rota Agent 0')).toHaveLength(1);
  expect(announced('Rota Agent 1')).toHaveLength(1);
  expect(await jobs.countDocuments({ name: 'rota-turn' })).toBe(1);
}, 180_000);

test('the weekly digest: its job falls due on both processes, the week is posted once', async () => {
  const jobs = view.db.collection('agendaJobs');
  const digestPosts = () =>
    fake.callsTo('chat.postMessage').filter((c) => c.args.channel === LEADS && c.status === 200);
  const shared = () =>
    fake.callsTo('files.completeUploadExternal').filter((c) => c.args.channel_id === LEADS);
  // One job for both processes, waiting for Monday 09:00.
  expect(await jobs.countDocuments({ name: 'weekly-digest:desk' })).toBe(1);
  for (let run = 0; run < 2; run += 1) {
    // The time comes (the job made due now); the second time is a late run of the same week.
    const due = new Date();
    await jobs.updateOne({ name: 'weekly-digest:desk' }, { $set: { nextRunAt: due } });
    await eventually(
      async () => {
        const job = await jobs.findOne({ name: 'weekly-digest:desk' });
        return job && !job.lockedAt && job.lastFinishedAt > due ? true : undefined;
      },
      60_000,
      { everyMs: 200, what: 'the digest job to run' },
    );
  }
  expect(digestPosts()).toHaveLength(1);
  expect(String(JSON.stringify(digestPosts()[0]!.args.blocks))).toContain('Weekly digest');
  expect(shared()).toHaveLength(1);
}, 180_000);
