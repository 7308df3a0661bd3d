import type { Collection, Connection } from 'mongoose';
import { isDuplicateKey } from '../../infra/mongo-connection.js';

interface RevisionDoc {
  _id: string;
  revision: number;
}

/**
 * A change counter per knowledge-base collection, in `kbRevisions`: a follower's idle poll
 * reads one document by `_id` (FerretDB has no change streams and pushes only `_id`
 * filters down) and scans the collection only when the counter moved.
 */
export class KbRevision {
  private readonly revisions: Collection<RevisionDoc>;

  constructor(
    connection: Connection,
    private readonly id: string,
  ) {
    this.revisions = connection.collection<RevisionDoc>(
      'kbRevisions',
    ) as unknown as Collection<RevisionDoc>;
  }

  async bump(): Promise<void> {
    await this.revisions.updateOne({ _id: this.id }, { $inc: { revision: 1 } }, { upsert: true });
  }

  async read(): Promise<number> {
    return (await this.revisions.findOne({ _id: this.id }))?.revision ?? 0;
  }
}

/** Inserts a document keyed by `_id`; false when that key was taken first (a repeat). */
export const insertOnce = async <T extends { _id: string }>(
  collection: Collection<T>,
  doc: T,
): Promise<boolean> => {
  try {
    await collection.insertOne(doc as Parameters<Collection<T>['insertOne']>[0]);
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
};
