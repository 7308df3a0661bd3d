import type { CaseState } from '../domain/case/types.js';

/** A case whose outbox this worker holds under a lease until `leaseUntil`. */
export interface ClaimedOutbox {
  readonly state: CaseState;
  readonly outboxSeq: number;
}

export interface DeliveryFailure {
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly error: string;
  /** Given up: no more attempts. */
  readonly dead: boolean;
}

/** The delivery side of the case outbox: claim, mark each entry, release. */
export interface OutboxStore {
  /** Leases the case with the most overdue outbox, if any; other workers skip it meanwhile. */
  claimDue(now: Date, leaseUntil: Date, owner: string): Promise<ClaimedOutbox | undefined>;
  /** Records one delivery; `resolutionSent` also stamps the case (closing needs it). */
  markDelivered(
    caseId: string,
    index: number,
    entryId: string,
    at: Date,
    options: { resolutionSent: boolean },
  ): Promise<void>;
  markFailed(
    caseId: string,
    index: number,
    entryId: string,
    failure: DeliveryFailure,
  ): Promise<void>;
  /**
   * Gives the lease back with the next due time. When entries were added meanwhile
   * (`outboxSeq` moved), it leaves the due time alone so they are picked up next.
   */
  release(caseId: string, owner: string, outboxSeq: number, nextDue: Date | null): Promise<void>;
  /**
   * Restores delivery bookkeeping a crash may have left incomplete; returns how many
   * cases have notifications pending. Run at start and now and then.
   */
  recover?(): Promise<number>;
}
