import type { EvidenceRecord } from '../domain/kb/evidence.js';

/**
 * Persistence of learned evidence (MongoDB `kbEvidence`): every replica's index learns
 * from it, as it follows `kbArticles`.
 */
export interface KbEvidenceStore {
  /** Stores a record once per `key`; returns whether this call stored it. */
  record(evidence: EvidenceRecord): Promise<boolean>;
  /**
   * The most recent `perArticle` records for and `perArticle` against each article, made
   * at or after `since`: what an index loads at start.
   */
  recent(perArticle: number, since: Date): Promise<EvidenceRecord[]>;
  /** Records made at or after `since` (replicas follow `at`). */
  changedSince(since: Date): Promise<EvidenceRecord[]>;
  /** A cheap token that changes whenever a record is stored: lets followers skip scans. */
  revision(): Promise<number>;
}
