import type { OpenLoad } from '../domain/assignment-strategy.js';

/** What automatic assignment reads and advances in the database, shared by every replica. */
export interface AssignmentStore {
  /**
   * Takes the queue's next round-robin turn (0, 1, 2, …): one atomic increment, so two
   * replicas taking turns at once get different numbers.
   */
  nextTurn(queueKey: string): Promise<number>;
  /** Open (not solved or closed) cases each of `agentIds` owns, by priority. */
  openLoad(agentIds: readonly string[]): Promise<ReadonlyMap<string, OpenLoad>>;
}
