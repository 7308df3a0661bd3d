import type { AgentStatus } from '../domain/availability.js';
import type { BusinessCalendar } from '../domain/sla/types.js';

/** Where agents' own statuses (away, away until a date, back) are kept, one per agent. */
export interface AgentStatusStore {
  /** The statuses of these agents; an agent who never set one is left out (available). */
  statusesOf(agentIds: readonly string[]): Promise<ReadonlyMap<string, AgentStatus>>;
  /** Replaces the agent's status; the latest word counts. */
  setStatus(status: AgentStatus): Promise<void>;
}

/** The calendar each of these agents works by; `undefined` for one on at any hour. */
export type WorkingCalendars = (
  agentIds: readonly string[],
) => Promise<ReadonlyMap<string, BusinessCalendar | undefined>>;
