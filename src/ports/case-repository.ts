import type { CaseChange, CaseState, OutboxEntry } from '../domain/case/types.js';
import type { Priority } from '../domain/priority.js';
import type { StatusCategory } from '../domain/workflow/index.js';

export interface CaseListFilter {
  readonly status?: string;
  readonly statusCategories?: readonly StatusCategory[];
  readonly queueKey?: string;
  readonly organizationId?: string;
  readonly organizationKey?: string;
  readonly assigneeId?: string;
  /** The contact who raised the case (a customer's own cases). */
  readonly contactId?: string;
  readonly unassigned?: boolean;
  /** Cases not yet solved or closed, and any case opened since this instant. */
  readonly unsolvedOrCreatedSince?: Date;
  /** Cases changed at or after this instant (replicas follow `updatedAt`). */
  readonly updatedSince?: Date;
  readonly limit?: number;
}

/** One line of a case list; urgent first, then oldest first. */
export interface CaseSummary {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly status: string;
  readonly statusCategory: StatusCategory;
  readonly priority: Priority;
  readonly queueKey: string;
  readonly organizationId: string;
  readonly organizationKey: string;
  readonly contactName: string;
  readonly assigneeId?: string;
  readonly assigneeName?: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** The fields of a case a summary carries besides its id (every store copies these). */
export const CASE_SUMMARY_FIELDS = [
  'number',
  'title',
  'status',
  'statusCategory',
  'priority',
  'queueKey',
  'organizationId',
  'organizationKey',
  'contactName',
  'assigneeId',
  'assigneeName',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof CaseSummary)[];

/** A case as reports read it: everything but its outbox and the texts kept whole. */
export type ReportedCase = Omit<CaseState, 'outbox' | 'attachments'>;

export type InsertResult =
  { readonly inserted: true } | { readonly inserted: false; readonly existing: CaseState };

export interface CaseRepository {
  /** The next case sequence number, from an atomic counter. */
  nextSeq(start: number): Promise<number>;
  /** Inserts a new case; a second insert with the same intake key returns the first case. */
  insert(state: CaseState): Promise<InsertResult>;
  findById(id: string): Promise<CaseState | undefined>;
  findByNumber(number: string): Promise<CaseState | undefined>;
  findByIntakeKey(intakeKey: string): Promise<CaseState | undefined>;
  /**
   * Reserves an idempotency key for a case id about to be created. Returns the id that
   * owns the key: `caseId` when this call won, or the id an earlier attempt reserved.
   */
  claimIntakeKey(intakeKey: string, caseId: string): Promise<string>;
  /**
   * The case created under an intake key, found through the key's reservation (a primary
   * key lookup); undefined when none was created (or only reserved by a failed attempt).
   */
  findByIntakeClaim(intakeKey: string): Promise<CaseState | undefined>;
  /** Gives a reserved key back, if `caseId` still owns it (the work it guarded failed). */
  releaseIntakeKey(intakeKey: string, caseId: string): Promise<void>;
  /**
   * Applies a change in one atomic single-document update, only if the case is still at
   * `expectedVersion`. Returns the case after the change, or undefined on a version conflict.
   */
  commit(
    id: string,
    expectedVersion: number,
    change: CaseChange,
    outbox: readonly OutboxEntry[],
  ): Promise<CaseState | undefined>;
  list(filter: CaseListFilter): Promise<CaseSummary[]>;
  /** How many cases match `filter` in all, its `limit` aside: "showing 100 of 2,341". */
  count(filter: CaseListFilter): Promise<number>;
  /** Whole cases (history included) for reports: one query, in `list`'s order. */
  listStates(filter: CaseListFilter): Promise<CaseState[]>;
  /**
   * Every case matching `filter` (its `limit` aside), for reports over the whole desk: read
   * through a cursor a batch at a time, so memory stays bounded however many match. No
   * order is promised.
   */
  scanStates(filter: CaseListFilter): AsyncIterable<ReportedCase>;
}
