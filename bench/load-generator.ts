/**
 * The load generator of bench:slack and bench:teams, in a process of its own: the signing,
 * the sockets, the timers and the garbage of 50 requests in flight stay off the app's and
 * the bare server's event loops and heaps, and land on both targets alike.
 *
 * It opens cases (intake, waiting for both cards through the parent, which asks the fake
 * chat API), streams customer messages at a fixed rate while it sends the measured
 * requests to the bare server and the app in alternating rounds, and presses cards.
 */
import { performance } from 'node:perf_hooks';
import { serveParent, type Rpc } from './ipc.js';
import { client, emptyRound, runRound, type Driver, type Send } from './load.js';
import {
  ACKS,
  CARDS,
  INTAKE,
  INVOKES,
  START_LOAD,
  type Acks,
  type AcksJob,
  type Intake,
  type LoadConfig,
  type MessageKey,
  type Pair,
} from './protocol.js';
import { slackClient } from './slack-client.js';
import { teamsClient } from './teams-client.js';

interface Targets {
  readonly driver: Driver;
  /** The measured requests, one agent (50 sockets) per target. */
  readonly bare: ReturnType<typeof client>;
  readonly app: ReturnType<typeof client>;
  /** Intake and the stream, on sockets of their own. */
  readonly intake: ReturnType<typeof client>;
}

const connect = (config: LoadConfig): Targets => {
  const driver =
    config.chat === 'slack' ? slackClient(config.signingSecret) : teamsClient(config.fakeUrl);
  return {
    driver,
    bare: client(`${config.bareOrigin}${driver.path}`, 50),
    app: client(`${config.appOrigin}${driver.path}`, 50),
    intake: client(`${config.appOrigin}${driver.path}`, 100),
  };
};

const measureIntake = async (
  rpc: Rpc,
  { driver, intake }: Targets,
  job: { count: number; concurrency: number; timeoutMs: number },
): Promise<Intake> => {
  const result: Intake = { caseIds: [], failed: 0, seconds: 0, doneAt: [], latencies: [] };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      // A case that never gets its cards waits out the timeout: stop at the first, so a
      // broken app ends the run in minutes rather than after count × timeout.
      while (next < job.count && result.failed === 0) {
        next += 1;
        const start = performance.now();
        const { key, request } = driver.intake('measured');
        try {
          const status = await intake.send(request);
          if (status !== 200) throw new Error(`intake answered ${status}`);
          const { caseId } = await rpc.call(CARDS, { key, timeoutMs: job.timeoutMs });
          result.caseIds.push(caseId);
          result.doneAt.push(performance.now() - started);
          result.latencies.push(performance.now() - start);
        } catch (error) {
          if (result.failed === 0) console.error('intake failed:', error);
          result.failed += 1;
        }
      }
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  return result;
};

/** An open-loop stream at a fixed rate: it does not wait for the cards (see PROGRESS). */
const startStream = (driver: Driver, send: Send, perSecond: number) => {
  const sent: { key: MessageKey; status: number }[] = [];
  const pending = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const { key, request } = driver.intake('stream');
    const done: Promise<void> = send(request)
      .then((status) => void sent.push({ key, status }))
      .finally(() => pending.delete(done));
    pending.add(done);
  }, 1000 / perSecond);
  return {
    stop: async () => {
      clearInterval(timer);
      await Promise.all(pending);
      return sent;
    },
  };
};

const pair = (): Pair => ({ bare: emptyRound(), app: emptyRound() });

/**
 * Small rounds, alternated, so both targets see the same moment of the machine (GC, the
 * stream, the database) rather than one of them getting a quieter minute; which goes
 * first alternates too. Each round's requests are built just before it and sent to both.
 */
const measureAcks = async (targets: Targets, job: AcksJob): Promise<Acks> => {
  const stream = startStream(targets.driver, targets.intake.send, job.streamPerSecond);
  const started = performance.now();
  const warm = pair();
  const byOrder: [Pair, Pair] = [pair(), pair()];
  const total = job.count + job.warmRounds * job.roundSize;
  let streamed: Acks['stream'] = [];
  try {
    for (let r = -job.warmRounds, sent = 0; sent < total; r += 1) {
      const size = Math.min(job.roundSize, total - sent);
      sent += size;
      const requests = targets.driver.acks(job.caseIds, size);
      const into = r < 0 ? warm : byOrder[r % 2 === 0 ? 0 : 1];
      const order = r % 2 === 0 ? (['bare', 'app'] as const) : (['app', 'bare'] as const);
      for (const target of order)
        await runRound(requests, targets[target].send, job.concurrency, into[target]);
    }
  } finally {
    streamed = await stream.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  return { warm, byOrder, sent: total, stream: streamed, seconds };
};

let targets: Targets | undefined;
const ready = () => {
  if (!targets) throw new Error('load.start first');
  return targets;
};

serveParent(
  (rpc) => {
    rpc.handle(START_LOAD, async (config) => {
      targets = connect(config);
      await targets.driver.prepare(targets.app.send);
      return {};
    });
    rpc.handle(INTAKE, (job) => measureIntake(rpc, ready(), job));
    rpc.handle(ACKS, (job) => measureAcks(ready(), job));
    rpc.handle(INVOKES, async ({ caseIds, count, concurrency }) => {
      const { driver, app } = ready();
      if (!driver.invokes) throw new Error('this chat has no card presses to measure');
      const round = emptyRound();
      await runRound(driver.invokes(caseIds, count), app.send, concurrency, round);
      return round;
    });
  },
  async () => {
    for (const c of targets ? [targets.bare, targets.app, targets.intake] : []) c.close();
  },
);
