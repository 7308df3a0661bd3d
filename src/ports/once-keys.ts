/**
 * Keys that make a piece of work about no single case happen once across replicas (a
 * rota's change of duty, a weekly digest, a contract notice), and not never: a claim
 * whose run died before it completed is taken over once it is older than the work could
 * take. The work is then done at least once; a run that died after posting but before
 * completing is repeated.
 */
export interface OnceKeys {
  /**
   * Takes `key` for `runId`. True when this run is to do the work: the key is new, or an
   * earlier claim was never completed and is older than `staleAfterMs`. False when the work
   * is done, or another run claimed it within `staleAfterMs`.
   */
  claim(key: string, runId: string, staleAfterMs: number): Promise<boolean>;
  /** The work is done: the key is never taken again. */
  complete(key: string, runId: string): Promise<void>;
  /** The work failed: the key is free for the next attempt at once. */
  release(key: string, runId: string): Promise<void>;
}

/**
 * A claim older than this was made by a run that died (posting takes seconds). Kept below
 * the lock lifetime of the Agenda jobs that post (five minutes, agenda-scheduler.ts), so
 * when Agenda runs a dead replica's job again the claim is stale and is taken over.
 */
export const ONCE_KEY_STALE_MS = 2 * 60_000;
