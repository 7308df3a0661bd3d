import { z } from 'zod';
import {
  availabilityOf,
  workingCalendar,
  zoneOf,
  type Availability,
} from '../domain/availability.js';
import type { Agent } from '../domain/directory.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { BusinessCalendar } from '../domain/sla/types.js';
import type { AgentStatusStore, WorkingCalendars } from '../ports/agent-status.js';
import type { Clock } from '../ports/clock.js';
import type { DirectoryRepository } from '../ports/directory-repository.js';
import { actorSchema } from './shared/commands.js';
import { invalid } from './shared/case-action.js';

type Directory = Pick<DirectoryRepository, 'listAgents' | 'listQueues'>;

/** Agents' calendars read from the directory, for the availability port. */
export const makeWorkingCalendars =
  (
    directory: Pick<DirectoryRepository, 'listAgents'>,
    calendars: readonly BusinessCalendar[],
  ): WorkingCalendars =>
  async (agentIds) => {
    const wanted = new Set(agentIds);
    const agents = (await directory.listAgents()).filter((agent) => wanted.has(agent.id));
    return new Map(agents.map((a) => [a.id, workingCalendar(a.workingHours, calendars)]));
  };

export interface AgentOnDuty {
  readonly agentId: string;
  readonly name: string;
  readonly availability: Availability;
  /** The zone the agent's dates are read in. */
  readonly zone: string;
}

export interface QueueAvailability {
  readonly queueKey: string;
  readonly queueName: string;
  readonly agents: readonly AgentOnDuty[];
}

export interface ListAvailabilityDeps {
  readonly statuses: AgentStatusStore;
  readonly directory: Directory;
  readonly calendars: readonly BusinessCalendar[];
  readonly clock: Clock;
}

const worksIn = (agent: Agent, queue: { key: string; members: readonly string[] }) =>
  agent.queues.includes(queue.key) || queue.members.includes(agent.email);

/** Per queue, its active agents and whether each takes work now. Staff only. */
export const makeListAvailability =
  (deps: ListAvailabilityDeps) =>
  async (input: unknown): Promise<Result<readonly QueueAvailability[]>> => {
    const command = z.object({ actor: actorSchema }).safeParse(input);
    if (!command.success) return invalid(command.error);
    if (command.data.actor.kind !== 'staff') {
      return fail('not-allowed', 'Only agents see who is available.');
    }
    const [queues, everyone] = await Promise.all([
      deps.directory.listQueues(),
      deps.directory.listAgents(),
    ]);
    const agents = everyone.filter((agent) => agent.active);
    const statuses = await deps.statuses.statusesOf(agents.map((agent) => agent.id));
    const at = deps.clock.now();
    const onDuty = (agent: Agent): AgentOnDuty => {
      const hours = workingCalendar(agent.workingHours, deps.calendars);
      return {
        agentId: agent.id,
        name: agent.name,
        availability: availabilityOf({ hours }, statuses.get(agent.id), at),
        zone: zoneOf(hours),
      };
    };
    return ok(
      queues.map((queue) => ({
        queueKey: queue.key,
        queueName: queue.name,
        agents: agents
          .filter((agent) => worksIn(agent, queue))
          .map(onDuty)
          .sort((a, b) => a.name.localeCompare(b.name)),
      })),
    );
  };
