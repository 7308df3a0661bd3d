/**
 * `/support rota`: each queue's turns, decided once for both chats. The lines carry no
 * markup; each chat's renderer escapes and draws them.
 */
import type { Actor } from '../domain/case/types.js';
import type { Failure } from '../domain/result.js';
import type { QueueRotaLines, ShowRota } from '../use-cases/rota/show-rota.js';

export interface RotaBoard {
  readonly kind: 'rota';
  readonly queues: readonly {
    readonly title: string;
    readonly lines: readonly string[];
  }[];
  /** When no queue has a rota: where one is set up. */
  readonly empty: string;
}

const turnLine = (turn: QueueRotaLines['turns'][number]): string =>
  turn.current
    ? `Now: ${turn.name}, until ${turn.until}${turn.available === false ? ' (not available now: cases go to the others)' : ''}`
    : `${turn.from}: ${turn.name}`;

export const rotaBoard = async (
  showRota: ShowRota,
  actor: Actor,
): Promise<RotaBoard | { readonly kind: 'refused'; readonly failure: Failure }> => {
  const shown = await showRota({ actor });
  if (!shown.ok) return { kind: 'refused', failure: shown };
  return {
    kind: 'rota',
    queues: shown.value.map((queue) => ({
      title: `${queue.queueName} (${queue.timeZone}; takes ${queue.takes})`,
      lines: queue.turns.map(turnLine),
    })),
    empty: "No queue has a support rota. A queue's `rota` in caseline.yaml sets one up.",
  };
};
