import type { Collection, Connection } from 'mongoose';
import { z } from 'zod';
import { isDuplicateKey } from '../../infra/mongo-connection.js';
import type {
  Inbox,
  InboxAddOutcome,
  InboxDelivery,
  InboxEnd,
  InboxEntry,
} from '../../ports/inbox.js';

/**
 * `inbox`: one document per delivery, keyed by its delivery identity. Every write on the
 * request path is by `_id` (FerretDB 1.x pushes only `_id` filters down to storage); the
 * sweeper's and pruner's scans run in the background, and the collection stays small
 * because ended entries are pruned.
 */
interface InboxDoc {
  _id: string;
  source: string;
  payload?: string;
  group?: string;
  state: 'pending' | InboxEnd;
  owner: string;
  leaseUntil: Date;
  attempts: number;
  receivedAt: Date;
  endedAt?: Date;
  error?: string;
}

const entrySchema = z.object({
  _id: z.string(),
  source: z.enum(['slack', 'teams']),
  payload: z.string(),
  group: z.string().optional(),
  attempts: z.number().int().nonnegative(),
  receivedAt: z.date(),
});

const toEntry = (doc: unknown): InboxEntry => {
  const { _id, ...rest } = entrySchema.parse(doc);
  return { key: _id, ...rest };
};

export class MongoInbox implements Inbox {
  private readonly docs: Collection<InboxDoc>;

  constructor(connection: Connection) {
    this.docs = connection.collection<InboxDoc>('inbox') as unknown as Collection<InboxDoc>;
  }

  // Deliveries arriving together (a burst of presses, Slack's fan-out of events) go to
  // the database in one insert: one round trip, and on the embedded server one turn of
  // its write lock, instead of one per delivery queued behind each other.
  private batch: { doc: InboxDoc; done: (error: unknown) => void }[] = [];

  private insert(doc: InboxDoc): Promise<void> {
    return new Promise((resolve, reject) => {
      this.batch.push({ doc, done: (error) => (error ? reject(error) : resolve()) });
      if (this.batch.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    try {
      await this.docs.insertMany(
        batch.map((item) => item.doc),
        { ordered: false },
      );
      for (const item of batch) item.done(undefined);
    } catch (error) {
      // Per document: a taken key is that delivery's duplicate; the rest went in, unless
      // the whole write failed.
      const failed = new Map<number, unknown>();
      for (const writeError of writeErrorsOf(error)) failed.set(writeError.index, writeError);
      batch.forEach((item, index) =>
        item.done(failed.size === 0 ? error : (failed.get(index) ?? undefined)),
      );
    }
  }

  async add(
    delivery: InboxDelivery,
    at: Date,
    lease: { owner: string; until: Date },
  ): Promise<InboxAddOutcome> {
    const fresh = {
      source: delivery.source,
      payload: delivery.payload,
      ...(delivery.group ? { group: delivery.group } : {}),
      state: 'pending' as const,
      owner: lease.owner,
      leaseUntil: lease.until,
      attempts: 0,
      receivedAt: at,
    };
    try {
      await this.insert({ _id: delivery.key, ...fresh });
      return 'added';
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    if (delivery.repeatWindowMs === undefined) return 'duplicate';
    // The same gesture again after the window, once the first is over: a new delivery.
    const renewed = await this.docs.findOneAndUpdate(
      {
        _id: delivery.key,
        state: { $ne: 'pending' },
        receivedAt: { $lt: new Date(at.getTime() - delivery.repeatWindowMs) },
      },
      { $set: fresh, $unset: { endedAt: '', error: '' } },
    );
    return renewed ? 'added' : 'duplicate';
  }

  async claim(
    key: string,
    lease: { owner: string; until: Date },
    now: Date,
  ): Promise<InboxEntry | undefined> {
    const doc = await this.docs.findOneAndUpdate(
      {
        _id: key,
        state: 'pending',
        // The process that stored it takes it first; after that only a lapsed lease frees
        // it, so a redelivery cannot start a second run beside one in progress.
        $or: [{ owner: lease.owner, attempts: 0 }, { leaseUntil: { $lte: now } }],
      },
      { $set: { owner: lease.owner, leaseUntil: lease.until }, $inc: { attempts: 1 } },
      { returnDocument: 'after' },
    );
    return doc ? toEntry(doc) : undefined;
  }

  async finish(key: string, owner: string, end: InboxEnd, at: Date, error?: string) {
    await this.docs.updateOne(
      { _id: key, owner, state: 'pending' },
      // Only the key is needed after the end (redeliveries); a dead one keeps what it was.
      {
        $set: { state: end, endedAt: at, ...(error ? { error } : {}) },
        ...(end === 'dead' ? {} : { $unset: { payload: '' } }),
      },
    );
  }

  async retryLater(key: string, owner: string, retryAt: Date, error: string) {
    await this.docs.updateOne(
      { _id: key, owner, state: 'pending' },
      { $set: { leaseUntil: retryAt, error } },
    );
  }

  async due(now: Date, limit: number): Promise<string[]> {
    const docs = await this.docs
      .find({ state: 'pending', leaseUntil: { $lte: now } }, { projection: { _id: 1 } })
      .sort({ receivedAt: 1 })
      .limit(limit)
      .toArray();
    return docs.map((doc) => doc._id);
  }

  async prune(before: Date): Promise<number> {
    const result = await this.docs.deleteMany({
      state: { $ne: 'pending' },
      endedAt: { $lt: before },
    });
    return result.deletedCount;
  }

  async count(state?: 'pending' | InboxEnd): Promise<number> {
    return this.docs.countDocuments(state ? { state } : {});
  }
}

/** The per-document errors of an unordered bulk insert (none when the whole write failed). */
const writeErrorsOf = (error: unknown): { index: number; code?: unknown }[] => {
  const errors = (error as { writeErrors?: unknown } | null)?.writeErrors;
  const list = Array.isArray(errors) ? errors : errors ? [errors] : [];
  return list.filter(
    (e): e is { index: number; code?: unknown } =>
      typeof e === 'object' && e !== null && typeof (e as { index?: unknown }).index === 'number',
  );
};
