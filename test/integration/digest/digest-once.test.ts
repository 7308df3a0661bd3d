/**
 * The weekly digest goes out once per target and week across replicas: two schedulers (two
 * Agenda handles, each on its own client of one database, as two processes would be) both
 * poll the digest's job when it falls due; the (target, week) key claimed in the database
 * lets one post through, and a failed post gives it back so the retry sends it.
 */
import { MongoOnceKeys } from '../../../src/store/once-keys/mongo-once-keys.js';
import { setTimeout as sleep } from 'node:timers/promises';
import mongoose from 'mongoose';
import { digestJobs } from '../../../src/compose-digest.js';
import type { DigestTarget } from '../../../src/domain/digest/schedule.js';
import {
  AGENDA_COLLECTION,
  createAgendaScheduler,
  type AgendaSchedulerHandle,
} from '../../../src/jobs/agenda-scheduler.js';
import type { DigestPost } from '../../../src/ports/notifier.js';
import { makePostWeeklyDigest } from '../../../src/use-cases/post-weekly-digest.js';
import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';
import { sampleDigestReport } from '../../support/digest-report.js';

const TARGET: DigestTarget = {
  queueKey: 'billing',
  channel: 'slack:C0LEADS01',
  weekday: 'monday',
  time: '09:00',
  zone: 'Europe/Berlin',
};
const JOB = 'weekly-digest:queue-billing';

/** Waits for an outcome (never asserts on speed): generous deadline, short polls. */
const waitFor = async (what: string, check: () => boolean | Promise<boolean>) => {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await sleep(50);
  }
};

let connection: mongoose.Connection;
let second: mongoose.Connection;
let posts: DigestPost[];

beforeAll(async () => {
  connection = await connectTestDatabase('digest_once');
  second = mongoose.createConnection(process.env.MONGODB_URI!, { dbName: connection.name });
  await second.asPromise();
});
afterAll(async () => {
  await second.close();
  await closeTestDatabase(connection);
});
beforeEach(() => {
  posts = [];
});

/** One replica: its own client, case store (for the keys), digest poster and scheduler. */
const replica = async (db: mongoose.Connection, name: string, failFirst = { left: 0 }) => {
  const post = makePostWeeklyDigest({
    report: async () => sampleDigestReport(),
    drawCharts: async () => [],
    post: async (digest) => {
      if (failFirst.left > 0) {
        failFirst.left -= 1;
        throw new Error('Slack is down');
      }
      posts.push(digest);
      return true;
    },
    keys: new MongoOnceKeys(db),
    clock: { now: () => new Date() },
    newId: () => `${name}-${Math.random()}`,
  });
  const polls: number[] = [];
  const handle = createAgendaScheduler({
    db: db.db!,
    handler: async () => undefined,
    log: { error: () => undefined, warn: () => undefined },
    weekly: digestJobs([TARGET], () => post),
    options: {
      processEveryMs: 150,
      lockLifetimeMs: 10_000,
      instanceName: name,
      onClaimQuery: (kind) => kind === 'scan' && polls.push(Date.now()),
    },
  });
  return { handle, polls, post };
};

const jobs = () => connection.db!.collection(AGENDA_COLLECTION);

/** Every replica polls twice more after `from` (so anything due was claimed), then stops. */
const settle = async (replicas: { handle: AgendaSchedulerHandle; polls: number[] }[]) => {
  const from = Date.now();
  await waitFor('every replica to poll again', () =>
    replicas.every((r) => r.polls.filter((t) => t > from).length >= 2),
  );
  for (const r of replicas) await r.handle.stop();
};

describe('weekly digest across replicas', () => {
  afterEach(async () => {
    await jobs().deleteMany({});
    await connection.db!.collection('onceKeys').deleteMany({});
  });

  it('makes one job document for the target, due at its next weekday and time', async () => {
    const a = await replica(connection, 'a');
    const b = await replica(second, 'b');
    await Promise.all([a.handle.start(), b.handle.start()]);
    const docs = await jobs().find({ name: JOB }).toArray();
    expect(docs).toHaveLength(1);
    expect(docs[0]?.repeatInterval).toBe('0 9 * * 1');
    expect(docs[0]?.repeatTimezone).toBe('Europe/Berlin');
    const next = new Date(docs[0]?.nextRunAt as Date);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    // Monday 09:00 in Berlin is 08:00 UTC in winter, 07:00 in summer.
    expect([next.getUTCDay(), next.getUTCMinutes()]).toEqual([1, 0]);
    for (const r of [a, b]) await r.handle.stop();
  });

  it('posts the digest once when it falls due with two schedulers polling', async () => {
    const a = await replica(connection, 'a');
    const b = await replica(second, 'b');
    await Promise.all([a.handle.start(), b.handle.start()]);
    await jobs().updateOne({ name: JOB }, { $set: { nextRunAt: new Date() } });
    await waitFor('the digest to be posted', () => posts.length >= 1);
    await waitFor('the job to be moved to next week', async () => {
      const doc = await jobs().findOne({ name: JOB });
      return !doc?.lockedAt && new Date(doc?.nextRunAt as Date).getTime() > Date.now();
    });
    await settle([a, b]);
    expect(posts.map((p) => p.id)).toEqual([
      expect.stringMatching(/^digest:queue-billing:\d{4}-W\d{2}$/),
    ]);
    expect(posts[0]?.channel).toBe('slack:C0LEADS01');
  });

  it('a replica running the same week again (a late run, a retry) does not post twice', async () => {
    const a = await replica(connection, 'a');
    const b = await replica(second, 'b');
    const outcomes = await Promise.all([a.post(TARGET), b.post(TARGET), a.post(TARGET)]);
    expect(outcomes.filter((o) => o.posted)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.posted && o.reason === 'already-posted')).toHaveLength(2);
    expect(posts).toHaveLength(1);
  });

  it('gives the key back when posting failed, so the retry posts it', async () => {
    const a = await replica(connection, 'a', { left: 1 });
    const b = await replica(second, 'b');
    await expect(a.post(TARGET)).rejects.toThrow('Slack is down');
    expect(posts).toHaveLength(0);
    expect(await b.post(TARGET)).toMatchObject({ posted: true });
    expect(posts).toHaveLength(1);
  });
});
