import { z } from 'zod';
import { fail, ok, type Result } from '../../domain/result.js';
import { rotaTime, turnsFrom } from '../../domain/rota.js';
import { statusById, type Workflow } from '../../domain/workflow/index.js';
import type { AgentAvailability } from '../../ports/agent-availability.js';
import type { Clock } from '../../ports/clock.js';
import type { DirectoryRepository } from '../../ports/directory-repository.js';
import { actorSchema } from '../shared/commands.js';
import { invalid } from '../shared/case-action.js';
import { personName } from './rota-words.js';

/** How many turns `/support rota` lists per queue: the running one and the next ones. */
export const ROTA_TURNS_SHOWN = 4;

export interface RotaTurnLine {
  readonly name: string;
  /** `Mon 30 Nov 09:00`, in the rota's zone. */
  readonly from: string;
  readonly until: string;
  readonly current: boolean;
  /** The person on duty now can take work (not away, within their hours). */
  readonly available?: boolean;
}

export interface QueueRotaLines {
  readonly queueKey: string;
  readonly queueName: string;
  readonly timeZone: string;
  /** `new cases, in turn with the queue's members` or `cases in Pending development`. */
  readonly takes: string;
  readonly turns: readonly RotaTurnLine[];
}

export type ShowRota = (input: unknown) => Promise<Result<readonly QueueRotaLines[]>>;

/** Each queue's rota: who is on duty now and the turns after. Staff only. */
export const makeShowRota =
  (deps: {
    readonly directory: Pick<DirectoryRepository, 'listQueues' | 'listAgents'>;
    readonly availability: AgentAvailability;
    readonly workflow: Workflow;
    readonly clock: Clock;
  }): ShowRota =>
  async (input) => {
    const command = z.object({ actor: actorSchema }).safeParse(input);
    if (!command.success) return invalid(command.error);
    if (command.data.actor.kind !== 'staff')
      return fail('not-allowed', 'The support rota is for the support team.');
    const at = deps.clock.now();
    const [queues, agents] = await Promise.all([
      deps.directory.listQueues(),
      deps.directory.listAgents(),
    ]);
    const byEmail = new Map(agents.map((agent) => [agent.email, agent]));
    const withRota = queues.flatMap((queue) => (queue.rota ? [{ queue, rota: queue.rota }] : []));
    const onDutyIds = withRota.flatMap(({ rota }) => {
      const agent = byEmail.get(turnsFrom(rota, at, 1)[0]!.email);
      return agent ? [agent.id] : [];
    });
    const available = await deps.availability.availableAmong(onDutyIds, at);
    return ok(
      withRota.map(({ queue, rota }) => ({
        queueKey: queue.key,
        queueName: queue.name,
        timeZone: rota.timeZone,
        takes:
          rota.takes === 'pool'
            ? "new cases, in turn with the queue's members"
            : `cases in ${rota.takes.statuses.map((id) => statusById(deps.workflow, id)?.name ?? id).join(', ')}`,
        turns: turnsFrom(rota, at, ROTA_TURNS_SHOWN).map((turn) => {
          const agent = byEmail.get(turn.email);
          const current = turn.startsAt <= at;
          return {
            name: personName(agent, turn.email),
            from: rotaTime(rota, turn.startsAt),
            until: rotaTime(rota, turn.endsAt),
            current,
            ...(current && agent ? { available: available.has(agent.id) } : {}),
          };
        }),
      })),
    );
  };
