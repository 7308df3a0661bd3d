import { z } from 'zod';
import { TIMER_KINDS, type TimerPlan } from '../domain/sla/case-sla.js';

const DECISION_KINDS = [
  'warning',
  'breach',
  're-escalation',
  'languishing',
] as const satisfies readonly TimerPlan['decision'][];

/**
 * What an SLA timer carries: which case clock, and which decision point it was armed for.
 * The handler re-reads the case and decides afresh, so this is a hint, not a command.
 */
export const SlaTimerDataSchema = z.object({
  caseId: z.string().min(1),
  clock: z.enum(TIMER_KINDS),
  decision: z.enum(DECISION_KINDS),
});
export type SlaTimerData = z.infer<typeof SlaTimerDataSchema>;

/** The key of a case clock's timer: one armed timer per key. */
export const slaTimerKey = (data: Pick<SlaTimerData, 'caseId' | 'clock'>): string =>
  `sla:${data.caseId}:${data.clock}`;

/**
 * The key of a case's SLA timer. A case arms one timer, at the earliest decision point of
 * all its clocks (`data.clock` says which): the handler re-evaluates every clock anyway,
 * and one job per case keeps each change to one write.
 */
export const slaCaseTimerKey = (caseId: string): string => `sla:${caseId}`;

/**
 * Durable timers (chat- and library-neutral). Each key names at most one pending run:
 * scheduling a key again moves that run to the new time and data; cancelling removes it.
 * A run may happen late (after a restart) and, rarely, twice: handlers must be idempotent.
 */
export interface Scheduler {
  schedule(key: string, at: Date, data: SlaTimerData): Promise<void>;
  cancel(key: string): Promise<void>;
}
