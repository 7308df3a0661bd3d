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

/** New → On hand → Waiting on customer → Solved → Closed: one agent owns the case. */
export const SIMPLE_WORKFLOW = definePreset({
  name: 'simple',
  initial: 'new',
  reopenTo: 'on-hand',
  statuses: [
    NEW_STATUS,
    {
      id: 'on-hand',
      name: 'On hand',
      category: 'open',
      customerLabel: 'In progress',
      customerSentence:
        'Someone on our team is working on your request. Next update by {nextUpdate}.',
    },
    WAITING_ON_CUSTOMER_STATUS,
    SOLVED_STATUS,
    CLOSED_STATUS,
  ],
  transitions: [
    move(['new'], 'on-hand', STAFF, 'Take on hand', ['assignee']),
    move(['new', 'on-hand'], 'waiting-on-customer', STAFF, 'Ask the customer'),
    // A customer's reply hands the case back to the team.
    move(['waiting-on-customer'], 'on-hand', STAFF_AND_CUSTOMER, 'Resume'),
    move(['new', 'on-hand', 'waiting-on-customer'], 'solved', STAFF, 'Solve', TO_SOLVED),
    move(['solved'], 'on-hand', STAFF_AND_CUSTOMER, 'Reopen'),
    move(['solved'], 'closed', STAFF_AND_CUSTOMER, 'Close', TO_CLOSED),
    move(['new'], 'closed', STAFF, 'Close as withdrawn', WITHDRAWN),
    move(['closed'], 'on-hand', ADMIN_ONLY, 'Reopen closed case'),
  ],
});
