import { setTimeout as sleep } from 'node:timers/promises';

export interface OutboxWorker {
  /** Delivers everything due now, then returns. */
  drain(deadlineMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Polls for due outbox entries. A loop in each replica rather than an Agenda job: leases
 * in the case document already make two replicas skip each other's work, and a loop
 * delivers a burst back to back without waiting for the next poll.
 */
export const startOutboxWorker = (options: {
  readonly deliverOne: () => Promise<boolean>;
  readonly pollMs: number;
  readonly onError: (error: unknown) => void;
  /** Restores bookkeeping a crash may have left behind: at start, then every `recoverEveryMs`. */
  readonly recover?: () => Promise<unknown>;
  readonly recoverEveryMs?: number;
}): OutboxWorker => {
  let running = true;
  let lastRecovery = 0;
  const recover = async () => {
    if (!options.recover || Date.now() - lastRecovery < (options.recoverEveryMs ?? 60_000)) return;
    lastRecovery = Date.now();
    await options.recover().catch(options.onError);
  };
  const controller = new AbortController();
  const step = async (): Promise<boolean> => {
    try {
      return await options.deliverOne();
    } catch (error) {
      options.onError(error);
      return false;
    }
  };
  const loop = (async () => {
    while (running) {
      await recover();
      if (await step()) continue;
      await sleep(options.pollMs, undefined, { signal: controller.signal }).catch(() => undefined);
    }
  })();
  return {
    async drain(deadlineMs = 10_000) {
      const deadline = Date.now() + deadlineMs;
      while (Date.now() < deadline && (await step()));
    },
    async stop() {
      running = false;
      controller.abort();
      await loop;
    },
  };
};
