import type { JobId, JobParameters, JobRepository } from 'agenda';
import type mongoose from 'mongoose';

type Collection = mongoose.mongo.Collection;
type ObjectId = mongoose.mongo.ObjectId;

export interface BatchedClaimsOptions {
  /** Candidates one scan returns at most, in Agenda's own order (`nextRunAt`, then priority). */
  readonly batchSize: number;
  /**
   * How long one scan's candidates are used before the next call scans again. Shorter
   * than Agenda's `processEvery`, so every poll starts from a fresh scan while the claims
   * of one poll (Agenda asks once per job it locks) share one.
   */
  readonly freshForMs: number;
  /**
   * The shortest lock lifetime of any job definition: a scan includes jobs whose lock
   * expired by then, and each claim re-checks the caller's own deadline.
   */
  readonly shortestLockLifetimeMs: number;
  /** Counts scans and claims, for tests and the benchmark. */
  readonly onQuery?: (kind: 'scan' | 'claim') => void;
}

interface Scan {
  readonly at: number;
  /** Candidate ids per job name, soonest first; claimed ones are shifted off. */
  readonly byName: Map<string, ObjectId[]>;
  /** The scan hit `batchSize`, so more may be due behind these. */
  readonly full: boolean;
}

/** Agenda's claim filter, the same as the MongoDB backend's. */
const claimFilter = (nextScanAt: Date, lockDeadline: Date) => ({
  disabled: { $ne: true },
  $or: [
    { lockedAt: { $eq: null }, nextRunAt: { $lte: nextScanAt } },
    { lockedAt: { $lte: lockDeadline } },
  ],
});

/**
 * The job as the MongoDB backend hands it to Agenda (its `computeJobObj`): the stored
 * document with a string id and absent values as `undefined`.
 */
const toJobParameters = (doc: mongoose.mongo.WithId<mongoose.mongo.Document>): JobParameters => {
  const job: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) job[key] = value ?? undefined;
  return {
    ...job,
    _id: doc._id.toHexString() as JobId,
    name: doc.name as string,
    priority: (doc.priority as number | null) ?? 0,
    nextRunAt: (doc.nextRunAt as Date | null) ?? null,
    type: doc.type === 'single' ? 'single' : 'normal',
    data: doc.data,
  } as JobParameters;
};

/**
 * Makes Agenda's claim cost one collection scan per poll instead of one per job.
 *
 * Agenda locks due jobs one at a time, each with a `findOneAndUpdate` on a filter of
 * `nextRunAt` and `lockedAt` sorted by `nextRunAt`. MongoDB answers that from the
 * backend's index; FerretDB 1.x (the embedded server) scans and sorts the whole
 * collection for every one of them: 1.6 s per claim at 11,000 jobs, so a burst of 1,000
 * due timers took longer than minutes to claim. Here one poll reads the candidates' ids
 * once (same filter, same order) and claims each by `_id` with Agenda's filter
 * re-checked, which both servers answer from the primary key. A candidate another
 * replica claimed first, or that was re-armed meanwhile, simply fails its claim.
 *
 * Only `getNextJobToRun` changes; locking, running, lock lifetimes and clean-up stay
 * Agenda's.
 */
export const useBatchedClaims = (
  repository: JobRepository,
  collection: Collection,
  options: BatchedClaimsOptions,
): void => {
  const sort = { nextRunAt: 1, priority: -1 } as const;
  let current: Scan | undefined;
  let scanning: Promise<Scan> | undefined;

  const scan = async (nextScanAt: Date): Promise<Scan> => {
    options.onQuery?.('scan');
    const lockDeadline = new Date(Date.now() - options.shortestLockLifetimeMs);
    const docs = await collection
      .find(claimFilter(nextScanAt, lockDeadline), {
        projection: { _id: 1, name: 1 },
        sort,
        limit: options.batchSize,
      })
      .toArray();
    const byName = new Map<string, ObjectId[]>();
    for (const doc of docs) {
      const name = String(doc.name);
      const ids = byName.get(name) ?? [];
      ids.push(doc._id as ObjectId);
      byName.set(name, ids);
    }
    return { at: Date.now(), byName, full: docs.length >= options.batchSize };
  };

  /** One scan at a time: Agenda fills the queues of all job names at once. */
  const freshScan = async (nextScanAt: Date, renew: boolean): Promise<Scan> => {
    if (!renew && current && Date.now() - current.at < options.freshForMs) return current;
    scanning ??= scan(nextScanAt).finally(() => {
      scanning = undefined;
    });
    current = await scanning;
    return current;
  };

  repository.getNextJobToRun = async (jobName, nextScanAt, lockDeadline, now, claimOptions) => {
    let renew = false;
    // At most two scans per call: the second only when the first was full and every
    // candidate of this name had been taken.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const batch = await freshScan(nextScanAt, renew);
      const ids = batch.byName.get(jobName) ?? [];
      for (let id = ids.shift(); id; id = ids.shift()) {
        options.onQuery?.('claim');
        const claimed = await collection.findOneAndUpdate(
          { _id: id, name: jobName, ...claimFilter(nextScanAt, lockDeadline) },
          {
            $set: {
              lockedAt: now ?? new Date(),
              lastModifiedBy: claimOptions?.lastModifiedBy ?? null,
            },
          },
          { returnDocument: 'after' },
        );
        if (claimed) return toJobParameters(claimed);
      }
      if (!batch.full) return undefined;
      renew = true;
    }
    return undefined;
  };
};
