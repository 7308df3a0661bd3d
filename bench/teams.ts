/**
 * npm run bench:teams — the ack latency of /api/messages against a bare Node HTTP server,
 * intake throughput and card-press round trips, loopback only. The app (through
 * `serve()`), the bare server, the load generator, the fake Bot Framework connector and
 * the database server each run in a process of their own (bench/ack-bench.ts).
 *
 * Intake throughput: cases per second with both cards posted to the fake connector (the
 * customer card in the customer's chat, the agent card in the desk channel), 10 in
 * flight, each opened by a customer's message in a personal chat of its own. Ack latency:
 * agents' messages in their desk channel at 50 concurrent, which the app acks at once and
 * then handles (authentication, conversation reference, who is writing, the
 * receive-message use case, which ignores staff chatter outside a case thread), to the
 * bare server (it reads the body and answers 200) and to the app, in alternating rounds of
 * the same activities while customers keep opening cases. Target: the app's p50 and p99
 * each ≤ 2× the bare server's in the same run. Also printed, without a target: the round
 * trip of a card press (`adaptiveCard/action` invoke), which answers with the refreshed
 * card and so includes the use case and its database write.
 *
 * Env: BENCH_N messages per target (2000), BENCH_M intake messages (200),
 * BENCH_INTAKE_RATE cases opened per second during the acks (default: half the measured
 * intake throughput), BENCH_INVOKES card presses (200), MONGODB_URI (else an embedded
 * throwaway server). The defaults take about a minute on two cores with the embedded FerretDB.
 */
import { runAckBench } from './ack-bench.js';

await runAckBench({
  chat: 'teams',
  fake: { entry: new URL('./teams-fake.ts', import.meta.url), name: 'the fake connector' },
  n: Number(process.env.BENCH_N ?? 2000),
  m: Number(process.env.BENCH_M ?? 200),
  streamPerSecond: Number(process.env.BENCH_INTAKE_RATE ?? 0),
  // The card presses go to these; the desk messages are about no case.
  cases: 50,
  describe: (sent) => `${sent} desk-channel messages`,
  invokes: Number(process.env.BENCH_INVOKES ?? 200),
});
