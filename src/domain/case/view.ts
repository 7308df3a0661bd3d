import { fail, ok, type Result } from '../result.js';
import type { Actor, CaseEvent, CaseState } from './types.js';

/** What a customer may see of a case: public history only, none of the desk's internals. */
export type CustomerCaseView = Omit<
  CaseState,
  | 'events'
  | 'outbox'
  | 'tasks'
  | 'flags'
  | 'contractId'
  | 'contractLevel'
  | 'minutesLogged'
  | 'intakeKey'
  | 'queueKey'
  | 'assigneeId'
  | 'escalationLevel'
  | 'slaPolicy'
> & { readonly events: readonly CaseEvent[] };

export type StaffCaseView = Omit<CaseState, 'outbox'>;

export type CaseView =
  | { readonly audience: 'customer'; readonly case: CustomerCaseView }
  | { readonly audience: 'staff'; readonly case: StaffCaseView };

// Staff ids and prior assignees are the desk's business; names are what customers see.
const stripEventForCustomer = (event: CaseEvent): CaseEvent => {
  const { minutes: _minutes, data, ...rest } = event;
  const actor = event.actor.kind === 'staff' ? { ...event.actor, id: 'staff' } : event.actor;
  if (event.type !== 'claimed' && event.type !== 'assigned') {
    return { ...rest, actor, ...(data ? { data } : {}) };
  }
  return { ...rest, actor, data: { assigneeName: data?.assigneeName ?? null } };
};

/** Customers of another organization get "not found": a case's existence is not theirs to learn. */
export const canSee = (state: CaseState, actor: Actor): boolean =>
  actor.kind !== 'customer' || actor.organizationId === state.organizationId;

export const viewCase = (state: CaseState, actor: Actor): Result<CaseView> => {
  if (!canSee(state, actor)) return fail('not-found', `No case ${state.number}.`);
  if (actor.kind !== 'customer') {
    const { outbox: _outbox, ...staff } = state;
    return ok({ audience: 'staff', case: staff });
  }
  const {
    outbox: _o,
    tasks: _t,
    flags: _f,
    contractId: _c,
    contractLevel: _l,
    minutesLogged: _m,
    intakeKey: _i,
    queueKey: _q,
    assigneeId: _a,
    escalationLevel: _e,
    slaPolicy: _p,
    events,
    attachments,
    ...visible
  } = state;
  return ok({
    audience: 'customer',
    case: {
      ...visible,
      events: events.filter((e) => e.visibility === 'public').map(stripEventForCustomer),
      // The full text of their own description and of public messages, never of notes.
      attachments: attachments.filter((a) => a.visibility === 'public'),
    },
  });
};
