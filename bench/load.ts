/**
 * HTTP load of the load generator (bench/load-generator.ts): a keep-alive client, rounds
 * of requests with a fixed number in flight, and the percentile the reports use.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { MessageKey, Round } from './protocol.js';

export interface HttpRequest {
  readonly body: string;
  readonly headers: Record<string, string>;
}

/** Resolves with the status once the whole answer is read; 0 when the request failed. */
export type Send = (req: HttpRequest) => Promise<number>;

/**
 * node:http with keep-alive rather than fetch: less client overhead inside each measured
 * latency, and one agent per target so a target's requests never wait for another's sockets.
 */
export const client = (url: string, maxSockets: number): { send: Send; close: () => void } => {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const send: Send = (req) =>
    new Promise((resolve) => {
      const headers = { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) };
      const outgoing = request(url, { method: 'POST', agent, headers }, (res) => {
        res.resume(); // read the whole answer, as Slack does, before the request counts as done
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      });
      outgoing.on('error', () => resolve(0));
      outgoing.end(req.body);
    });
  return { send, close: () => agent.destroy() };
};

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Sends every request with `concurrency` in flight; latency is from write to last byte. */
export const runRound = async (
  requests: readonly HttpRequest[],
  send: Send,
  concurrency: number,
  into: Round,
): Promise<void> => {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) {
        const req = requests[next++]!;
        const start = performance.now();
        const status = await send(req);
        into.latencies.push(performance.now() - start);
        if (status !== 200) into.failures += 1;
      }
    }),
  );
};

export const emptyRound = (): Round => ({ latencies: [], failures: 0 });

/** What the load generator sends for one chat; requests are built (and signed) when asked. */
export interface Driver {
  /** The chat's endpoint, on the app and on the bare server alike. */
  readonly path: string;
  /** Runs once before anything is measured. */
  prepare(send: Send): Promise<void>;
  /** A customer's message opening a case of its own, and how its cards will be found. */
  intake(phase: 'measured' | 'stream'): { key: MessageKey; request: HttpRequest };
  /** The requests whose acks are measured; `caseIds` are cases opened by intake. */
  acks(caseIds: readonly string[], count: number): HttpRequest[];
  /** Card presses whose answers carry the refreshed card (Teams). */
  invokes?(caseIds: readonly string[], count: number): HttpRequest[];
}
