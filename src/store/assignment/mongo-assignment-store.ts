import type { Collection, Connection } from 'mongoose';
import type { OpenLoad } from '../../domain/assignment-strategy.js';
import { PRIORITIES, type Priority } from '../../domain/priority.js';
import type { AssignmentStore } from '../../ports/assignment.js';
import { isDuplicateKey } from '../../infra/mongo-connection.js';
import type { CaseModels } from '../cases/models.js';

interface TurnDocument {
  _id: string;
  turn: number;
}

const isPriority = (value: unknown): value is Priority =>
  (PRIORITIES as readonly unknown[]).includes(value);

/**
 * Round-robin turns live in `assignmentTurns`, one document per queue keyed by the queue
 * key; loads are counted from `cases` on its `{ assigneeId, statusCategory }` index.
 */
export class MongoAssignmentStore implements AssignmentStore {
  private readonly turns: Collection<TurnDocument>;

  constructor(
    connection: Connection,
    private readonly cases: CaseModels,
  ) {
    this.turns = connection.collection<TurnDocument>('assignmentTurns');
  }

  async nextTurn(queueKey: string): Promise<number> {
    // Two first turns of a queue may both try the upsert; the loser's insert fails on the
    // key and its retry finds the document.
    for (let attempt = 0; ; attempt += 1) {
      try {
        const after = await this.turns.findOneAndUpdate(
          { _id: queueKey },
          { $inc: { turn: 1 } },
          { upsert: true, returnDocument: 'after' },
        );
        return (after?.turn ?? 1) - 1;
      } catch (error) {
        if (!isDuplicateKey(error) || attempt >= 2) throw error;
      }
    }
  }

  async openLoad(agentIds: readonly string[]): Promise<ReadonlyMap<string, OpenLoad>> {
    const loads = new Map<string, Partial<Record<Priority, number>>>();
    if (agentIds.length === 0) return loads;
    const rows = await this.cases.Case.collection
      .aggregate<{ _id: { a: unknown; p: unknown }; n: number }>([
        {
          $match: {
            assigneeId: { $in: [...agentIds] },
            statusCategory: { $nin: ['solved', 'closed'] },
          },
        },
        { $group: { _id: { a: '$assigneeId', p: '$priority' }, n: { $sum: 1 } } },
      ])
      .toArray();
    for (const row of rows) {
      if (typeof row._id.a !== 'string' || !isPriority(row._id.p)) continue;
      const load = loads.get(row._id.a) ?? {};
      load[row._id.p] = (load[row._id.p] ?? 0) + row.n;
      loads.set(row._id.a, load);
    }
    return loads;
  }
}
