/**
 * Automatic assignment as an outbox effect. The change that calls for an owner (a move to
 * a queue that assigns, a status the rota takes, a breach that reassigns) writes an
 * `auto-assign` entry naming its event, in the same atomic update. The use case then
 * assigns at once; if the process dies before that, the outbox delivers the entry after
 * the restart and the assignment happens then. Delivered after an assignment that already
 * happened it changes nothing: the strategy leaves a case that is owned (or owned by
 * someone other than the owner at the breach).
 */
import type { CaseChange, CaseEvent, CaseEventType, CaseState } from '../domain/case/types.js';
import { ok, type Result } from '../domain/result.js';
import type { CaseRepository } from '../ports/case-repository.js';
import type { AutoAssign, AutoAssignCommand } from './auto-assign.js';

const TRIGGER_OF: Partial<Record<CaseEventType, AutoAssignCommand['trigger']>> = {
  'queue-changed': 'queue-move',
  'status-changed': 'status-change',
  'sla-breached': 'sla-breach',
};

/** The change with an `auto-assign` entry for its event of type `type` (if it has one). */
export const withAssignmentEffect = (
  change: CaseChange,
  type: 'queue-changed' | 'status-changed' | 'sla-breached',
): CaseChange => {
  const event = change.events.find((e) => e.type === type);
  return event
    ? {
        ...change,
        notify: [...change.notify, { topic: 'auto-assign', audience: 'staff', eventId: event.id }],
      }
    : change;
};

/** Adds the entry to a decided change when `wanted`; a refusal or no change passes through. */
export const addAssignmentEffect = (
  decided: Result<CaseChange | null>,
  type: Parameters<typeof withAssignmentEffect>[1],
  wanted: boolean,
): Result<CaseChange | null> =>
  decided.ok && decided.value && wanted ? ok(withAssignmentEffect(decided.value, type)) : decided;

/** Who owned the case just before `event`, from the claims and assignments before it. */
const ownerBefore = (events: readonly CaseEvent[], event: CaseEvent): string | undefined => {
  let owner: string | undefined;
  for (const e of events) {
    if (e.id === event.id) break;
    if ((e.type === 'claimed' || e.type === 'assigned') && typeof e.data?.assigneeId === 'string')
      owner = e.data.assigneeId;
  }
  return owner;
};

/**
 * The effect's handler: re-reads the case and offers it to the strategy for the trigger
 * its event names. Fails (so the outbox retries) only when the assignment itself failed.
 */
export const makeAssignmentEffect =
  (deps: { readonly cases: Pick<CaseRepository, 'findById'>; readonly autoAssign: AutoAssign }) =>
  async (caseId: string, eventId: string | undefined): Promise<void> => {
    const state: CaseState | undefined = await deps.cases.findById(caseId);
    const event = state?.events.find((e) => e.id === eventId);
    const trigger = event && TRIGGER_OF[event.type];
    if (!state || !event || !trigger) return;
    const from = trigger === 'sla-breach' ? ownerBefore(state.events, event) : undefined;
    const outcome = await deps.autoAssign({ caseId, trigger, ...(from ? { from } : {}) }, state);
    if (!outcome.ok) throw new Error(`automatic assignment of ${state.number}: ${outcome.message}`);
  };
