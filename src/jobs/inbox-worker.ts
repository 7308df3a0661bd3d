import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../ports/clock.js';
import {
  InboxUnavailable,
  type Inbox,
  type InboxEnd,
  type InboxEntry,
  type InboxProcessor,
  type InboxSource,
  type InboundDeliveries,
} from '../ports/inbox.js';
import { createOrderedQueue } from './ordered-queue.js';

export interface InboxWorkerOptions {
  readonly inbox: Inbox;
  readonly clock: Clock;
  /** This process's lease owner id (one per process). */
  readonly owner: string;
  /** Slack wants its ack within 3 s: the write gets less than that. */
  readonly writeTimeoutMs: number;
  /** How long a taken entry is this process's before another may resume it. */
  readonly leaseMs: number;
  readonly sweepMs: number;
  readonly retentionMs: number;
  readonly maxAttempts: number;
  readonly concurrency: number;
  readonly onError: (error: unknown, key: string) => void;
  readonly onDead: (key: string, error: unknown) => void;
}

export interface InboxWorker extends InboundDeliveries {
  start(): void;
  /** Stops sweeping and waits (at most `deadlineMs`) for the work already taken. */
  stop(deadlineMs?: number): Promise<void>;
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

const YIELD_MS = 25;

const backoffMs = (attempts: number): number => Math.min(5 * 60_000, 1000 * 2 ** attempts);

/**
 * Stores deliveries before their ack and processes them from the inbox: in the background
 * (in order per conversation, yielding to requests), inline for interactions, again after
 * a failed attempt, and by a sweeper for what a crash of this or another replica left
 * behind. The sweeper's query is the one scan here; on the embedded server (which scans
 * any filter but `_id`) ended entries are kept small for it.
 */
export const createInboxWorker = (options: InboxWorkerOptions): InboxWorker => {
  const { inbox, clock, owner } = options;
  const processors = new Map<InboxSource, InboxProcessor>();
  const queue = createOrderedQueue(options.concurrency);
  const lease = () => ({ owner, until: new Date(clock.now().getTime() + options.leaseMs) });

  const failed = async (key: string, attempts: number, error: unknown, entry?: InboxEntry) => {
    options.onError(error, key);
    const now = clock.now();
    if (attempts >= options.maxAttempts) {
      options.onDead(key, error);
      await inbox.finish(key, owner, 'dead', now, describe(error));
      if (entry) await processors.get(entry.source)?.givenUp?.(entry);
    } else {
      const wait = backoffMs(attempts);
      await inbox.retryLater(key, owner, new Date(now.getTime() + wait), describe(error));
      // This replica retries on its own; the sweeper is for what a crash left behind.
      const timer = setTimeout(() => {
        retries.delete(timer);
        void queue.push(key, () => processStored(key));
      }, wait);
      timer.unref();
      retries.add(timer);
    }
  };
  const retries = new Set<NodeJS.Timeout>();

  // Acks first: work waits while deliveries are being stored (at most `YIELD_MS` each), so
  // a burst is acknowledged before the work it brings competes with it for the database.
  let accepting = 0;
  let quiet: (() => void)[] = [];
  const whenQuiet = () =>
    accepting === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, YIELD_MS);
          quiet.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
  const accepted = () => {
    accepting -= 1;
    if (accepting > 0) return;
    const waiting = quiet;
    quiet = [];
    for (const wake of waiting) wake();
  };

  const processStored = async (key: string) => {
    await whenQuiet();
    const entry = await inbox.claim(key, lease(), clock.now());
    if (!entry) return; // done already, or another process holds it
    const processor = processors.get(entry.source);
    try {
      if (!processor) throw new Error(`no processor for ${entry.source} deliveries`);
      await processor.process(entry);
      await inbox.finish(key, owner, 'done', clock.now());
    } catch (error) {
      await failed(key, entry.attempts, error, entry).catch((e: unknown) =>
        options.onError(e, key),
      );
    }
  };

  let running = false;
  const controller = new AbortController();
  let loop: Promise<void> | undefined;
  let lastPrune = 0;
  const sweeping = new Set<string>();
  const sweepOnce = async () => {
    const now = clock.now();
    if (now.getTime() - lastPrune > 60 * 60_000) {
      lastPrune = now.getTime();
      await inbox.prune(new Date(now.getTime() - options.retentionMs));
    }
    // Oldest first and one at a time: a crash's leftovers keep their conversation order.
    // Not waited for (a long job must not hold back the next sweep, and under steady traffic
    // the queue is never idle); a key already queued by a sweep is not queued again.
    for (const key of await inbox.due(now, 100)) {
      if (sweeping.has(key)) continue;
      sweeping.add(key);
      void queue.push('inbox:sweep', () => processStored(key)).finally(() => sweeping.delete(key));
    }
  };

  return {
    async accept(delivery, acceptOptions = {}) {
      accepting += 1;
      const write = inbox.add(delivery, clock.now(), lease());
      void write.then(accepted, accepted);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new InboxUnavailable(new Error('timed out'))),
          options.writeTimeoutMs,
        );
      });
      try {
        return await Promise.race([write, timeout]);
      } catch (error) {
        if (acceptOptions.dropIfLate)
          void write
            .then((outcome) =>
              outcome === 'added'
                ? inbox.finish(delivery.key, owner, 'dropped', clock.now(), 'not acknowledged')
                : undefined,
            )
            .catch(() => undefined);
        else void write.catch(() => undefined);
        throw error instanceof InboxUnavailable ? error : new InboxUnavailable(error);
      } finally {
        clearTimeout(timer);
      }
    },
    later(key, group = key) {
      void queue.push(group, () => processStored(key));
    },
    async inline(key, run) {
      let end: InboxEnd;
      try {
        end = await run();
      } catch (error) {
        await failed(key, 0, error).catch((e: unknown) => options.onError(e, key));
        return;
      }
      await inbox.finish(key, owner, end, clock.now());
    },
    handle(source, processor) {
      processors.set(source, processor);
    },
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          await sweepOnce().catch((error: unknown) => options.onError(error, 'inbox:sweep'));
          await sleep(options.sweepMs, undefined, { signal: controller.signal }).catch(
            () => undefined,
          );
        }
      })();
    },
    async stop(deadlineMs = 5_000) {
      running = false;
      for (const timer of retries) clearTimeout(timer);
      retries.clear();
      controller.abort();
      await loop;
      await Promise.race([queue.idle(), sleep(deadlineMs)]);
    },
  };
};
