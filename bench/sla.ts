/**
 * npm run bench:sla — SLA timers on Agenda against the project's database server.
 *
 * 1. Arms the SLA timers of 10,000 open cases (the same path every case change takes:
 *    compute the clocks, schedule the case's timer), against a raw insertOne of a job
 *    document of the same size in the same run. Prints the time, the jobs collection
 *    size against the number of running clocks, and process memory.
 * 2. With those 10,000 armed, arms 1,000 more whose warning falls within the same
 *    minute, starts Agenda, and lets the real handler (re-read, decide, record the alert)
 *    run each. Prints firing lateness p50/p99 against `processEvery`.
 *
 * Targets (issue 5): arming 10,000 under a minute; jobs ≤ running clocks; lateness p99
 * ≤ processEvery + 1 s. Set BENCH_CASES / BENCH_DUE to change the sizes.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { composeCore } from '../src/composition.js';
import { loadConfig } from '../src/config.js';
import type { CaseState } from '../src/domain/case/types.js';
import { parseSlaConfig } from '../src/domain/sla/index.js';
import { startDatabase } from '../src/infra/database/index.js';
import { connectMongo } from '../src/infra/mongo-connection.js';
import { AGENDA_COLLECTION, createAgendaScheduler } from '../src/jobs/agenda-scheduler.js';
import { toCaseDocument } from '../src/store/cases/mongo-case-repository.js';
import { makeArmSlaTimers } from '../src/use-cases/sla/arm-sla-timers.js';
import type { SlaTimerData } from '../src/ports/scheduler.js';
import { buildCase } from '../test/support/build-case.js';

const CASES = Number(process.env.BENCH_CASES ?? 10_000);
const DUE = Number(process.env.BENCH_DUE ?? 1_000);
const PROCESS_EVERY_MS = 5_000;
const CONCURRENCY = 8;
const HOUR = 3_600_000;

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const SLA = parseSlaConfig({
  calendars: [{ name: 'always', timeZone: 'UTC', hours: '24/7' }],
  policies: [
    {
      name: 'standard',
      calendar: 'always',
      targets: { normal: { firstResponse: '4h', resolution: '40h' } },
      warningAt: 0.75,
    },
  ],
  defaultPolicy: 'standard',
});

let seq = 0;
/** An open, unanswered case opened at `createdAt`: first response and resolution run. */
const openCase = (createdAt: Date): CaseState => {
  const id = randomUUID();
  seq += 1;
  return buildCase({
    id,
    number: `CASE-${seq}`,
    seq,
    intakeKey: `bench:${id}`,
    createdAt,
    updatedAt: createdAt,
    events: [
      {
        id: randomUUID(),
        type: 'opened',
        at: createdAt,
        actor: { kind: 'customer', id: 'contact', name: 'Carol', role: 'customer' },
        visibility: 'public',
      },
    ],
  });
};

const inParallel = async <T>(items: readonly T[], work: (item: T) => Promise<unknown>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
};

const main = async () => {
  if (!SLA.ok) throw new Error(SLA.message);
  const database = await startDatabase({
    mongodbUri: process.env.MONGODB_URI,
    ephemeral: true,
    log: (m) => console.log(m),
  });
  const connection = await connectMongo(database.uri, `bench_sla_${randomUUID().slice(0, 8)}`);
  const log = pino({ level: 'warn' });
  try {
    const base = loadConfig({ CASELINE_CONFIG: undefined, LOG_LEVEL: 'warn' }, '/nonexistent');
    const config = { ...base, sla: SLA.value };
    const expected = new Map<string, number>();
    const lateness: number[] = [];
    const claimQueries = { scan: 0, claim: 0 };
    const late: { evaluate?: (data: SlaTimerData) => Promise<void> } = {};
    const timers = createAgendaScheduler({
      db: connection.db!,
      log,
      handler: async (data) => {
        const due = expected.get(data.caseId);
        if (due !== undefined) lateness.push(Date.now() - due);
        await late.evaluate?.(data);
      },
      options: {
        processEveryMs: PROCESS_EVERY_MS,
        onClaimQuery: (kind) => {
          claimQueries[kind] += 1;
        },
      },
    });
    const core = await composeCore({
      config,
      connection,
      log,
      notifier: { deliver: async () => undefined },
      scheduler: timers.scheduler,
    });
    late.evaluate = async (data) => {
      const result = await core.sla!.evaluateTimer(data);
      if (!result.ok) throw new Error(result.message);
    };
    const arm = makeArmSlaTimers({
      sla: SLA.value,
      workflow: config.workflow,
      clock: { now: () => new Date() },
      scheduler: timers.scheduler,
    });
    const cases = connection.collection('cases');
    const jobs = connection.collection(AGENDA_COLLECTION);

    // Setup: the cases themselves (not timed), opened over the last hour.
    const now = Date.now();
    const armed = Array.from({ length: CASES }, (_, i) =>
      openCase(new Date(now - (i % 3600) * 1000)),
    );
    const setupStarted = performance.now();
    for (let i = 0; i < armed.length; i += 500) {
      await cases.insertMany(
        armed.slice(i, i + 500).map((c) => ({ ...toCaseDocument(c) })) as never,
      );
    }

    console.log(
      `setup: ${CASES} cases stored in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`,
    );
    // Baseline: a raw insertOne of a job-sized document per case, same concurrency.
    const scratch = connection.collection('benchScratch');
    const sample = (await jobs.findOne()) ?? {
      name: 'sla-timer',
      data: { key: 'sla:x', caseId: 'x', clock: 'firstResponse', decision: 'warning' },
      type: 'normal',
      priority: 0,
      nextRunAt: new Date(),
      lockedAt: null,
    };
    const { _id: _ignored, ...jobShape } = sample as Record<string, unknown>;
    let started = performance.now();
    await inParallel(armed, () => scratch.insertOne({ ...jobShape }));
    const baselineMs = performance.now() - started;
    console.log(`baseline: ${CASES} raw insertOne in ${(baselineMs / 1000).toFixed(1)} s`);

    started = performance.now();
    let done = 0;
    await inParallel(armed, async (c) => {
      await arm(c);
      done += 1;
      if (done % 2000 === 0) {
        console.log(`  armed ${done} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
    });
    const armMs = performance.now() - started;
    const jobCount = await jobs.countDocuments();
    const memory = process.memoryUsage();
    console.log(
      `arm ${CASES} cases (${CASES * 2} running clocks): ${(armMs / 1000).toFixed(1)} s, ` +
        `${(CASES / (armMs / 1000)).toFixed(0)}/s; raw insertOne of a job document: ` +
        `${(baselineMs / 1000).toFixed(1)} s → ratio ${(armMs / baselineMs).toFixed(2)}×`,
    );
    console.log(
      `jobs collection: ${jobCount} documents for ${CASES * 2} running clocks ` +
        `(${(jobCount / (CASES * 2)).toFixed(2)} per clock); heap ${mb(memory.heapUsed)}, rss ${mb(memory.rss)}`,
    );

    // 1,000 timers due within the same minute, 20–80 s from now, with the rest armed.
    const windowStart = Date.now() + 20_000;
    const due = Array.from({ length: DUE }, (_, i) => {
      const warnAt = windowStart + Math.floor((i / DUE) * 60_000);
      const state = openCase(new Date(warnAt - 3 * HOUR)); // warned at 75 % of 4 h
      expected.set(state.id, warnAt);
      return state;
    });
    for (let i = 0; i < due.length; i += 500) {
      await cases.insertMany(due.slice(i, i + 500).map((c) => ({ ...toCaseDocument(c) })) as never);
    }
    await inParallel(due, (c) => arm(c));
    console.log(
      `armed ${DUE} more due between +20 s and +80 s; jobs now ${await jobs.countDocuments()}`,
    );
    // What one claim scan costs here: Agenda's lock filter, sorted on nextRunAt, over
    // the whole jobs collection. MongoDB answers it from Agenda's index; FerretDB 1.x
    // scans and sorts in memory. Batched claims (src/jobs/batched-claims.ts) run it once
    // per poll and claim each candidate by _id.
    const claimQuery = () =>
      jobs
        .find(
          { name: 'sla-timer', lockedAt: null, nextRunAt: { $lte: new Date() } },
          { sort: { nextRunAt: 1, priority: -1 }, projection: { _id: 1, name: 1 }, limit: 250 },
        )
        .toArray();
    const claimStarted = performance.now();
    for (let i = 0; i < 5; i += 1) await claimQuery();
    const claimMs = (performance.now() - claimStarted) / 5;
    console.log(
      `one claim scan over ${await jobs.countDocuments()} jobs: ${claimMs.toFixed(0)} ms ` +
        `(one per poll; each due job is then claimed by _id)`,
    );
    await timers.start();
    const deadline = windowStart + 60_000 + 120_000;
    while (lateness.length < DUE && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    await timers.stop();
    late.evaluate = undefined; // handlers still draining after this record nothing
    lateness.sort((a, b) => a - b);
    const p50 = percentile(lateness, 50);
    const p99 = percentile(lateness, 99);
    console.log(
      `fired ${lateness.length}/${DUE}: lateness p50 ${(p50 / 1000).toFixed(2)} s, ` +
        `p99 ${(p99 / 1000).toFixed(2)} s; processEvery ${PROCESS_EVERY_MS / 1000} s → ` +
        `p99 = processEvery × ${(p99 / PROCESS_EVERY_MS).toFixed(2)} ` +
        `(target ≤ ${(PROCESS_EVERY_MS + 1000) / 1000} s: ${p99 <= PROCESS_EVERY_MS + 1000 ? 'met' : 'missed'})`,
    );
    const recorded = await cases.countDocuments({ 'events.type': 'sla-warning' });
    console.log(
      `jobs after firing: ${await jobs.countDocuments()}; cases with a recorded warning: ${recorded}; ` +
        `claim scans ${claimQueries.scan}, claims by _id ${claimQueries.claim}`,
    );
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
    await database.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
