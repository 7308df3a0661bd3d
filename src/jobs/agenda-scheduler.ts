import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Agenda, backoffStrategies } from 'agenda';
import { MongoBackend } from '@agendajs/mongo-backend';
import mongoose from 'mongoose';
import { z } from 'zod';
import { SlaTimerDataSchema, type Scheduler, type SlaTimerData } from '../ports/scheduler.js';
import { useBatchedClaims, type BatchedClaimsOptions } from './batched-claims.js';
import { isDuplicateKey } from '../infra/mongo-connection.js';

type Db = mongoose.mongo.Db;

/** The Agenda job name of SLA timers, and the collection every replica shares. */
export const SLA_TIMER_JOB = 'sla-timer';
export const AGENDA_COLLECTION = 'agendaJobs';

/**
 * The document ids a timer key may use. Deterministic ids make every schedule and
 * cancel an `_id` lookup (FerretDB 1.x scans for any other filter, so keying by
 * `data.key` made each re-arm cost a scan of all armed timers). Three, because a run in
 * progress keeps its own document until Agenda's clean-up removes it by `_id`, and a
 * document claimed ahead by a replica must not be reused: a re-armed timer always has
 * a free slot.
 */
export const slotsOf = (key: string): mongoose.mongo.ObjectId[] => {
  const slot = (n: number) =>
    new mongoose.mongo.ObjectId(
      createHash('sha256').update(`${key}#${n}`).digest().subarray(0, 12),
    );
  return [slot(0), slot(1), slot(2)];
};

/** A job document's `data`: the port's timer data plus the key it is armed under. */
const SlaTimerJobDataSchema = SlaTimerDataSchema.extend({ key: z.string().min(1) });

/** The few log methods used here (a pino logger fits). */
export interface AgendaSchedulerLog {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface AgendaSchedulerOptions {
  /**
   * How often each replica polls for due jobs. Timers fire up to this late (the SLA
   * decisions are minute-grained), and each poll costs one claim query per lock on a
   * collection that stays as small as the number of armed clocks.
   */
  readonly processEveryMs?: number;
  /**
   * Handlers running at once per replica. They re-read one case and write one update
   * (chat posts go through the outbox), so they are short and I/O-bound; a cap keeps a
   * burst of due timers from flooding the database, which FerretDB serializes anyway.
   */
  readonly maxConcurrency?: number;
  /**
   * Jobs one replica may hold locked at once (Agenda locks jobs due within the next
   * poll ahead of time). Large enough that a burst (1,000 timers in a minute ≈ 85 per
   * 5 s poll) is claimed in one poll, small enough that one replica leaves work for the
   * others and a crash strands at most this many timers for one lock lifetime.
   */
  readonly lockLimit?: number;
  /**
   * How long a lock holds before another replica may take the job over. Short, so a
   * crashed replica's timers resume within a minute; far longer than a handler runs and
   * than `processEveryMs` (jobs wait up to one poll locked before their time). A handler
   * that outlives it may run twice: handlers are idempotent.
   */
  readonly lockLifetimeMs?: number;
  /** Graceful stop: how long to wait for running handlers. */
  readonly drainTimeoutMs?: number;
  /** Names this replica in `lastModifiedBy`; unique per process by default. */
  readonly instanceName?: string;
  /** Counts claim scans and `_id` claims (tests, benchmark). */
  readonly onClaimQuery?: BatchedClaimsOptions['onQuery'];
}

const DEFAULTS = {
  processEveryMs: 5_000,
  maxConcurrency: 20,
  lockLimit: 250,
  lockLifetimeMs: 60_000,
  drainTimeoutMs: 10_000,
} as const;

export interface WeeklyJob {
  readonly name: string;
  /** `minute hour * * weekday`, as digestCron() writes it. */
  readonly cron: string;
  readonly timezone: string;
  readonly run: () => Promise<void>;
}

export interface AgendaSchedulerHandle {
  readonly scheduler: Scheduler;
  /**
   * Runs job `name` (one of `once`) at `at` with `data`, once per `key`: a second call
   * with the same key while the first is pending changes nothing, on any replica.
   */
  scheduleOnce(name: string, key: string, at: Date, data: Record<string, unknown>): Promise<void>;
  /** Creates the indexes and starts polling. Scheduling works before `start`, too. */
  start(): Promise<void>;
  /** Stops polling, waits for running handlers, releases jobs held but not started. */
  stop(): Promise<void>;
}

/**
 * SLA timers on Agenda 6 with the MongoDB backend, on the app's own connection.
 *
 * One pending job document per key, in one of three slots with deterministic ids (see
 * `slotsOf`): `schedule` writes Agenda's job document into an unlocked slot, so a
 * pending run is moved rather than duplicated, then deletes the other slots unless they
 * are running. A run in progress keeps its own document until it finishes: Agenda's
 * clean-up after a run writes and removes by `_id`, so it must not be the document that
 * now carries the new time. Finished jobs are removed (`removeOnComplete`),
 * failed ones retried with backoff and removed when retries run out. No change-stream
 * notification channel: polling only (FerretDB has no change streams).
 */
export const createAgendaScheduler = (deps: {
  readonly db: Db;
  readonly handler: (data: SlaTimerData) => Promise<void>;
  readonly log: AgendaSchedulerLog;
  readonly options?: AgendaSchedulerOptions;
  /**
   * Jobs that run once a day across all replicas (one `single` job document per name;
   * the first run is at start-up when the job is new).
   */
  readonly daily?: readonly { readonly name: string; readonly run: () => Promise<void> }[];
  /**
   * Jobs that run at a wall-clock time across all replicas (the weekly digests): a cron
   * line read in `timezone`, one `single` job document per name, first run at the next
   * matching time. A changed schedule moves the pending run.
   */
  readonly weekly?: readonly WeeklyJob[];
  /** Jobs run at a given time, once per key (`scheduleOnce`), then removed. */
  readonly once?: readonly {
    readonly name: string;
    readonly run: (data: Record<string, unknown>) => Promise<void>;
  }[];
}): AgendaSchedulerHandle => {
  const { db, handler, log } = deps;
  const settings = { ...DEFAULTS, ...deps.options };
  const instanceName =
    deps.options?.instanceName ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const collection = db.collection(AGENDA_COLLECTION);

  // The indexes are created in start() rather than by the backend's connect(), which
  // Agenda calls from its constructor without handling a rejection.
  const backend = new MongoBackend({
    mongo: db,
    collection: AGENDA_COLLECTION,
    ensureIndex: false,
  });
  const agenda = new Agenda({
    backend,
    name: instanceName,
    processEvery: settings.processEveryMs,
    maxConcurrency: settings.maxConcurrency,
    lockLimit: settings.lockLimit,
    defaultLockLifetime: settings.lockLifetimeMs,
    removeOnComplete: true,
  });

  // One scan per poll, then claims by `_id` (see batched-claims.ts): without it each
  // job Agenda locks costs a scan of the whole collection on FerretDB.
  useBatchedClaims(backend.repository, collection, {
    batchSize: settings.lockLimit,
    freshForMs: settings.processEveryMs / 2,
    shortestLockLifetimeMs: settings.lockLifetimeMs,
    ...(deps.options?.onClaimQuery ? { onQuery: deps.options.onClaimQuery } : {}),
  });

  agenda.on('error', (error: Error) => log.error({ err: error }, 'agenda: job processing error'));
  agenda.on('fail', (error: Error, job) => {
    log.warn(
      { err: error, jobId: String(job.attrs._id), data: job.attrs.data },
      'agenda: SLA timer handler failed',
    );
  });
  agenda.on('retry exhausted', (error: Error, job) => {
    log.error(
      { err: error, jobId: String(job.attrs._id), data: job.attrs.data },
      'agenda: SLA timer failed for good, removing it',
    );
    job.remove().catch((removeError: unknown) => {
      log.error({ err: removeError, jobId: String(job.attrs._id) }, 'agenda: removing failed');
    });
  });

  agenda.define<unknown>(
    SLA_TIMER_JOB,
    async (job) => {
      const parsed = SlaTimerJobDataSchema.safeParse(job.attrs.data);
      if (!parsed.success) {
        // Returning normally lets removeOnComplete drop the document.
        log.warn(
          { jobId: String(job.attrs._id), data: job.attrs.data, issues: parsed.error.issues },
          'agenda: dropped SLA timer with invalid data',
        );
        return;
      }
      const { key: _key, ...data } = parsed.data;
      await handler(data);
    },
    {
      concurrency: settings.maxConcurrency,
      lockLifetime: settings.lockLifetimeMs,
      removeOnComplete: true,
      // Transient failures (database, network): retry 5 s, 10 s, 20 s, 40 s, 80 s.
      backoff: backoffStrategies.exponential({ delay: 5_000, factor: 2, maxRetries: 5 }),
    },
  );

  type SlotDoc = { _id: mongoose.mongo.ObjectId; lockedAt?: Date | null; nextRunAt?: Date | null };
  /** Locked and started: a one-time run has no `nextRunAt` once it began. */
  const isRunning = (doc: SlotDoc | null) => Boolean(doc?.lockedAt) && !doc?.nextRunAt;
  const readSlots = (key: string) =>
    Promise.all(
      slotsOf(key).map(async (_id) => ({
        _id,
        doc: (await collection.findOne(
          { _id },
          { projection: { lockedAt: 1, nextRunAt: 1 } },
        )) as SlotDoc | null,
      })),
    );

  /**
   * The job document Agenda's own `save()` would write for a one-time job, without the
   * fields it sets to null (absent reads the same to Agenda's filters and to its job
   * objects). Smaller documents matter on FerretDB, which decodes every document of a
   * scan: 0.9 s instead of 1.6 s for a claim scan over 11,000 jobs.
   */
  const jobDocument = (at: Date, data: object, name = SLA_TIMER_JOB) => ({
    name,
    data,
    type: 'normal',
    priority: 0,
    nextRunAt: at,
    lastModifiedBy: instanceName,
  });

  for (const job of [...(deps.daily ?? []), ...(deps.weekly ?? [])]) {
    agenda.define(job.name, () => job.run(), {
      concurrency: 1,
      lockLifetime: settings.lockLifetimeMs * 5,
      backoff: backoffStrategies.exponential({ delay: 60_000, factor: 2, maxRetries: 3 }),
    });
  }

  for (const job of deps.once ?? []) {
    agenda.define<Record<string, unknown>>(job.name, (run) => job.run(run.attrs.data ?? {}), {
      concurrency: 1,
      lockLifetime: settings.lockLifetimeMs * 5,
      removeOnComplete: true,
      backoff: backoffStrategies.exponential({ delay: 60_000, factor: 2, maxRetries: 3 }),
    });
  }

  /** A document `_id` made from words: two replicas writing the same one collide. */
  const derivedId = (words: string) =>
    new mongoose.mongo.ObjectId(createHash('sha256').update(words).digest().subarray(0, 12));

  /**
   * A daily job's document, made once for all replicas. Agenda's `every()` saves its job
   * whole, `lockedAt: null` included, so a replica starting while another runs the job
   * unlocked it and ran it again. So the document is only ever inserted — under an `_id`
   * derived from its name (Agenda wants ObjectIds), which makes two replicas starting at once collide instead of making two
   * — and a document of that name from before (made by `every()`) is left as it is.
   */
  const createDaily = async (name: string): Promise<void> => {
    if (await collection.findOne({ name }, { projection: { _id: 1 } })) return;
    const job = agenda.create(name, {});
    job.attrs.type = 'single';
    job.repeatEvery('1 day');
    const { _id: _ignored, ...fields } = job.toJson(true);
    try {
      await collection.insertOne({
        ...fields,
        _id: derivedId(`daily:${name}`),
        lockedAt: null,
        lastModifiedBy: instanceName,
      } as never);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  };

  /**
   * A weekly job's document, inserted once for all replicas under an `_id` derived from its
   * name, as a daily one is (see createDaily). A schedule changed in caseline.yaml is
   * written over the pending run while it is not running.
   */
  const createWeekly = async (job: WeeklyJob): Promise<void> => {
    const _id = derivedId(`weekly:${job.name}`);
    const draft = agenda.create(job.name, {});
    draft.attrs.type = 'single';
    // The first run waits for the next matching time instead of running at start-up.
    draft.repeatEvery(job.cron, { timezone: job.timezone, skipImmediate: true });
    const existing = await collection.findOne(
      { _id },
      { projection: { repeatInterval: 1, repeatTimezone: 1 } },
    );
    if (existing) {
      if (existing.repeatInterval !== job.cron || existing.repeatTimezone !== job.timezone)
        await collection.updateOne(
          { _id, lockedAt: null },
          {
            $set: {
              repeatInterval: job.cron,
              repeatTimezone: job.timezone,
              nextRunAt: draft.attrs.nextRunAt,
            },
          },
        );
      return;
    }
    const { _id: _ignored, ...fields } = draft.toJson(true);
    try {
      await collection.insertOne({
        ...fields,
        _id,
        lockedAt: null,
        lastModifiedBy: instanceName,
      } as never);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  };

  // Every read and write below filters on `_id` alone: FerretDB 1.x answers those from
  // its primary key and scans the collection for anything more (measured: 3 ms against
  // 20–30 ms at a few hundred jobs, growing with the collection).
  const scheduler: Scheduler = {
    async schedule(key, at, data) {
      const payload = { key, ...SlaTimerDataSchema.parse(data) };
      // A few rounds: a replica's poll may lock the chosen slot between the read and the
      // write, and then the write must go to another slot.
      for (let round = 0; round < 3; round += 1) {
        const slots = await readSlots(key);
        // A slot whose document is absent or unlocked takes the new time. A locked slot
        // is running (left alone: Agenda removes it when the run ends) or claimed ahead by
        // a replica's poll (deleted, so that run fails to start, and never reused now:
        // the claiming replica would run it with the old data and then remove it).
        const target =
          slots.find((slot) => slot.doc && !slot.doc.lockedAt) ?? slots.find((slot) => !slot.doc);
        if (!target) throw new Error(`SLA timer ${key}: every slot is locked`);
        // Replaced whole (nothing of a previous run stays), and only while still unlocked:
        // a slot locked since the read makes the upsert's insert collide on `_id`.
        try {
          await collection.replaceOne(
            { _id: target._id, lockedAt: null },
            jobDocument(at, payload),
            { upsert: true },
          );
        } catch (error) {
          if (isDuplicateKey(error)) continue;
          throw error;
        }
        for (const slot of slots) {
          if (slot !== target && slot.doc && !isRunning(slot.doc)) {
            await collection.deleteOne({ _id: slot._id });
          }
        }
        return;
      }
      throw new Error(`SLA timer ${key}: slots kept being locked while re-arming`);
    },
    async cancel(key) {
      // A run already in progress finishes (its handler re-reads the case).
      for (const slot of await readSlots(key)) {
        if (slot.doc && !isRunning(slot.doc)) await collection.deleteOne({ _id: slot._id });
      }
    },
  };

  return {
    scheduler,
    async scheduleOnce(name, key, at, data) {
      // Insert only: a pending (or running) job of this key stays as it is.
      try {
        await collection.insertOne({
          _id: derivedId(`once:${name}:${key}`),
          ...jobDocument(at, data, name),
        } as never);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    },
    async start() {
      await agenda.ready;
      // The backend's own index (claim query); schedule and cancel go by `_id`.
      await collection.createIndex(
        { name: 1, nextRunAt: 1, priority: -1, lockedAt: 1, disabled: 1 },
        { name: 'findAndLockNextJobIndex' },
      );
      await agenda.start();
      for (const job of deps.daily ?? []) await createDaily(job.name);
      for (const job of deps.weekly ?? []) await createWeekly(job);
    },
    async stop() {
      const result = await agenda.drain({
        timeout: settings.drainTimeoutMs,
        closeConnection: false,
      });
      if (result.timedOut) {
        log.warn({ running: result.running }, 'agenda: stopped with handlers still running');
      }
      // drain() leaves the jobs this replica locked ahead of their time locked until the
      // lock lifetime passes; release them so another replica (or a restart) runs them
      // on time. Running one-time jobs have no nextRunAt and keep their lock.
      await collection.updateMany(
        {
          name: SLA_TIMER_JOB,
          lastModifiedBy: instanceName,
          lockedAt: { $ne: null },
          nextRunAt: { $ne: null },
        },
        { $unset: { lockedAt: true } },
      );
    },
  };
};
