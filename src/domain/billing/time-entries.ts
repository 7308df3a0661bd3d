import type { CaseEventType, CaseState } from '../case/types.js';
import { PRIORITIES, type Priority } from '../priority.js';
import { isInMonth, type BillingMonth } from './month.js';

/** Minutes logged with one action on a case (any action may carry minutes). */
export interface TimeEntry {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly caseTitle: string;
  readonly organizationId: string;
  readonly organizationKey: string;
  readonly contractId?: string;
  readonly productKey?: string;
  /** The case's priority when the time was logged (after that action). */
  readonly priority: Priority;
  readonly eventId: string;
  readonly at: Date;
  /** The history event the minutes ride on: `time-logged`, `replied`, `note`, ... */
  readonly action: CaseEventType;
  readonly agentId: string;
  readonly agentName: string;
  readonly minutes: number;
}

export type TimedCase = Pick<
  CaseState,
  | 'id'
  | 'number'
  | 'title'
  | 'organizationId'
  | 'organizationKey'
  | 'contractId'
  | 'productKey'
  | 'priority'
  | 'events'
>;

const isPriority = (value: unknown): value is Priority =>
  (PRIORITIES as readonly unknown[]).includes(value);

/**
 * The case's time entries within the month, oldest first. History records priority
 * changes, not the starting priority: the first change's `from` is where the case began.
 */
export const timeEntriesOf = (state: TimedCase, month: BillingMonth): TimeEntry[] => {
  const events = [...state.events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const firstChange = events.find((e) => e.type === 'priority-changed')?.data?.['from'];
  let priority: Priority = isPriority(firstChange) ? firstChange : state.priority;
  const entries: TimeEntry[] = [];
  for (const event of events) {
    const to = event.type === 'priority-changed' ? event.data?.['to'] : undefined;
    if (isPriority(to)) priority = to;
    if (!event.minutes || event.minutes <= 0 || !isInMonth(month, event.at)) continue;
    entries.push({
      caseId: state.id,
      caseNumber: state.number,
      caseTitle: state.title,
      organizationId: state.organizationId,
      organizationKey: state.organizationKey,
      ...(state.contractId ? { contractId: state.contractId } : {}),
      ...(state.productKey ? { productKey: state.productKey } : {}),
      priority,
      eventId: event.id,
      at: event.at,
      action: event.type,
      agentId: event.actor.id,
      agentName: event.actor.name,
      minutes: event.minutes,
    });
  }
  return entries;
};
