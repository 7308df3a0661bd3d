import type { CaseState } from '../domain/case/types.js';

/** Which cases a report or an export reads; every field narrows, none means every case. */
export interface CaseStreamFilter {
  readonly organizationId?: string;
  /** Opened at or after this instant. */
  readonly createdSince?: Date;
  /** Opened before this instant. */
  readonly createdBefore?: Date;
  /** Changed at or after this instant: every event since then changed the case. */
  readonly updatedSince?: Date;
  /** Only cases someone logged time on. */
  readonly withMinutesLogged?: boolean;
}

/**
 * Whole cases, read a batch at a time in case-number order, for reports and exports that
 * go through every case: memory holds a batch, not the desk.
 */
export interface CaseStream {
  /** How many cases match; for every case it may be the database's estimate. */
  count(filter: CaseStreamFilter): Promise<number>;
  stream(filter: CaseStreamFilter): AsyncIterable<CaseState>;
}
