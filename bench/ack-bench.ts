/**
 * The run shared by bench:slack and bench:teams. This process only orchestrates: the
 * database server (started from bench/database-server.ts), the app (bench/app-server.ts), the bare server (bench/bare-server.ts),
 * the load generator (bench/load-generator.ts) and the fake chat API each run in a process
 * of their own, and talk over loopback HTTP; control goes over IPC (bench/ipc.ts). So
 * the app's work after an ack pauses the app alone, as it would in production, and the
 * bare server is a baseline the app cannot drag along.
 *
 * Phases: intake on a quiet app (throughput, with a warm-up); then the measured requests
 * to both targets in alternating rounds while customer messages stream in; then the work
 * left behind the acks is waited out (bounded); then, for Teams, card presses.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { printAcks, printIntake, printRoundTrips, printStream, printTail } from './ack-report.js';
import { spawnChild, type Child } from './ipc.js';
import {
  ACKS,
  CARDS,
  INTAKE,
  INVOKES,
  PROGRESS,
  START_APP,
  START_BARE,
  START_DATABASE,
  START_FAKE,
  START_LOAD,
  type AppConfig,
  type Chat,
  type MessageKey,
} from './protocol.js';

export interface AckBench {
  readonly chat: Chat;
  /** The fake chat API's entry, and what the report calls it. */
  readonly fake: { readonly entry: URL; readonly name: string };
  /** Measured requests per target; intake messages before them. */
  readonly n: number;
  readonly m: number;
  /** Stream messages per second during the acks; 0: half the measured intake throughput. */
  readonly streamPerSecond: number;
  /** The measured requests go to the first this many cases intake opened. */
  readonly cases: number;
  /** How the report names the measured requests, given their count and cases. */
  describe(sent: number, cases: number): string;
  /** Teams: card presses measured after the acks. */
  readonly invokes?: number;
}

const SECRET = 'bench-signing-secret';
const ACK_CONCURRENCY = 50;
const INTAKE_CONCURRENCY = 10;
const ROUND = 100;
const WARM_ROUNDS = 3;
const INTAKE_TIMEOUT_MS = 120_000;
const SETTLE_LIMIT_MS = 180_000;

/**
 * Waits (bounded) until every acked stream message has both cards, then for 2 s without a
 * new call (outbox deliveries on a large FerretDB collection can be a second apart);
 * returns seconds from `since` to the last call.
 */
const settle = async (fake: Child, keys: MessageKey[], sinceCall: number, since: number) => {
  const limit = since + SETTLE_LIMIT_MS;
  const ask = () => fake.rpc.call(PROGRESS, { keys, sinceCall });
  let progress = await ask();
  while (progress.both < keys.length && performance.now() < limit) {
    await sleep(250);
    progress = await ask();
  }
  let last = performance.now();
  for (let seen = -1; seen !== progress.calls && performance.now() < limit;) {
    if (seen >= 0) last = performance.now();
    seen = progress.calls;
    await sleep(2000);
    progress = await ask();
  }
  return { tail: (last - since) / 1000, progress };
};

const measure = async (bench: AckBench, fake: Child, load: Child) => {
  const intakeJob = { concurrency: INTAKE_CONCURRENCY, timeoutMs: INTAKE_TIMEOUT_MS };
  // Intake first, on a quiet app: the acked requests below leave work running after them.
  await load.rpc.call(INTAKE, { ...intakeJob, count: 20 }); // warm-up
  const intake = await load.rpc.call(INTAKE, { ...intakeJob, count: bench.m });
  printIntake(intake, bench.m, INTAKE_CONCURRENCY);
  if (intake.caseIds.length === 0) throw new Error('no case got both cards: nothing to act on');

  const perSecond =
    bench.streamPerSecond || Math.max(0.5, intake.caseIds.length / intake.seconds / 2);
  const { calls: sinceCall } = await fake.rpc.call(PROGRESS, { keys: [], sinceCall: 0 });
  const cases = intake.caseIds.slice(0, bench.cases);
  const acks = await load.rpc.call(ACKS, {
    caseIds: cases,
    count: bench.n,
    roundSize: ROUND,
    warmRounds: WARM_ROUNDS,
    concurrency: ACK_CONCURRENCY,
    streamPerSecond: perSecond,
  });
  const ackEnd = performance.now();
  const acked = acks.stream.filter((m) => m.status === 200).map((m) => m.key);
  const { tail, progress } = await settle(fake, acked, sinceCall, ackEnd);
  printAcks(acks, ACK_CONCURRENCY);
  printStream(acks, perSecond, progress);
  printTail(bench.describe(acks.sent, cases.length), bench.fake.name, tail, progress);

  if (!bench.invokes) return;
  const presses = { caseIds: cases, count: bench.invokes, concurrency: ACK_CONCURRENCY };
  printRoundTrips(
    'invoke',
    await load.rpc.call(INVOKES, presses),
    ACK_CONCURRENCY,
    'answers carry the refreshed card: use case + database write; no target',
  );
};

/** Starts every part, runs the phases, and stops every part whatever happened. */
export const runAckBench = async (bench: AckBench): Promise<void> => {
  const parts = new Map<string, Child>();
  try {
    const entries = {
      database: new URL('./database-server.ts', import.meta.url),
      fake: bench.fake.entry,
      bare: new URL('./bare-server.ts', import.meta.url),
      load: new URL('./load-generator.ts', import.meta.url),
      app: new URL('./app-server.ts', import.meta.url),
    };
    // All at once (tsx compiles each for a second or two); every one that started is kept
    // for the stop below, even when another failed.
    const spawned = await Promise.allSettled(
      Object.entries(entries).map(async ([name, entry]) => {
        const child = await spawnChild(name, entry);
        parts.set(name, child);
        return child;
      }),
    );
    const failed = spawned.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    const part = (name: keyof typeof entries) => parts.get(name)!;
    const [database, { url: fakeUrl }, { origin: bareOrigin }] = await Promise.all([
      part('database').rpc.call(START_DATABASE, { mongodbUri: process.env.MONGODB_URI }, 120_000),
      part('fake').rpc.call(START_FAKE, {}),
      part('bare').rpc.call(START_BARE, {}),
    ]);
    const appConfig: AppConfig =
      bench.chat === 'slack'
        ? { chat: 'slack', databaseUri: database.uri, signingSecret: SECRET, apiUrl: fakeUrl }
        : { chat: 'teams', databaseUri: database.uri };
    const { origin: appOrigin } = await part('app').rpc.call(START_APP, appConfig, 180_000);
    // The load generator waits for cards through here: it and the fake are both children.
    part('load').rpc.handle(CARDS, (input) => part('fake').rpc.call(CARDS, input));
    const loadConfig = { chat: bench.chat, appOrigin, bareOrigin, fakeUrl, signingSecret: SECRET };
    await part('load').rpc.call(START_LOAD, loadConfig);
    console.log(
      `server: ${database.kind}; N=${bench.n} M=${bench.m}; app, bare server, load ` +
        `generator, ${bench.fake.name} and database each in a process of its own`,
    );
    // Any part that dies ends the run at once rather than at some call's timeout.
    await Promise.race([
      measure(bench, part('fake'), part('load')),
      ...[...parts.values()].map((p) => p.crashed),
    ]);
  } finally {
    // Nothing more is sent; the app delivers what its outbox owes to the fake, still up.
    for (const name of ['load', 'app', 'fake', 'bare', 'database']) await parts.get(name)?.stop();
  }
};
