import type { Agent, Queue } from '../../domain/directory.js';
import { turnAt, type RotaTurn } from '../../domain/rota.js';
import type { DirectoryRepository } from '../../ports/directory-repository.js';

export interface OnDuty {
  readonly turn: RotaTurn;
  /** The directory's agent for the turn's email; absent when they are none (or inactive). */
  readonly agent?: Agent | undefined;
}

/** Who is on duty for `queue` at `at`, with their agent record; undefined without a rota. */
export const onDuty = async (
  directory: Pick<DirectoryRepository, 'findAgentByEmail'>,
  queue: Pick<Queue, 'rota'>,
  at: Date,
): Promise<OnDuty | undefined> => {
  const turn = queue.rota && turnAt(queue.rota, at);
  if (!turn) return undefined;
  const agent = await directory.findAgentByEmail(turn.email);
  return { turn, ...(agent?.active ? { agent } : {}) };
};
