/**
 * npm run bench:slack — the Slack endpoint's ack latency against a bare Node HTTP server,
 * and intake throughput, loopback only. The app (through `serve()`), the bare server, the
 * load generator, the fake Slack Web API and the database server each run in a process of
 * their own (bench/ack-bench.ts), so the app's work after an ack pauses the app alone.
 *
 * Intake throughput: cases per second stored with both cards posted (customer card in the
 * DM thread, agent card in the triage channel), 10 cases in flight, each opened by an
 * Events API delivery (a signed `event_callback` message event with an `event_id` of its
 * own). Ack latency: signed "Claim" clicks at 50 concurrent, to the bare server (it reads
 * the body and answers 200: what an ack is) and to the app, in alternating rounds of the
 * same requests while such deliveries stream in. Target: the app's p50 and p99 each ≤ 2×
 * the bare server's in the same run.
 *
 * Env: BENCH_N claims per target (2000), BENCH_M intake messages (300), BENCH_INTAKE_RATE
 * stream messages per second during the acks (default: half the measured intake
 * throughput), MONGODB_URI (else an embedded throwaway server). The defaults take one to two
 * minutes on two cores with the embedded FerretDB.
 */
import { runAckBench } from './ack-bench.js';

await runAckBench({
  chat: 'slack',
  fake: { entry: new URL('./slack-fake.ts', import.meta.url), name: 'the fake Slack API' },
  n: Number(process.env.BENCH_N ?? 2000),
  m: Number(process.env.BENCH_M ?? 300),
  streamPerSecond: Number(process.env.BENCH_INTAKE_RATE ?? 0),
  // Spreading the clicks over every case would queue hundreds of outbox deliveries (each
  // first click claims a case and updates its cards) behind the acks and unbound the run.
  cases: 50,
  describe: (sent, cases) => `${sent} claims on ${cases} cases`,
});
