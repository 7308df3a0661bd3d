import type { Connection } from 'mongoose';
import { isDuplicateKey } from '../../infra/mongo-connection.js';
import type { OnceKeys } from '../../ports/once-keys.js';

interface OnceKeyDocument {
  _id: string;
  owner: string;
  at: Date;
  done: boolean;
}

/** `onceKeys`: one document per key; every write is a single `_id` update. */
export class MongoOnceKeys implements OnceKeys {
  constructor(
    private readonly connection: Connection,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get keys() {
    return this.connection.db!.collection<OnceKeyDocument>('onceKeys');
  }

  async claim(key: string, runId: string, staleAfterMs: number): Promise<boolean> {
    const at = this.now();
    try {
      await this.keys.insertOne({ _id: key, owner: runId, at, done: false });
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    // Taken over only while still not done and stale: of two runs, one matches.
    const taken = await this.keys.updateOne(
      { _id: key, done: false, at: { $lt: new Date(at.getTime() - staleAfterMs) } },
      { $set: { owner: runId, at } },
    );
    return taken.modifiedCount === 1;
  }

  async complete(key: string, runId: string): Promise<void> {
    await this.keys.updateOne({ _id: key, owner: runId }, { $set: { done: true } });
  }

  async release(key: string, runId: string): Promise<void> {
    await this.keys.deleteOne({ _id: key, owner: runId, done: false });
  }
}
