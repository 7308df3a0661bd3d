import { z } from 'zod';
import {
  parseAwayUntil,
  workingCalendar,
  zoneOf,
  type AgentStatus,
} from '../domain/availability.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { BusinessCalendar } from '../domain/sla/types.js';
import type { AgentStatusStore } from '../ports/agent-status.js';
import type { Clock } from '../ports/clock.js';
import type { DirectoryRepository } from '../ports/directory-repository.js';
import { actorSchema } from './shared/commands.js';
import { invalid } from './shared/case-action.js';

export const setAvailabilityCommand = z.object({
  actor: actorSchema,
  state: z.enum(['away', 'available']),
  /** The words after `until`, read in the agent's zone (see parseAwayUntil). */
  until: z.string().trim().max(40).optional(),
  /** The zone the chat reports for the person; used when their hours name none. */
  timeZone: z.string().min(1).optional(),
});

export interface SetAvailabilityDeps {
  readonly statuses: AgentStatusStore;
  readonly directory: Pick<DirectoryRepository, 'getAgent'>;
  /** The SLA section's calendars, which agents' working hours may name. */
  readonly calendars: readonly BusinessCalendar[];
  readonly clock: Clock;
  /**
   * Hands an agent's open cases on when they go away (queues with `handOnWhenAway`);
   * returns how many. Re-runnable: each handover is its own version-checked action.
   */
  readonly handOn?: (agentId: string) => Promise<number>;
}

export interface AvailabilitySet {
  readonly status: AgentStatus;
  /** Open cases handed to someone available because the agent went away. */
  readonly handedOn: number;
  /** The zone `until` was read in, for saying it back. */
  readonly zone: string;
}

/** `away [until <date>]` and `back`: an agent's own word on whether they take work. */
export const makeSetAvailability =
  (deps: SetAvailabilityDeps) =>
  async (input: unknown): Promise<Result<AvailabilitySet>> => {
    const command = setAvailabilityCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const { actor, state, until } = command.data;
    if (actor.kind !== 'staff') {
      return fail('not-allowed', 'Only agents set themselves away or back.');
    }
    const agent = await deps.directory.getAgent(actor.agentId);
    if (!agent) return fail('not-found', 'You are not in the directory as an agent.');
    const calendar = workingCalendar(agent.workingHours, deps.calendars);
    const zone = calendar ? zoneOf(calendar) : (command.data.timeZone ?? 'UTC');
    const now = deps.clock.now();
    if (state === 'available' && until !== undefined) {
      return fail('invalid-input', 'Back takes no date: you are back from now on.');
    }
    if (until === '') {
      return fail(
        'invalid-input',
        'Say until when, e.g. away until 2026-12-24 or away until monday.',
      );
    }
    const ends = until === undefined ? undefined : parseAwayUntil(until, zone, now);
    if (ends && !ends.ok) return ends;
    const status: AgentStatus = {
      agentId: agent.id,
      state,
      since: now,
      ...(ends ? { until: ends.value } : {}),
    };
    await deps.statuses.setStatus(status);
    const handedOn = state === 'away' && deps.handOn ? await deps.handOn(agent.id) : 0;
    return ok({ status, zone, handedOn });
  };
