import type { Collection, Connection } from 'mongoose';
import { insertOnce, KbRevision } from './kb-revisions.js';
import {
  evidenceRecordSchema,
  keepNewestPerArticle,
  type EvidenceRecord,
} from '../../domain/kb/evidence.js';
import type { KbEvidenceStore } from '../../ports/kb-evidence-store.js';

interface EvidenceDoc extends Omit<EvidenceRecord, 'key'> {
  _id: string;
}

/**
 * Evidence keyed by its key in `_id`: the unique index every collection has makes
 * "once per case, article and kind" hold across replicas and retries, and FerretDB 1.x
 * pushes only `_id` filters down. The revision counter shares `kbRevisions` with the
 * articles' one, so a follower's idle poll is one `_id` read.
 */
export class MongoKbEvidenceStore implements KbEvidenceStore {
  private readonly evidence: Collection<EvidenceDoc>;
  private readonly changes: KbRevision;

  constructor(connection: Connection) {
    this.evidence = connection.collection<EvidenceDoc>(
      'kbEvidence',
    ) as unknown as Collection<EvidenceDoc>;
    this.changes = new KbRevision(connection, 'kbEvidence');
  }

  async record(evidence: EvidenceRecord): Promise<boolean> {
    const { key, ...rest } = evidenceRecordSchema.parse(evidence);
    if (!(await insertOnce(this.evidence, { _id: key, ...rest }))) return false;
    await this.changes.bump();
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
    return this.changes.read();
  }
}

const toRecord = (doc: EvidenceDoc): EvidenceRecord => {
  const { _id, ...rest } = doc;
  return evidenceRecordSchema.parse({ ...rest, key: _id });
};
