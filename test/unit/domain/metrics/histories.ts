/** Hand-built case histories for the metric tests: one day, times in UTC. */
import type { ActorRef, CaseEvent, CaseState } from '../../../../src/domain/case/types.js';
import type { StatusCategory } from '../../../../src/domain/workflow/types.js';
import { buildCase } from '../../../support/build-case.js';

export const at = (hhmm: string, day = '2026-11-23') => new Date(`${day}T${hhmm}:00Z`);

export const ANA: ActorRef = { kind: 'staff', id: 'agent-ana', name: 'Ana', role: 'agent' };
export const BEN: ActorRef = { kind: 'staff', id: 'agent-ben', name: 'Ben', role: 'lead' };
export const CAROL: ActorRef = {
  kind: 'customer',
  id: 'contact-carol',
  name: 'Carol',
  role: 'customer',
};
const SELF_SERVICE: ActorRef = {
  kind: 'system',
  id: 'system',
  name: 'Carol (self-service)',
  role: 'system',
};

const CATEGORIES: Record<string, StatusCategory> = {
  new: 'new',
  'in-progress': 'open',
  waiting: 'pending-customer',
  'on-hold': 'pending-internal',
  solved: 'solved',
  closed: 'closed',
};
export const categoryOf = (status: string): StatusCategory => CATEGORIES[status] ?? 'open';

let seq = 0;
const event = (
  type: CaseEvent['type'],
  hhmm: string,
  more: Partial<CaseEvent> = {},
): CaseEvent => ({
  id: `e${(seq += 1)}`,
  type,
  at: at(hhmm),
  actor: ANA,
  visibility: 'public',
  ...more,
});

export const opened = (hhmm: string) => event('opened', hhmm, { actor: CAROL });
export const reply = (hhmm: string, by = ANA, minutes?: number) =>
  event('replied', hhmm, { actor: by, ...(minutes ? { minutes } : {}) });
export const comment = (hhmm: string) => event('commented', hhmm, { actor: CAROL });
export const note = (hhmm: string) => event('note', hhmm, { visibility: 'internal' });
export const status = (hhmm: string, from: string, to: string, by = ANA) =>
  event('status-changed', hhmm, { actor: by, data: { from, to } });
export const reopen = (hhmm: string, from: string, to: string) =>
  event('reopened', hhmm, { actor: CAROL, data: { from, to } });
export const resolve = (hhmm: string, by = ANA) =>
  event('resolved', hhmm, { actor: by, data: { resolutionType: 'fixed', docLink: null } });
export const selfSolve = (hhmm: string) =>
  event('resolved', hhmm, { actor: SELF_SERVICE, data: { resolutionType: 'self-solved' } });
export const claim = (hhmm: string, by = ANA) =>
  event('claimed', hhmm, { actor: by, data: { assigneeId: by.id, assigneeName: by.name } });
export const assign = (hhmm: string, to: ActorRef, by = BEN) =>
  event('assigned', hhmm, { actor: by, data: { assigneeId: to.id, assigneeName: to.name } });
export const moveQueue = (hhmm: string, from: string | null, to: string) =>
  event('queue-changed', hhmm, { visibility: 'internal', data: { from, to } });
export const prioritize = (hhmm: string, from: string, to: string) =>
  event('priority-changed', hhmm, { data: { from, to } });
export const logTime = (hhmm: string, minutes: number, by = ANA) =>
  event('time-logged', hhmm, { actor: by, visibility: 'internal', minutes });

/** A case whose current fields agree with the end of its history. */
export const caseWith = (events: readonly CaseEvent[], overrides: Partial<CaseState> = {}) => {
  const last = [...events].reverse();
  const statusTo = last.find((e) => e.type === 'status-changed' || e.type === 'reopened')?.data?.[
    'to'
  ];
  const current = typeof statusTo === 'string' ? statusTo : 'new';
  return buildCase({
    createdAt: events[0]?.at ?? at('09:00'),
    events,
    status: current,
    statusCategory: categoryOf(current),
    ...overrides,
  });
};
