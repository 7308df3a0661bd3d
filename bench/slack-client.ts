/**
 * The ack load generator of bench/slack.ts, forked into a process of its own
 * (`startAckClient`): the signing, the sockets, the timers and the garbage of 50 clicks in
 * flight stay off the event loop and the heap the app and the bare server share, so a
 * pause of the client's lands on neither target and one of the app's lands on both.
 *
 * Protocol over IPC: the child says `ready`; the parent sends one AckJob (the URLs, the
 * signing secret, the concurrency, round sizes and every round's unsigned payloads); the
 * child runs the rounds, alternating which target goes first, signing each round's
 * requests just before it (within Slack's 5 minutes), and answers with the latencies.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as load from './slack-load.js';

export interface AckJob {
  readonly bareUrl: string;
  readonly appUrl: string;
  readonly secret: string;
  readonly concurrency: number;
  /** Requests per round per target; the last measured round may be shorter. */
  readonly roundSize: number;
  /** Rounds that warm sockets, JIT and caches before the measured ones. */
  readonly warmRounds: number;
  /** Interaction payloads, round after round: the warm rounds' first. */
  readonly payloads: readonly object[];
}

export interface Pair {
  bare: load.Round;
  app: load.Round;
}

export interface AckResult {
  readonly warm: Pair;
  /** Measured rounds by order: [bare first, app first]. */
  readonly byOrder: readonly [Pair, Pair];
}

type Reply = { ok: true; result: AckResult } | { ok: false; error: string };

const runJob = async (job: AckJob): Promise<AckResult> => {
  const bare = load.client(job.bareUrl, job.concurrency);
  const app = load.client(job.appUrl, job.concurrency);
  const pair = (): Pair => ({
    bare: { latencies: [], failures: 0 },
    app: { latencies: [], failures: 0 },
  });
  const warm = pair();
  const byOrder = [pair(), pair()] as const;
  try {
    let offset = 0;
    for (let r = -job.warmRounds; offset < job.payloads.length; r += 1) {
      const batch = job.payloads.slice(offset, offset + job.roundSize);
      offset += batch.length;
      const into = r < 0 ? warm : byOrder[r % 2 === 0 ? 0 : 1];
      const requests = batch.map((p) => load.signed(job.secret, 'interaction', p));
      const order = r % 2 === 0 ? (['bare', 'app'] as const) : (['app', 'bare'] as const);
      for (const target of order)
        await load.runRound(
          requests,
          (target === 'bare' ? bare : app).send,
          job.concurrency,
          into[target],
        );
    }
    return { warm, byOrder };
  } finally {
    bare.close();
    app.close();
  }
};

/** Forks this file with tsx and resolves once the child can take a job. */
export const startAckClient = async () => {
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) =>
      reject(new Error(`ack client exited (${signal ?? code}) without an answer`)),
    ),
  );
  exited.catch(() => undefined); // only observed while a job or the start is pending
  const next = () =>
    Promise.race([new Promise<unknown>((resolve) => child.once('message', resolve)), exited]);
  if ((await next()) !== 'ready') throw new Error('ack client did not start');
  return {
    run: async (job: AckJob): Promise<AckResult> => {
      child.send(job);
      const reply = (await next()) as Reply;
      if (!reply.ok) throw new Error(`ack client: ${reply.error}`);
      return reply.result;
    },
    close: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
};

// In the forked child: run the one job and leave.
if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) {
  const send = (message: unknown) =>
    new Promise<void>((resolve, reject) =>
      process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())),
    );
  process.once('message', (job: AckJob) => {
    void runJob(job)
      .then(
        (result): Reply => ({ ok: true, result }),
        (error: unknown): Reply => ({ ok: false, error: String(error) }),
      )
      .then(send)
      .finally(() => process.disconnect());
  });
  await send('ready');
}
