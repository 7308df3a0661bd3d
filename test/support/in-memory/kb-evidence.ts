import {
  evidenceRecordSchema,
  keepNewestPerArticle,
  type EvidenceRecord,
} from '../../../src/domain/kb/evidence.js';
import type { KbEvidenceStore } from '../../../src/ports/kb-evidence-store.js';

/** The evidence store in memory: what unit tests of the use cases and the follower use. */
export class InMemoryKbEvidence implements KbEvidenceStore {
  readonly records = new Map<string, EvidenceRecord>();
  private counter = 0;

  async record(evidence: EvidenceRecord): Promise<boolean> {
    const parsed = evidenceRecordSchema.parse(evidence);
    if (this.records.has(parsed.key)) return false;
    this.records.set(parsed.key, parsed);
    this.counter += 1;
    return true;
  }

  async recent(perArticle: number, since: Date): Promise<EvidenceRecord[]> {
    const keep = keepNewestPerArticle(perArticle);
    return (await this.changedSince(since))
      .sort((a, b) => b.at.getTime() - a.at.getTime() || a.key.localeCompare(b.key))
      .filter(keep);
  }

  async changedSince(since: Date): Promise<EvidenceRecord[]> {
    return [...this.records.values()].filter((r) => r.at.getTime() >= since.getTime());
  }

  async revision(): Promise<number> {
    return this.counter;
  }
}
