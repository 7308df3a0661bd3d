import {
  ADMIN_ONLY,
  definePreset,
  move,
  STAFF,
  STAFF_AND_CUSTOMER,
  TO_CLOSED,
  TO_SOLVED,
  WITHDRAWN,
} from './preset-parts.js';

/** New → On hand → Waiting on customer → Solved → Closed: one agent owns the case. */
export const SIMPLE_WORKFLOW = definePreset({
  name: 'simple',
  initial: 'new',
  reopenTo: 'on-hand',
  statuses: [
    {
      id: 'new',
      name: 'New',
      category: 'new',
      customerLabel: 'Received',
      customerSentence: 'We have your request and will respond by {nextUpdate}.',
    },
    {
      id: 'on-hand',
      name: 'On hand',
      category: 'open',
      customerLabel: 'In progress',
      customerSentence:
        'Someone on our team is working on your request. Next update by {nextUpdate}.',
    },
    {
      id: 'waiting-on-customer',
      name: 'Waiting on customer',
      category: 'pending-customer',
      customerLabel: 'Waiting for your reply',
      customerSentence:
        'We need a reply from you to continue. Answer in this thread and we will pick it up right away.',
    },
    {
      id: 'solved',
      name: 'Solved',
      category: 'solved',
      customerLabel: 'Solved',
      customerSentence:
        'We sent you the solution. If it works, close the request; if not, reply here and we will pick it up again.',
    },
    {
      id: 'closed',
      name: 'Closed',
      category: 'closed',
      customerLabel: 'Closed',
      customerSentence: 'This request is closed. Send a new message if you need more help.',
    },
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
