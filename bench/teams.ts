/**
 * npm run bench:teams — acknowledgement latency of /api/messages beside a bare Node
 * server, loopback only, as bench:slack does for /slack/events.
 *
 * The measured requests are messages agents write in their desk channel: the app acks each
 * at once, then runs the whole turn (authentication, conversation reference, who is
 * writing, the receive-message use case, which ignores staff chatter outside a case
 * thread). Meanwhile customers keep opening cases (BENCH_INTAKE_RATE new personal chats per
 * second, each case's two cards posted through the outbox to the loopback fake
 * connector), so intake runs while the acks are measured. The bare server only reads the
 * body and answers 200. Both targets get the same requests in alternating rounds (50 in
 * flight). Target: app p99 ≤ 2× bare p99. Also printed, without a target: the round trip
 * of a card press (`adaptiveCard/action` invoke), which answers with the refreshed card
 * and so includes the use case and its database write.
 *
 * Env: BENCH_N messages per target (2000), BENCH_INTAKE_RATE cases opened per second
 * during the acks (5), BENCH_INVOKES card presses (200), MONGODB_URI (else an embedded
 * throwaway server).
 */
import { createServer, request, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { startDatabase } from '../src/infra/database/index.js';
import {
  botAddedToChannel,
  cardAction,
  DESK_CHANNEL,
  messageActivity,
  TEAMS_AGENT,
  TEAMS_CUSTOMER,
} from '../test/support/teams/activities.js';
import { serveForTeams } from '../test/support/teams/app-under-test.js';
import { startFakeConnector } from '../test/support/teams/fake-connector.js';

const N = Number(process.env.BENCH_N ?? 2000);
const INVOKES = Number(process.env.BENCH_INVOKES ?? 200);
const INTAKE_RATE = Number(process.env.BENCH_INTAKE_RATE ?? 5);
const CONCURRENCY = 50;
const ROUND = 100;
const WARM_ROUNDS = 3;

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

const post = (url: string, body: string): Promise<{ status: number; ms: number; text: string }> =>
  new Promise((resolve, reject) => {
    const start = performance.now();
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - start, text }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });

const startBareServer = async () => {
  const server = createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      res.writeHead(200, { 'content-length': 0 });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Sends `bodies` to `url`, `CONCURRENCY` in flight; latencies of the 200s, and failures. */
const burst = async (url: string, bodies: readonly string[]) => {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) {
        const answer = await post(url, bodies[next++]!);
        if (answer.status === 200) latencies.push(answer.ms);
        else failures += 1;
      }
    }),
  );
  return { latencies, failures };
};

const main = async () => {
  const database = await startDatabase({ mongodbUri: process.env.MONGODB_URI, ephemeral: true });
  process.env.MONGODB_URI = database.uri;
  const connector = await startFakeConnector();
  connector.addMember(TEAMS_CUSTOMER.id, {
    email: TEAMS_CUSTOMER.email,
    name: TEAMS_CUSTOMER.name,
  });
  const bare = await startBareServer();
  const app = await serveForTeams();
  const appUrl = `http://127.0.0.1:${app.port}/api/messages`;
  try {
    await post(appUrl, JSON.stringify(botAddedToChannel(connector.url, DESK_CHANNEL)));
    let chats = 0;
    const intake = () =>
      post(
        appUrl,
        JSON.stringify(
          messageActivity(connector.url, {
            from: TEAMS_CUSTOMER,
            conversation: { id: `a:bench-${(chats += 1)}`, conversationType: 'personal' },
            text: `Till ${chats} prints blank receipts`,
          }),
        ),
      );
    let said = 0;
    const message = () =>
      JSON.stringify(
        messageActivity(connector.url, {
          from: TEAMS_AGENT,
          conversation: { id: DESK_CHANNEL, conversationType: 'channel' },
          text: `Standup note ${(said += 1)}: looking at the till cases`,
        }),
      );
    const stream = setInterval(() => void intake().catch(() => undefined), 1000 / INTAKE_RATE);
    const casesBefore = (await app.core.cases.list({ limit: 100_000 })).length;
    const results = { bare: [] as number[], app: [] as number[], failures: 0 };
    const rounds = Math.ceil(N / ROUND) + WARM_ROUNDS;
    for (let round = 0; round < rounds; round += 1) {
      // Alternate which target goes first, so neither always meets a quieter machine.
      const order = round % 2 === 0 ? (['bare', 'app'] as const) : (['app', 'bare'] as const);
      for (const target of order) {
        const bodies = Array.from({ length: ROUND }, message);
        const r = await burst(target === 'bare' ? bare.url : appUrl, bodies);
        if (round < WARM_ROUNDS) continue;
        results[target].push(...r.latencies);
        if (target === 'app') results.failures += r.failures;
      }
    }
    clearInterval(stream);
    const opened = (await app.core.cases.list({ limit: 100_000 })).length - casesBefore;
    results.bare.sort((a, b) => a - b);
    results.app.sort((a, b) => a - b);
    const show = (label: string, xs: number[]) =>
      console.log(
        `${label.padEnd(9)} p50 ${percentile(xs, 50).toFixed(2)} ms  p99 ${percentile(xs, 99).toFixed(2)} ms  (${xs.length} acks)`,
      );
    console.log(`server: ${database.kind}; N=${N} per target, ${CONCURRENCY} concurrent`);
    show('bare ack', results.bare);
    show('app ack', results.app);
    const ratio = (p: number) => percentile(results.app, p) / percentile(results.bare, p);
    console.log(
      `ratio app/bare: p50 ${ratio(50).toFixed(2)}x  p99 ${ratio(99).toFixed(2)}x (target p99 ≤ 2x; ${results.failures} app acks not 200)`,
    );
    console.log(
      `intake during the acks: ${chats} customer messages at ${INTAKE_RATE}/s, ${opened} cases opened`,
    );
    console.log(ratio(99) <= 2 && results.failures === 0 ? 'target met' : 'target NOT met');

    // Card presses: each claims or re-presses one of the cases opened above.
    const caseIds = (await app.core.cases.list({ limit: 50 })).map((c) => c.id);
    const presses = Array.from({ length: INVOKES }, (_, i) =>
      JSON.stringify(
        cardAction(connector.url, {
          from: TEAMS_AGENT,
          conversation: { id: DESK_CHANNEL, conversationType: 'channel' },
          verb: 'claim',
          data: { caseId: caseIds[i % caseIds.length]! },
        }),
      ),
    );
    const invoked = await burst(appUrl, presses);
    invoked.latencies.sort((a, b) => a - b);
    show('invoke', invoked.latencies);
    console.log(
      `(invoke answers carry the refreshed card: use case + database write; ${invoked.failures} not 200; no target)`,
    );
  } finally {
    await app.shutdown('bench over');
    await bare.close();
    await connector.close();
    await database.stop();
    agent.destroy();
  }
};

await main();
