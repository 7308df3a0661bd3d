import { setTimeout as sleep } from 'node:timers/promises';
import type { mongo } from 'mongoose';
import type { QueueInput } from '../../src/domain/directory.js';
import type { QueueRotaInput } from '../../src/domain/rota.js';
import { AGENDA_COLLECTION } from '../../src/jobs/agenda-scheduler.js';
import type { RunningApp } from '../../src/main.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A defects queue whose rota hands cases approved for action (defect-lifecycle) to the
 * developer on duty: weekly from Monday 2026-11-23 08:00 UTC, where the core fixture's
 * clock starts, so the first person is on duty. "crash" in a title routes a case there.
 */
export const defectsQueue = (people: readonly string[]): QueueInput => ({
  key: 'defects',
  name: 'Defects',
  members: [],
  routing: [{ keywords: ['crash'] }],
  isDefault: false,
  rota: {
    people: [...people],
    every: '1 week',
    startsOn: '2026-11-23',
    at: '08:00',
    timeZone: 'UTC',
    takes: { statuses: ['approved-for-action'] },
  },
});

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
 * Until no rota-turn job is due or running in `jobs` (the agendaJobs collection): every
 * turn that could be announced was. Gives back the jobs left, all waiting for their time.
 */
export const rotaJobsSettled = async (jobs: mongo.Collection): Promise<mongo.Document[]> => {
  for (let round = 0; round < 300; round += 1) {
    const left = await jobs.find({ name: 'rota-turn' }).toArray();
    if (left.every((job) => job.nextRunAt > new Date() && !job.lockedAt)) return left;
    await sleep(100);
  }
  throw new Error('rota jobs never settled');
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
