import { deepFreeze } from '../freeze.js';
import type { Role } from '../roles.js';
import type { Requirement, Status, Transition, Workflow } from './types.js';

/** Who moves cases day to day. Leads and admins do everything agents do. */
export const STAFF: readonly Role[] = ['agent', 'lead', 'admin'];
/** Edges the customer may take too: reopen, close a solved case, answer, approve, confirm. */
export const STAFF_AND_CUSTOMER: readonly Role[] = ['customer', ...STAFF];
/** Reopening a closed case undoes a final state that reports already counted. */
export const ADMIN_ONLY: readonly Role[] = ['admin'];

/** Into any `solved` status (PRODUCT.md: solving needs a resolution; open tasks block it). */
export const TO_SOLVED: readonly Requirement[] = ['resolution', 'no-open-tasks'];
/** Into `closed` from a worked case: the requester must have received the resolution. */
export const TO_CLOSED: readonly Requirement[] = ['resolution-sent'];
/**
 * Into `closed` straight from `new`: spam, duplicates and requests the customer withdrew
 * never reached anyone to send a resolution, but the reason is still recorded.
 */
export const WITHDRAWN: readonly Requirement[] = ['resolution'];

/** One edge per line keeps a preset readable as a table: from, to, who, button, needs. */
export const move = (
  from: readonly string[],
  to: string,
  roles: readonly Role[],
  label: string,
  requires: readonly Requirement[] = [],
): Transition => ({ from, to, roles, requires, label });

export const definePreset = (workflow: Workflow): Workflow => deepFreeze(workflow);

/** Statuses that read the same in several presets. */
export const NEW_STATUS: Status = {
  id: 'new',
  name: 'New',
  category: 'new',
  customerLabel: 'Received',
  customerSentence: 'We have your request and will respond by {nextUpdate}.',
};

export const WAITING_ON_CUSTOMER_STATUS: Status = {
  id: 'waiting-on-customer',
  name: 'Waiting on customer',
  category: 'pending-customer',
  customerLabel: 'Waiting for your reply',
  customerSentence:
    'We need a reply from you to continue. Answer in this thread and we will pick it up right away.',
};

export const SOLVED_STATUS: Status = {
  id: 'solved',
  name: 'Solved',
  category: 'solved',
  customerLabel: 'Solved',
  customerSentence:
    'We sent you the solution. If it works, close the request; if not, reply here and we will pick it up again.',
};

export const CLOSED_STATUS: Status = {
  id: 'closed',
  name: 'Closed',
  category: 'closed',
  customerLabel: 'Closed',
  customerSentence: 'This request is closed. Send a new message if you need more help.',
};
