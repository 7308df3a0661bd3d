import type { Collection, Connection } from 'mongoose';
import {
  evidenceRecordSchema,
  keepNewestPerArticle,
  type EvidenceRecord,
} from '../../domain/kb/evidence.js';
import type { KbEvidenceStore } from '../../ports/kb-evidence-store.js';

interface EvidenceDoc extends Omit<EvidenceRecord, 'key'> {
  _id: string;
}

interface RevisionDoc {
  _id: string;
  revision: number;
}

const REVISION_ID = 'kbEvidence';
const DUPLICATE_KEY = 11000;

/**
 * Evidence keyed by its key in `_id`: the unique index every collection has makes
 * "once per case, article and kind" hold across replicas and retries, and FerretDB 1.x
 * pushes only `_id` filters down. The revision counter shares `kbRevisions` with the
 * articles' one, so a follower's idle poll is one `_id` read.
 */
export class MongoKbEvidenceStore implements KbEvidenceStore {
  private readonly evidence: Collection<EvidenceDoc>;
  private readonly revisions: Collection<RevisionDoc>;

  constructor(connection: Connection) {
    this.evidence = connection.collection<EvidenceDoc>(
      'kbEvidence',
    ) as unknown as Collection<EvidenceDoc>;
    this.revisions = connection.collection<RevisionDoc>(
      'kbRevisions',
    ) as unknown as Collection<RevisionDoc>;
  }

  async record(evidence: EvidenceRecord): Promise<boolean> {
    const { key, ...rest } = evidenceRecordSchema.parse(evidence);
    try {
      await this.evidence.insertOne({ _id: key, ...rest });
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
      throw error;
    }
    await this.revisions.updateOne(
      { _id: REVISION_ID },
      { $inc: { revision: 1 } },
      { upsert: true },
    );
    return true;
  }

  async recent(perArticle: number, since: Date): Promise<EvidenceRecord[]> {
    // Streamed newest first, so only what the bound keeps is held in memory.
    const keep = keepNewestPerArticle(perArticle);
    const kept: EvidenceRecord[] = [];
    const cursor = this.evidence.find({ at: { $gte: since } }).sort({ at: -1, _id: 1 });
    for await (const doc of cursor) {
      const record = toRecord(doc);
      if (keep(record)) kept.push(record);
    }
    return kept;
  }

  async changedSince(since: Date): Promise<EvidenceRecord[]> {
    const docs = await this.evidence.find({ at: { $gte: since } }).toArray();
    return docs.map(toRecord);
  }

  async revision(): Promise<number> {
    const doc = await this.revisions.findOne({ _id: REVISION_ID });
    return doc?.revision ?? 0;
  }
}

const toRecord = (doc: EvidenceDoc): EvidenceRecord => {
  const { _id, ...rest } = doc;
  return evidenceRecordSchema.parse({ ...rest, key: _id });
};
