/**
 * Who is available, in chat-neutral words, for Slack's App Home and the Teams list; and
 * what `away` / `back` answer. Adapters only render these.
 */
import type { Actor } from '../domain/case/types.js';
import { formatUntil } from '../domain/availability.js';
import type { Result } from '../domain/result.js';
import type { QueueAvailability } from '../use-cases/list-availability.js';
import type { AvailabilitySet } from '../use-cases/set-availability.js';
import type { SupportCommand } from './support-commands.js';

export interface AvailabilityLine {
  readonly name: string;
  readonly state: 'available' | 'away' | 'off-hours';
  /** `available`, `away until 2026-12-24 00:00 Europe/Berlin`, `away`, `off hours`. */
  readonly words: string;
}

export interface AvailabilityBoard {
  readonly title: string;
  readonly queues: readonly {
    readonly title: string;
    readonly lines: readonly AvailabilityLine[];
    /** What a queue without agents says. */
    readonly empty: string;
  }[];
}

export type ListAvailability = (input: unknown) => Promise<Result<readonly QueueAvailability[]>>;
export type SetAvailability = (input: unknown) => Promise<Result<AvailabilitySet>>;

/** The board a staff reader sees; `undefined` for anyone else or when it cannot be read. */
export const availabilityBoard = async (
  listAvailability: ListAvailability | undefined,
  actor: Actor,
): Promise<AvailabilityBoard | undefined> => {
  if (!listAvailability || actor.kind !== 'staff') return undefined;
  const found = await listAvailability({ actor });
  if (!found.ok) return undefined;
  return {
    title: 'Who is available',
    queues: found.value.map((queue) => ({
      title: queue.queueName,
      empty: 'No agents in this queue.',
      lines: queue.agents.map(({ name, availability, zone }): AvailabilityLine => {
        if (availability.state === 'available')
          return { name, state: 'available', words: 'available' };
        if (availability.state === 'off-hours')
          return { name, state: 'off-hours', words: 'off hours' };
        const until = availability.until ? ` until ${formatUntil(availability.until, zone)}` : '';
        return { name, state: 'away', words: `away${until}` };
      }),
    })),
  };
};

/** What setting oneself away or back answers, in plain words. */
export const statusSetText = (set: AvailabilitySet): string => {
  const { status, zone } = set;
  if (status.state === 'available')
    return 'You are back: new cases and SLA reminders come to you again.';
  const handed =
    set.handedOn > 0
      ? ` ${set.handedOn} of your open case${set.handedOn === 1 ? ' was' : 's were'} handed to someone available.`
      : '';
  if (status.until) {
    return `You are away until ${formatUntil(status.until, zone)}: no new cases or SLA reminders come to you until then (they go to your queues). Say back to return sooner.${handed}`;
  }
  return `You are away: no new cases or SLA reminders come to you (they go to your queues) until you say back.${handed}`;
};

/** The use case's command for `away [until DATE]` or `back`. */
export const setAvailabilityInput = (
  actor: Actor,
  command: Extract<SupportCommand, { kind: 'away' | 'back' }>,
  timeZone?: string,
) => ({
  actor,
  state: command.kind === 'back' ? 'available' : 'away',
  ...(command.kind === 'away' && command.until !== undefined ? { until: command.until } : {}),
  ...(timeZone ? { timeZone } : {}),
});
