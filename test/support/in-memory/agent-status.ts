import { availableIds, type AgentStatus } from '../../../src/domain/availability.js';
import type { BusinessCalendar } from '../../../src/domain/sla/types.js';
import type { AgentAvailability } from '../../../src/ports/agent-availability.js';
import type { AgentStatusStore, WorkingCalendars } from '../../../src/ports/agent-status.js';

const noHours: WorkingCalendars = async (ids) =>
  new Map<string, BusinessCalendar | undefined>(ids.map((id) => [id, undefined]));

/** Agents' statuses in a map, with the same availability rule as MongoAgentStatus. */
export class InMemoryAgentStatus implements AgentStatusStore, AgentAvailability {
  private readonly statuses = new Map<string, AgentStatus>();

  constructor(private readonly workingCalendars: WorkingCalendars = noHours) {}

  async statusesOf(agentIds: readonly string[]): Promise<ReadonlyMap<string, AgentStatus>> {
    return new Map(
      agentIds.flatMap((id) => {
        const status = this.statuses.get(id);
        return status ? [[id, { ...status }] as const] : [];
      }),
    );
  }

  async setStatus(status: AgentStatus): Promise<void> {
    this.statuses.set(status.agentId, { ...status });
  }

  async availableAmong(agentIds: readonly string[], at: Date): Promise<ReadonlySet<string>> {
    const [statuses, calendars] = await Promise.all([
      this.statusesOf(agentIds),
      this.workingCalendars(agentIds),
    ]);
    return availableIds(agentIds, statuses, calendars, at);
  }
}
