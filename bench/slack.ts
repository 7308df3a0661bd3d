/**
 * npm run bench:slack — the Slack adapter on the app's HTTP server, against the loopback
 * fake Slack Web API, loopback only.
 *
 * Intake throughput: cases per second stored with both cards posted (customer card in the
 * DM thread, agent card in the triage channel), 10 cases in flight.
 * Ack latency: signed "Claim" clicks at 50 concurrent, against a bare node:http server that
 * only reads the body and answers 200 (what an ack is) and against the app, in alternating
 * rounds of the same requests while customer messages stream in. Target: app p99 ≤ 2× bare
 * p99 while intake runs.
 *
 * Env: BENCH_N claims per target (2000), BENCH_M intake messages (300), BENCH_INTAKE_RATE
 * stream messages per second during the acks (default: half the measured intake
 * throughput), MONGODB_URI (else an embedded throwaway server). The clicks come from a
 * forked child process (bench/slack-client.ts) with its own event loop and heap; the bare
 * server, the app, the fake and the intake stream share this one, as in production the app
 * shares its event loop with its own work, so both targets see the same pauses. The
 * defaults take about four minutes on two cores with the embedded FerretDB.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ACTIONS } from '../adapters/slack/registry.js';
import { startDatabase } from '../src/infra/database/index.js';
import { serve } from '../src/main.js';
import { startFakeSlackApi, type FakeSlackApi } from '../test/support/slack/fake-slack-api.js';
import { blockActions } from '../test/support/slack/payloads.js';
import { startAckClient } from './slack-client.js';
import * as load from './slack-load.js';

type AckClient = Awaited<ReturnType<typeof startAckClient>>;

const N = Number(process.env.BENCH_N ?? 2000);
const M = Number(process.env.BENCH_M ?? 300);
const ACK_CONCURRENCY = 50;
const INTAKE_CONCURRENCY = 10;
// Small rounds, alternated, so both targets see the same moment of the machine (GC, the
// intake stream, the database) rather than one of them getting a quieter minute.
const ROUND = 100;
const WARM_ROUNDS = 3;
// Clicks go to this many cases: the first click on each claims it (card updates through
// the outbox), the rest are refusals or double clicks. Spreading them over every case
// would queue hundreds of outbox deliveries behind the acks and unbound the run.
const CLAIMED_CASES = 50;
const SECRET = 'bench-signing-secret';
const TRIAGE = 'C06ERPFIN1'; // erp-finance's triage channel: "invoice" routes there
const AGENTS = ['U06PRAMAN1', 'U06LVOGT01', 'U06THERR01'];
const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Every case in flight waits on the fake's call emitter; more than the default 10
// listeners is expected here, not a leak.
EventEmitter.defaultMaxListeners = 4 * INTAKE_CONCURRENCY;

const ms = (value: number) => `${value.toFixed(2)} ms`;
const rate = (count: number, seconds: number) => (count / seconds).toFixed(1);

/** Names a fresh database in any mongodb:// URI, keeping its options. */
const withDatabase = (uri: string, name: string): string => {
  const [base = uri, query] = uri.split('?');
  const origin = /^(mongodb(?:\+srv)?:\/\/[^/]+)/.exec(base)?.[1] ?? base;
  return `${origin}/${name}${query ? `?${query}` : ''}`;
};

/** Opens `count` cases with `concurrency` in flight; each is done once both its cards are out. */
const measureIntake = async (deps: load.IntakeDeps, count: number, concurrency: number) => {
  const latencies: number[] = [];
  const doneAt: number[] = [];
  const ids: string[] = [];
  let next = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      // A case that never gets its cards waits out the timeout: stop at the first, so a
      // broken app ends the run in minutes rather than after count × timeout.
      while (next < count && failed === 0) {
        const n = next++;
        const start = performance.now();
        try {
          ids.push(await load.openByMessage(deps, `Invoice ${n} export fails at month-end`));
          doneAt.push(performance.now() - started);
          latencies.push(performance.now() - start);
        } catch {
          failed += 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { ids, failed, seconds, doneAt, latencies: latencies.sort((a, b) => a - b) };
};

/** Claim clicks spread over the cases and agents; one list is sent to both targets. */
const claims = (caseIds: readonly string[], count: number) =>
  Array.from({ length: count }, () => {
    const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
    return blockActions({
      actionId: ACTIONS.claim,
      value: pick(caseIds),
      channel: TRIAGE,
      user: pick(AGENTS),
    });
  });

/**
 * Alternating rounds of the same requests, run by the forked client (bench/slack-client.ts):
 * this process only serves them, so its GC and post-ack work fall on whichever target is
 * in flight, as they would in production, but the client's own do not.
 */
const measureAcks = async (
  caseIds: readonly string[],
  client: AckClient,
  urls: { bare: string; app: string },
) => {
  const { byOrder } = await client.run({
    bareUrl: urls.bare,
    appUrl: urls.app,
    secret: SECRET,
    concurrency: ACK_CONCURRENCY,
    roundSize: ROUND,
    warmRounds: WARM_ROUNDS, // they warm sockets, JIT and caches
    payloads: claims(caseIds, N + WARM_ROUNDS * ROUND),
  });
  // By round order too: one stall hits all 50 requests in flight, so p99 hinges on where
  // the few longest stalls fall; two halves that disagree say the verdict is noise.
  const merge = (target: 'bare' | 'app'): load.Round => ({
    latencies: byOrder.flatMap((o) => o[target].latencies),
    failures: byOrder[0][target].failures + byOrder[1][target].failures,
  });
  const result = { bare: merge('bare'), app: merge('app') };
  for (const r of [result.bare, result.app, ...byOrder.flatMap((o) => [o.bare, o.app])])
    r.latencies.sort((a, b) => a - b);
  return { ...result, byOrder, sent: N + WARM_ROUNDS * ROUND };
};

const run = async (
  deps: load.IntakeDeps,
  fake: FakeSlackApi,
  client: AckClient,
  urls: { bare: string; app: string },
) => {
  // Intake first, on a quiet app: the acked claims below leave work running after them.
  await measureIntake(deps, 20, INTAKE_CONCURRENCY); // warm-up
  const intake = await measureIntake(deps, M, INTAKE_CONCURRENCY);
  const half = Math.floor(intake.doneAt.length / 2);
  const [mid = 0, end = 0] = [intake.doneAt[half - 1], intake.doneAt.at(-1)];
  console.log(
    `intake      ${rate(intake.ids.length, intake.seconds)} cases/s with both cards ` +
      `(${intake.ids.length}/${M} in ${intake.seconds.toFixed(1)} s, ${intake.failed} failed, ` +
      `${INTAKE_CONCURRENCY} in flight; first half ${rate(half, mid / 1000)}/s, second half ` +
      `${rate(intake.doneAt.length - half, (end - mid) / 1000)}/s)`,
  );
  const [p50, p99] = [50, 99].map((p) => load.percentile(intake.latencies, p));
  console.log(`            message → both cards p50 ${ms(p50!)}  p99 ${ms(p99!)}`);
  if (intake.ids.length === 0) throw new Error('no case got both cards: nothing to claim');

  const perSecond =
    Number(process.env.BENCH_INTAKE_RATE ?? 0) ||
    Math.max(0.5, intake.ids.length / intake.seconds / 2);
  const callsBefore = fake.calls.length;
  const stream = load.startIntakeStream(deps, perSecond);
  const started = performance.now();
  const targets = intake.ids.slice(0, CLAIMED_CASES);
  const acks = await measureAcks(targets, client, urls);
  const ackEnd = performance.now();
  const background = await stream.stop();
  const acked = background.filter((m) => m.status === 200);
  const tail = await load.settle(
    fake,
    ackEnd,
    () => load.outcomeOf(deps, acked).both === acked.length,
  );
  const outcome = load.outcomeOf(deps, background);

  const figures = (label: string, round: load.Round) =>
    console.log(
      `${label.padEnd(11)} p50 ${ms(load.percentile(round.latencies, 50))}  ` +
        `p99 ${ms(load.percentile(round.latencies, 99))}  (${round.latencies.length} acks, ` +
        `${round.failures} not 200, ${ACK_CONCURRENCY} concurrent)`,
    );
  figures('bare ack', acks.bare);
  figures('app ack', acks.app);
  const ratio = (p: number, of: { bare: load.Round; app: load.Round } = acks) =>
    load.percentile(of.app.latencies, p) / load.percentile(of.bare.latencies, p);
  const [bareFirst, appFirst] = acks.byOrder.map((o) => ratio(99, o).toFixed(2));
  console.log(
    `ratio app/bare: p50 ${ratio(50).toFixed(2)}x  p99 ${ratio(99).toFixed(2)}x (target p99 ≤ 2x; ` +
      `p99 in bare-first rounds ${bareFirst}x, in app-first rounds ${appFirst}x)`,
  );
  console.log(
    `intake stream during the acks: ${perSecond.toFixed(1)}/s for ` +
      `${((ackEnd - started) / 1000).toFixed(1)} s, ${background.length} messages, ` +
      `${acked.length} acked 200; ` +
      `${outcome.customer} customer cards, ${outcome.both} with both cards by the end`,
  );
  console.log(
    `work behind the acks (${acks.sent} claims on ${targets.length} cases, the stream's ` +
      `cards) ended ${tail.toFixed(1)} s after the last ack; fake Slack saw ` +
      load.countCalls(fake, callsBefore),
  );
  const met = ratio(99) <= 2 && acks.app.failures === 0;
  console.log(
    met
      ? 'target met: app p99 ≤ 2× bare p99 while intake runs'
      : `target NOT met: app p99 is ${ratio(99).toFixed(2)}× bare p99` +
          (acks.app.failures ? ` and ${acks.app.failures} acks were not 200` : ''),
  );
};

const main = async () => {
  const database = await startDatabase({
    mongodbUri: process.env.MONGODB_URI,
    ephemeral: true,
    log: (m) => console.log(m),
  });
  const fake = await startFakeSlackApi();
  const bareServer = await load.startBareServer();
  const app = await serve({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      MONGODB_URI: withDatabase(database.uri, `caseline_bench_${randomUUID().slice(0, 8)}`),
      CASELINE_CONFIG: 'caseline.example.yaml',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-bench-token',
      SLACK_API_URL: fake.url,
    },
    cwd: ROOT, // the config and examples paths are relative to the repo root
    importExamplesFrom: join(ROOT, 'examples'),
  });
  const appUrl = `http://127.0.0.1:${app.port}/slack/events`;
  // The clicks come from a child process; the intake stream stays here, on its own sockets.
  const ackClient = await startAckClient();
  const intakeClient = load.client(appUrl, 100);
  const deps = {
    secret: SECRET,
    send: intakeClient.send,
    fake,
    triage: TRIAGE,
    timeoutMs: 120_000,
  };
  try {
    console.log(`server: ${database.kind}; N=${N} M=${M}`);
    await run(deps, fake, ackClient, { bare: bareServer.url, app: appUrl });
  } finally {
    ackClient.close();
    intakeClient.close();
    await app.shutdown('bench over');
    await bareServer.close();
    await fake.close();
    await database.stop();
  }
};

await main();
