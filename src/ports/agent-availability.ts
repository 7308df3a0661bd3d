/**
 * Whether agents can take work at a moment: their status (away, out of office until a
 * date) and their working hours. Automatic assignment and SLA warnings ask it; the lists
 * in App Home and Teams show it.
 */
export interface AgentAvailability {
  /** The ids (directory agent ids) among `agentIds` available at `at`. */
  availableAmong(agentIds: readonly string[], at: Date): Promise<ReadonlySet<string>>;
}

/** Until availability is known: everyone active is available. */
export const EVERYONE_AVAILABLE: AgentAvailability = {
  availableAmong: async (agentIds) => new Set(agentIds),
};
