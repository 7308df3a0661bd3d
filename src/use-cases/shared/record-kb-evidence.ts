import type { CaseState } from '../../domain/case/types.js';
import { newEvidence, type EvidenceKind, type EvidenceRecord } from '../../domain/kb/evidence.js';
import type { Clock } from '../../ports/clock.js';
import type { KbEvidenceStore } from '../../ports/kb-evidence-store.js';
import type { KbArticleStore } from '../../ports/knowledge-base.js';

/**
 * Remembers a case's words as evidence for (or against) an article. Called after the case
 * action succeeded; it never throws: learning is a bonus, and a customer's press or an
 * agent's resolve must not fail because the evidence could not be written.
 */
export type RecordKbEvidence = (
  source: Pick<CaseState, 'id' | 'title' | 'description'>,
  slug: string,
  kind: EvidenceKind,
) => Promise<void>;

export const makeRecordKbEvidence =
  (deps: {
    readonly evidence: KbEvidenceStore;
    readonly clock: Clock;
    /** Evidence for an article that does not exist (a mistyped citation) is not kept. */
    readonly articles?: Pick<KbArticleStore, 'get'>;
    /** This replica's index learns it at once (others follow the store). */
    readonly onRecorded?: (record: EvidenceRecord) => void;
    readonly onFailed: (error: unknown, record: EvidenceRecord) => void;
  }): RecordKbEvidence =>
  async (source, slug, kind) => {
    const record = newEvidence(
      { caseId: source.id, title: source.title, description: source.description },
      slug,
      kind,
      deps.clock.now(),
    );
    try {
      if (deps.articles && !(await deps.articles.get(slug))) return;
      if (await deps.evidence.record(record)) deps.onRecorded?.(record);
    } catch (error) {
      deps.onFailed(error, record);
    }
  };

/** For compositions without a store (and tests that do not look at learning). */
export const recordNothing: RecordKbEvidence = async () => undefined;
