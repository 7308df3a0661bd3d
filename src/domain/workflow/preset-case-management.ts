import {
  ADMIN_ONLY,
  definePreset,
  move,
  STAFF,
  STAFF_AND_CUSTOMER,
  TO_CLOSED,
  TO_SOLVED,
  WITHDRAWN,
  NEW_STATUS,
  WAITING_ON_CUSTOMER_STATUS,
  SOLVED_STATUS,
  CLOSED_STATUS,
} from './preset-parts.js';

/**
 * New → Queued → In progress → (Waiting on customer) → Solved → Completed → Closed.
 * Solved means the answer went out; Completed means the work around it (tasks, follow-up)
 * is done too. Both are `solved` for the SLA engine, and the customer may close from either.
 */
export const CASE_MANAGEMENT_WORKFLOW = definePreset({
  name: 'case-management',
  initial: 'new',
  reopenTo: 'in-progress',
  taskStatuses: ['queued', 'in-progress', 'completed'],
  statuses: [
    NEW_STATUS,
    {
      id: 'queued',
      name: 'Queued',
      category: 'open',
      customerLabel: 'In the queue',
      customerSentence:
        'Your request is in line for the right specialist. Next update by {nextUpdate}.',
    },
    {
      id: 'in-progress',
      name: 'In progress',
      category: 'open',
      customerLabel: 'In progress',
      customerSentence: 'A specialist is working on your request. Next update by {nextUpdate}.',
    },
    WAITING_ON_CUSTOMER_STATUS,
    SOLVED_STATUS,
    {
      id: 'completed',
      name: 'Completed',
      category: 'solved',
      customerLabel: 'Completed',
      customerSentence:
        'Your request is complete. If anything still needs attention, reply here and we will reopen it.',
    },
    CLOSED_STATUS,
  ],
  transitions: [
    move(['new'], 'queued', STAFF, 'Queue'),
    move(['new', 'queued'], 'in-progress', STAFF, 'Start work', ['assignee']),
    move(['in-progress'], 'queued', STAFF, 'Back to queue'),
    move(['new', 'queued', 'in-progress'], 'waiting-on-customer', STAFF, 'Ask the customer'),
    // A customer's reply hands the case back to the team.
    move(['waiting-on-customer'], 'in-progress', STAFF_AND_CUSTOMER, 'Resume'),
    move(
      ['new', 'queued', 'in-progress', 'waiting-on-customer'],
      'solved',
      STAFF,
      'Solve',
      TO_SOLVED,
    ),
    move(['solved'], 'completed', STAFF, 'Complete', TO_SOLVED),
    move(['solved', 'completed'], 'in-progress', STAFF_AND_CUSTOMER, 'Reopen'),
    move(['solved', 'completed'], 'closed', STAFF_AND_CUSTOMER, 'Close', TO_CLOSED),
    move(['new'], 'closed', STAFF, 'Close as withdrawn', WITHDRAWN),
    move(['closed'], 'in-progress', ADMIN_ONLY, 'Reopen closed case'),
  ],
});
