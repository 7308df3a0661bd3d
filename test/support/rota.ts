import { setTimeout as sleep } from 'node:timers/promises';
import type { QueueRotaInput } from '../../src/domain/rota.js';
import { AGENDA_COLLECTION } from '../../src/jobs/agenda-scheduler.js';
import type { RunningApp } from '../../src/main.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Gives a running app's queue a weekly rota whose first turn began yesterday at 09:00
 * Berlin time (so the first person is on duty), with round-robin assignment for its pool.
 */
export const setRota = async (
  app: RunningApp,
  queueKey: string,
  rota: Partial<QueueRotaInput> & Pick<QueueRotaInput, 'people'>,
): Promise<void> => {
  const directory = app.core.directory;
  const { id: _id, ...queue } = (await directory.findQueueByKey(queueKey))!;
  await directory.upsertQueues([
    {
      ...queue,
      assignment: { strategy: 'round-robin', skills: false, handOnWhenAway: false },
      rota: {
        every: '1 week',
        startsOn: new Date(Date.now() - DAY_MS).toISOString().slice(0, 10),
        at: '09:00',
        timeZone: 'Europe/Berlin',
        takes: 'pool',
        ...rota,
      },
    },
  ]);
  directory.clear();
};

/**
 * Makes a daily Agenda job due now, as the next day would, and waits until a replica
 * has run it (Agenda moves its next run a day on when it is done).
 */
export const triggerDailyJob = async (app: RunningApp, name: string): Promise<void> => {
  const jobs = app.core.connection.db!.collection(AGENDA_COLLECTION);
  const due = new Date();
  await jobs.updateOne({ name }, { $set: { nextRunAt: due } });
  for (let round = 0; round < 300; round += 1) {
    const job = await jobs.findOne({ name });
    if (job && !job.lockedAt && job.nextRunAt > due && job.lastFinishedAt) {
      // The turn jobs it armed run on the next polls: wait for them to be done too.
      const pending = await jobs.countDocuments({
        name: 'rota-turn',
        nextRunAt: { $lte: new Date() },
      });
      if (pending === 0) return;
    }
    await sleep(100);
  }
  throw new Error(`${name} did not run`);
};
