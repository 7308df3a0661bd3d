import { z } from 'zod';
import { nextTurnAfter, turnAt } from '../../domain/rota.js';
import type { Clock } from '../../ports/clock.js';
import type { DirectoryRepository } from '../../ports/directory-repository.js';
import type { AnnounceRotaTurn } from './announce-rota-turn.js';

/** The job that announces a turn; its data names the queue. */
export const ROTA_TURN_JOB = 'rota-turn';

/** What a rota-turn job carries: the queue and the start of the turn it announces. */
export const turnJobData = z.object({ queueKey: z.string().min(1), startsAt: z.coerce.date() });

/** Runs the rota-turn job at `at` with `data`, once per `key` across replicas. */
export type ScheduleTurn = (key: string, at: Date, data: Record<string, unknown>) => Promise<void>;

export interface RotaJobs {
  /** Every queue with a rota: its running turn announced (if not yet) and the next one armed. */
  armAll(): Promise<number>;
  /** The job's body: announce the turn now running, then arm the next. */
  runTurn(data: Record<string, unknown>): Promise<void>;
}

/**
 * Changes of duty as timed jobs. Who is on duty needs no job (it follows from the time);
 * the job announces the change and arms the one after it. `armAll` runs at start and daily,
 * so a rota imported while the app runs is announced within a day, and a turn that began
 * while every replica was down is announced when one starts.
 */
export const makeRotaJobs = (deps: {
  readonly directory: Pick<DirectoryRepository, 'listQueues' | 'findQueueByKey'>;
  readonly clock: Clock;
  readonly schedule: ScheduleTurn;
  readonly announce: AnnounceRotaTurn;
}): RotaJobs => {
  const schedule = (queueKey: string, startsAt: Date) =>
    deps.schedule(`${queueKey}:${startsAt.toISOString()}`, startsAt, { queueKey, startsAt });
  const arm = async (queueKey: string): Promise<boolean> => {
    const queue = await deps.directory.findQueueByKey(queueKey);
    if (!queue?.rota) return false;
    const now = deps.clock.now();
    const running = turnAt(queue.rota, now);
    // A turn already announced is a no-op when its job runs again (the turn's key).
    if (running) await schedule(queue.key, running.startsAt);
    await schedule(queue.key, nextTurnAfter(queue.rota, now).startsAt);
    return true;
  };
  return {
    async armAll() {
      let armed = 0;
      for (const queue of await deps.directory.listQueues()) if (await arm(queue.key)) armed += 1;
      return armed;
    },
    async runTurn(data) {
      const job = turnJobData.safeParse(data);
      if (!job.success) return;
      // The turn the job was armed for, even when it runs a moment early by this clock.
      const now = deps.clock.now();
      const at = job.data.startsAt > now ? job.data.startsAt : now;
      await deps.announce(job.data.queueKey, at);
      const queue = await deps.directory.findQueueByKey(job.data.queueKey);
      if (queue?.rota) await schedule(queue.key, nextTurnAfter(queue.rota, at).startsAt);
    },
  };
};
