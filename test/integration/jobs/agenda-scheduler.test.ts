import { setTimeout as sleep } from 'node:timers/promises';
import mongoose from 'mongoose';
import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';
import {
  AGENDA_COLLECTION,
  SLA_TIMER_JOB,
  createAgendaScheduler,
  type AgendaSchedulerHandle,
  type AgendaSchedulerLog,
} from '../../../src/jobs/agenda-scheduler.js';
import { slaTimerKey, type SlaTimerData } from '../../../src/ports/scheduler.js';
import { createLogger } from '../../../src/infra/logger.js';

// A pino logger is what the app passes.
const _loggerFits: AgendaSchedulerLog = createLogger('silent');

const POLL_MS = 150;

/** Waits for an outcome (never asserts on speed): generous deadline, short polls. */
const waitFor = async (
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await sleep(50);
  }
};

interface Call {
  readonly data: SlaTimerData;
  readonly at: number;
  readonly instance: string;
}

const recordingLog = () => {
  const entries: { level: 'warn' | 'error'; message: string; details: object }[] = [];
  const log: AgendaSchedulerLog = {
    warn: (details, message) => entries.push({ level: 'warn', message, details }),
    error: (details, message) => entries.push({ level: 'error', message, details }),
  };
  return { entries, log };
};

describe('SLA timers on Agenda 6 (real database)', () => {
  let connection: mongoose.Connection;
  let second: mongoose.Connection;
  const started: AgendaSchedulerHandle[] = [];
  /** When each running instance last scanned for due jobs (one scan per poll at most). */
  const scans = new Map<AgendaSchedulerHandle, number[]>();
  let calls: Call[];
  let counter = 0;

  const data = (decision: SlaTimerData['decision'] = 'warning'): SlaTimerData => {
    counter += 1;
    return { caseId: `case-${counter}`, clock: 'firstResponse', decision };
  };
  const jobs = () => connection.db!.collection(AGENDA_COLLECTION);
  const docsFor = (key: string) => jobs().countDocuments({ name: SLA_TIMER_JOB, 'data.key': key });

  const startScheduler = async (
    options: {
      instance?: string;
      db?: mongoose.mongo.Db;
      handler?: (data: SlaTimerData) => Promise<void>;
      log?: AgendaSchedulerLog;
      processEveryMs?: number;
      onClaimQuery?: (kind: 'scan' | 'claim') => void;
      daily?: { name: string; run: () => Promise<void> }[];
    } = {},
  ) => {
    const instance = options.instance ?? 'a';
    const seen: number[] = [];
    const handle = createAgendaScheduler({
      db: options.db ?? connection.db!,
      handler:
        options.handler ??
        (async (timer) => {
          calls.push({ data: timer, at: Date.now(), instance });
        }),
      log: options.log ?? recordingLog().log,
      ...(options.daily ? { daily: options.daily } : {}),
      options: {
        processEveryMs: options.processEveryMs ?? POLL_MS,
        lockLifetimeMs: 10_000,
        instanceName: instance,
        onClaimQuery: (kind) => {
          if (kind === 'scan') seen.push(Date.now());
          options.onClaimQuery?.(kind);
        },
      },
    });
    scans.set(handle, seen);
    await handle.start();
    started.push(handle);
    return handle;
  };

  const stopAll = async () => {
    while (started.length > 0) await started.pop()!.stop();
  };

  /**
   * Proves that nothing more happens, without a fixed wait: every instance polls twice
   * more (so anything due is claimed), then stops, which waits for the runs it started.
   */
  const settle = async () => {
    const from = Date.now();
    await waitFor('every instance to poll again', () =>
      started.every((handle) => (scans.get(handle) ?? []).filter((t) => t > from).length >= 2),
    );
    await stopAll();
  };

  beforeAll(async () => {
    connection = await connectTestDatabase('agenda');
    // A second client on the same database, as a second replica would have.
    second = mongoose.createConnection(process.env.MONGODB_URI!, { dbName: connection.name });
    await second.asPromise();
  });

  beforeEach(() => {
    calls = [];
  });

  // A test that fails midway leaves its jobs behind: the next test must not run them.
  afterEach(async () => {
    await stopAll();
    await jobs().deleteMany({});
  });

  afterAll(async () => {
    await second.close();
    await closeTestDatabase(connection);
  });

  it('runs a timer once with its data, then removes its job document', async () => {
    const { scheduler } = await startScheduler();
    const timer = data();
    const key = slaTimerKey(timer);
    const at = new Date(Date.now() + 1_000);
    await scheduler.schedule(key, at, timer);
    expect(await docsFor(key)).toBe(1);

    await waitFor('the timer to run', () => calls.length === 1);
    expect(calls[0]!.data).toEqual(timer);
    expect(calls[0]!.at).toBeGreaterThanOrEqual(at.getTime());
    await waitFor('the job document to be removed', async () => (await docsFor(key)) === 0);
    await settle();
    expect(calls).toHaveLength(1);
  });

  it('moves a pending run when the same key is scheduled again (one document per key)', async () => {
    const { scheduler } = await startScheduler();
    const first = data('warning');
    const key = slaTimerKey(first);
    await scheduler.schedule(key, new Date(Date.now() + 1_000), first);
    const later = new Date(Date.now() + 2_500);
    const moved: SlaTimerData = { ...first, decision: 'breach' };
    await scheduler.schedule(key, later, moved);

    expect(await docsFor(key)).toBe(1);
    const doc = await jobs().findOne({ name: SLA_TIMER_JOB, 'data.key': key });
    expect(doc?.nextRunAt).toEqual(later);
    expect(doc?.data).toEqual({ key, ...moved });

    await waitFor('the moved timer to run', () => calls.length === 1);
    expect(calls[0]!.data).toEqual(moved);
    expect(calls[0]!.at).toBeGreaterThanOrEqual(later.getTime());
    await waitFor('the job document to be removed', async () => (await docsFor(key)) === 0);
    await settle();
    expect(calls).toHaveLength(1);
  });

  it('moves a run that a replica has already claimed ahead of its time', async () => {
    // Agenda locks jobs due within the next poll early; rescheduling must still win. Polls
    // a second apart leave that much between the early lock and the run, so the test
    // reschedules a locked job that has not started, even on a loaded machine.
    const { scheduler } = await startScheduler({ processEveryMs: 1_000 });
    const first = data('warning');
    const key = slaTimerKey(first);
    await scheduler.schedule(key, new Date(Date.now() + 1_500), first);
    await waitFor('the job to be claimed', async () =>
      Boolean(await jobs().findOne({ 'data.key': key, lockedAt: { $ne: null } })),
    );
    const moved: SlaTimerData = { ...first, decision: 'breach' };
    const later = new Date(Date.now() + 3_000);
    await scheduler.schedule(key, later, moved);
    expect(await docsFor(key)).toBe(1);

    await waitFor('the moved timer to run', () => calls.length >= 1);
    await settle();
    expect(calls.map((call) => call.data)).toEqual([moved]);
    await waitFor('the job document to be removed', async () => (await docsFor(key)) === 0);
  });

  it('keeps a timer armed by its own handler while it runs', async () => {
    const seen: SlaTimerData[] = [];
    const handle: AgendaSchedulerHandle = await startScheduler({
      handler: async (timer) => {
        seen.push(timer);
        if (timer.decision === 'warning') {
          // The use case re-arms the clock for its next decision point mid-run.
          await handle.scheduler.schedule(slaTimerKey(timer), new Date(Date.now() + 500), {
            ...timer,
            decision: 'breach',
          });
          await sleep(200);
        }
      },
    });
    const timer = data('warning');
    const key = slaTimerKey(timer);
    await handle.scheduler.schedule(key, new Date(Date.now() + 500), timer);

    await waitFor('warning then breach', () => seen.length === 2);
    expect(seen.map((s) => s.decision)).toEqual(['warning', 'breach']);
    await waitFor('the job documents to be removed', async () => (await docsFor(key)) === 0);
    await settle();
    expect(seen).toHaveLength(2);
  });

  it('does not run a cancelled timer', async () => {
    const { scheduler } = await startScheduler();
    const timer = data();
    const key = slaTimerKey(timer);
    const at = Date.now() + 1_000;
    await scheduler.schedule(key, new Date(at), timer);
    await scheduler.cancel(key);
    expect(await docsFor(key)).toBe(0);
    await waitFor('the due time to pass', () => Date.now() > at);
    await settle();
    expect(calls).toHaveLength(0);
  });

  it('runs each due timer exactly once with two instances on one database', async () => {
    const slowly = (instance: string) => async (timer: SlaTimerData) => {
      calls.push({ data: timer, at: Date.now(), instance });
      await sleep(30);
    };
    const a = await startScheduler({ instance: 'a', handler: slowly('a') });
    await startScheduler({ instance: 'b', db: second.db!, handler: slowly('b') });
    const timers = Array.from({ length: 20 }, () => data());
    const at = new Date(Date.now() + 1_000);
    for (const timer of timers) await a.scheduler.schedule(slaTimerKey(timer), at, timer);

    await waitFor('every timer to run', () => calls.length >= timers.length);
    await waitFor(
      'the job documents to be removed',
      async () => (await jobs().countDocuments({ name: SLA_TIMER_JOB })) === 0,
    );
    await settle();
    expect(calls.map((call) => call.data.caseId).sort()).toEqual(
      timers.map((timer) => timer.caseId).sort(),
    );
  });

  it('claims a burst of due timers with one collection scan, then one claim by _id each', async () => {
    // FerretDB scans the whole collection for Agenda's claim filter; one scan per job
    // made a burst of 1,000 due timers take minutes at 10,000 armed.
    // Armed by a replica that is not polling (scheduling works before start()).
    const parked = createAgendaScheduler({
      db: connection.db!,
      handler: async () => undefined,
      log: recordingLog().log,
    });
    const timers = Array.from({ length: 40 }, () => data());
    for (const timer of timers)
      await parked.scheduler.schedule(slaTimerKey(timer), new Date(), timer);

    const queries = { scan: 0, claim: 0 };
    // A long poll interval: the first poll, at start, finds the whole burst.
    await startScheduler({
      instance: 'burst',
      processEveryMs: 5_000,
      onClaimQuery: (kind) => {
        queries[kind] += 1;
      },
    });
    await waitFor('every timer to run', () => calls.length >= timers.length);
    // Stopped, with its runs finished: the counts below are final. (Polls are 5 s apart.)
    await stopAll();
    expect(calls.map((call) => call.data.caseId).sort()).toEqual(
      timers.map((timer) => timer.caseId).sort(),
    );
    expect(queries.claim).toBeGreaterThanOrEqual(timers.length);
    expect(queries.scan).toBeLessThanOrEqual(2);
  });

  it('refuses to overwrite a slot locked since it was read (the upsert collides on _id)', async () => {
    // schedule() writes with {_id, lockedAt: null}: a slot a replica locked between the
    // read and the write is left alone, and the write goes to another slot.
    const _id = new mongoose.mongo.ObjectId();
    const locked = {
      _id,
      name: SLA_TIMER_JOB,
      data: { key: 'k' },
      lockedAt: new Date(),
      nextRunAt: new Date(),
    };
    await jobs().insertOne(locked);
    const attempt = jobs().replaceOne(
      { _id, lockedAt: null },
      { name: SLA_TIMER_JOB, data: { key: 'k', moved: true }, nextRunAt: new Date() },
      { upsert: true },
    );
    await expect(attempt).rejects.toMatchObject({ code: 11000 });
    expect(await jobs().findOne({ _id })).toEqual(locked);
    await jobs().deleteOne({ _id });
  });

  it('runs a timer that fell due while no instance was running, once, on start', async () => {
    const a = await startScheduler({ instance: 'a' });
    const timer = data();
    const key = slaTimerKey(timer);
    const at = Date.now() + 600;
    await started.pop()!.stop();
    await a.scheduler.schedule(key, new Date(at), timer);
    await waitFor('the due time to pass', () => Date.now() > at + POLL_MS * 3);
    expect(calls).toHaveLength(0);

    await startScheduler({ instance: 'b', db: second.db! });
    await waitFor('the missed timer to run', () => calls.length === 1);
    await settle();
    expect(calls.map((call) => [call.data, call.instance])).toEqual([[timer, 'b']]);
  });

  it('runs a daily job once at start, however many instances start, and keeps one document', async () => {
    let runs = 0;
    const daily = [{ name: 'test-daily-notice', run: async () => void (runs += 1) }];
    await startScheduler({ instance: 'a', daily });
    await startScheduler({ instance: 'b', db: second.db!, daily });
    await waitFor('the daily job to run', () => runs >= 1);
    await settle();
    expect(runs).toBe(1);
    const docs = await jobs().find({ name: 'test-daily-notice' }).toArray();
    expect(docs).toHaveLength(1);
    expect(docs[0]!.nextRunAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    await jobs().deleteMany({ name: 'test-daily-notice' });
  });

  it('leaves a daily job another replica has locked, due, and about to run, alone at start', async () => {
    // What a replica's poll leaves between locking a due job and starting it. Agenda's
    // every() saved the job whole with lockedAt: null, so a replica starting in that
    // moment ran it too.
    const _id = new mongoose.mongo.ObjectId();
    await jobs().insertOne({
      _id,
      name: 'test-daily-locked',
      type: 'single',
      repeatInterval: '1 day',
      data: {},
      priority: 0,
      nextRunAt: new Date(Date.now() - 1_000),
      lockedAt: new Date(),
      lastModifiedBy: 'a',
    });
    let runs = 0;
    const daily = [{ name: 'test-daily-locked', run: async () => void (runs += 1) }];
    await startScheduler({ instance: 'b', db: second.db!, daily });
    await settle();
    expect(runs).toBe(0);
    const docs = await jobs().find({ name: 'test-daily-locked' }).toArray();
    expect(docs.map((doc) => [doc._id.toString(), doc.lockedAt !== null])).toEqual([
      [_id.toString(), true],
    ]);
    await jobs().deleteMany({ name: 'test-daily-locked' });
  });

  it('logs and drops a job document with invalid data, and keeps running', async () => {
    const { entries, log } = recordingLog();
    const { scheduler } = await startScheduler({ log });
    const base = {
      name: SLA_TIMER_JOB,
      type: 'normal',
      priority: 0,
      nextRunAt: new Date(),
      lockedAt: null,
      disabled: null,
    };
    await jobs().insertMany([
      { ...base, data: { key: 'sla:bad:firstResponse', caseId: 42, clock: 'lunch' } },
      { ...base, data: 'not an object' },
      { name: SLA_TIMER_JOB, nextRunAt: new Date() },
    ]);

    await waitFor(
      'three drops to be logged',
      () => entries.filter((e) => e.message.includes('invalid data')).length === 3,
    );
    await waitFor(
      'the bad documents to be removed',
      async () => (await jobs().countDocuments({ name: SLA_TIMER_JOB })) === 0,
    );
    expect(calls).toHaveLength(0);

    const timer = data();
    await scheduler.schedule(slaTimerKey(timer), new Date(), timer);
    await waitFor('a valid timer to run afterwards', () => calls.length === 1);
    expect(calls[0]!.data).toEqual(timer);
  });

  it('refuses to schedule invalid data', async () => {
    const { scheduler } = await startScheduler();
    await expect(
      scheduler.schedule('sla:x:firstResponse', new Date(), {
        caseId: 'x',
        clock: 'lunch',
        decision: 'warning',
      } as unknown as SlaTimerData),
    ).rejects.toThrow();
  });
});
