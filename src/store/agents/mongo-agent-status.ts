import type { Collection, Connection } from 'mongoose';
import { z } from 'zod';
import { agentStatusSchema, availableIds, type AgentStatus } from '../../domain/availability.js';
import type { AgentAvailability } from '../../ports/agent-availability.js';
import type { AgentStatusStore, WorkingCalendars } from '../../ports/agent-status.js';

/**
 * Agents' statuses in one collection keyed by agent id: every read is an `_id` lookup,
 * which FerretDB pushes down to its storage. Availability joins them with the agents'
 * working hours, which live in the directory and arrive as `workingCalendars`.
 */
interface StatusDoc {
  _id: string;
  state: AgentStatus['state'];
  until?: Date;
  since: Date;
}

const storedStatus = z.object({
  _id: z.string(),
  state: agentStatusSchema.shape.state,
  until: z.date().nullish(),
  since: z.date(),
});

export class MongoAgentStatus implements AgentStatusStore, AgentAvailability {
  private readonly statuses: Collection<StatusDoc>;

  constructor(
    connection: Connection,
    private readonly workingCalendars: WorkingCalendars,
  ) {
    this.statuses = connection.collection<StatusDoc>(
      'agentStatus',
    ) as unknown as Collection<StatusDoc>;
  }

  async statusesOf(agentIds: readonly string[]): Promise<ReadonlyMap<string, AgentStatus>> {
    if (agentIds.length === 0) return new Map();
    const docs = await this.statuses.find({ _id: { $in: [...agentIds] } }).toArray();
    return new Map(
      docs.map((raw) => {
        const doc = storedStatus.parse(raw);
        const status: AgentStatus = {
          agentId: doc._id,
          state: doc.state,
          since: doc.since,
          ...(doc.until ? { until: doc.until } : {}),
        };
        return [doc._id, status];
      }),
    );
  }

  async setStatus(status: AgentStatus): Promise<void> {
    const doc: StatusDoc = {
      _id: status.agentId,
      state: status.state,
      since: status.since,
      ...(status.until ? { until: status.until } : {}),
    };
    await this.statuses.replaceOne({ _id: status.agentId }, doc, { upsert: true });
  }

  async availableAmong(agentIds: readonly string[], at: Date): Promise<ReadonlySet<string>> {
    const [statuses, calendars] = await Promise.all([
      this.statusesOf(agentIds),
      this.workingCalendars(agentIds),
    ]);
    return availableIds(agentIds, statuses, calendars, at);
  }
}
