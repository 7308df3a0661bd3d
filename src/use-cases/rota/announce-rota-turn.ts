import type { Queue } from '../../domain/directory.js';
import {
  describeTurn,
  nextTurnAfter,
  rotaTurnKey,
  turnAt,
  type QueueRota,
} from '../../domain/rota.js';
import type { AlertRecipient } from '../../domain/sla/index.js';
import type { Clock, IdGenerator } from '../../ports/clock.js';
import type { DirectoryRepository } from '../../ports/directory-repository.js';
import type { Announcement } from '../../ports/notifier.js';
import { ONCE_KEY_STALE_MS, type OnceKeys } from '../../ports/once-keys.js';
import { personName } from './rota-words.js';

export interface AnnounceRotaDeps {
  readonly directory: Pick<DirectoryRepository, 'findQueueByKey' | 'findAgentByEmail'>;
  /** Each turn's key makes its announcement go out once, and again if a run died. */
  readonly keys: OnceKeys;
  readonly announce: (announcement: Announcement) => Promise<void>;
  readonly clock: Clock;
  readonly newId: IdGenerator;
}

/** Announces the turn running at `at` (default: now). */
export type AnnounceRotaTurn = (
  queueKey: string,
  at?: Date,
) => Promise<{ readonly announced: boolean; readonly key?: string }>;

const hasRota = (queue: Queue | undefined): queue is Queue & { rota: QueueRota } =>
  queue?.rota !== undefined;

/**
 * Tells the queue's channel, and the person now on duty, whose turn it is. Once per turn
 * however many replicas or retries run it: the turn's key is claimed first, given back
 * when nothing could be posted (the job's retry sends it), and taken over when the run
 * that claimed it died before posting.
 */
export const makeAnnounceRotaTurn =
  (deps: AnnounceRotaDeps): AnnounceRotaTurn =>
  async (queueKey, at) => {
    const queue = await deps.directory.findQueueByKey(queueKey);
    if (!hasRota(queue)) return { announced: false };
    const now = at ?? deps.clock.now();
    const turn = turnAt(queue.rota, now);
    if (!turn) return { announced: false };
    const key = rotaTurnKey(queue.key, turn);
    const runId = deps.newId();
    if (!(await deps.keys.claim(key, runId, ONCE_KEY_STALE_MS))) return { announced: false, key };
    const next = nextTurnAfter(queue.rota, now);
    const [agent, nextAgent] = await Promise.all([
      deps.directory.findAgentByEmail(turn.email),
      deps.directory.findAgentByEmail(next.email),
    ]);
    const recipients: AlertRecipient[] = [
      ...(agent?.active
        ? [{ kind: 'agent' as const, id: agent.id, name: agent.name, as: 'on duty' }]
        : []),
      ...(queue.triageChannel
        ? [{ kind: 'channel' as const, address: queue.triageChannel, as: 'triage channel' }]
        : []),
    ];
    const nextWords =
      next.email === turn.email
        ? ''
        : ` Next: ${personName(nextAgent, next.email)}, ${describeTurn(queue.rota, next, 'from')}.`;
    try {
      await deps.announce({
        id: key,
        kind: 'rota-turn',
        text: `${queue.name} rota: ${personName(agent, turn.email)} is on duty ${describeTurn(queue.rota, turn, 'until')}.${nextWords}`,
        recipients,
      });
    } catch (error) {
      await deps.keys.release(key, runId);
      throw error;
    }
    await deps.keys.complete(key, runId);
    return { announced: true, key };
  };
