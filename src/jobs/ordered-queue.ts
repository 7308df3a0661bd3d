/**
 * Work that runs after its ack: a few jobs at a time, one group's jobs strictly in arrival
 * order (a customer's second message sees the case their first one opened), and each job
 * started only after the event loop has taken in the requests already waiting on their
 * sockets. Started straight from an ack's own callback, a job's synchronous start ran
 * ahead of every request behind it (bench:teams: app ack p50 3.5× a bare server's
 * without the yield, about 1× with it).
 */
export interface OrderedQueue {
  /** Resolves once this job has run (it reports its own failures). */
  push(group: string, job: () => Promise<void>): Promise<void>;
  /** Resolves once everything pushed so far has run (bounded by the caller). */
  idle(): Promise<void>;
}

export const createOrderedQueue = (limit: number): OrderedQueue => {
  const waiting: (() => void)[] = [];
  const tails = new Map<string, Promise<void>>();
  let running = 0;
  const slot = () =>
    new Promise<void>((resolve) => {
      if (running < limit) {
        running += 1;
        resolve();
      } else waiting.push(resolve);
    });
  const release = () => {
    const next = waiting.shift();
    if (next) setImmediate(next);
    else running -= 1;
  };
  return {
    push(group, job) {
      const previous = tails.get(group) ?? Promise.resolve();
      const run = previous.then(async () => {
        await slot();
        await new Promise((resolve) => setImmediate(resolve));
        try {
          await job();
        } catch {
          // A job reports its own failures; the queue only keeps the order going.
        } finally {
          release();
        }
      });
      tails.set(group, run);
      void run.finally(() => {
        if (tails.get(group) === run) tails.delete(group);
      });
      return run;
    },
    async idle() {
      while (tails.size > 0) await Promise.all([...tails.values()]);
    },
  };
};
