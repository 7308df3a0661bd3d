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
import type { Status } from './types.js';

// Development-facing statuses are `pending-internal`: the case waits on the product team,
// not on the support agent, and the customer is told which step the fix has reached.
const STATUSES: Status[] = [
  {
    id: 'submitted',
    name: 'Submitted',
    category: 'new',
    customerLabel: 'Received',
    customerSentence: 'We have your report and will respond by {nextUpdate}.',
  },
  {
    id: 'in-review',
    name: 'In review',
    category: 'open',
    customerLabel: 'Under review',
    customerSentence:
      'We are reviewing your report and trying to reproduce the problem. Next update by {nextUpdate}.',
  },
  {
    id: 'approved-for-action',
    name: 'Approved for action',
    category: 'pending-internal',
    customerLabel: 'Fix scheduled',
    customerSentence:
      'A fix is approved and scheduled with our developers. Next update by {nextUpdate}.',
  },
  {
    id: 'in-progress',
    name: 'In progress',
    category: 'open',
    customerLabel: 'Fix in progress',
    customerSentence: 'Our developers are working on a fix. Next update by {nextUpdate}.',
  },
  {
    id: 'ready-to-test',
    name: 'Ready to test',
    category: 'pending-internal',
    customerLabel: 'Fix ready for testing',
    customerSentence: 'The fix is built and waiting for our testers. Next update by {nextUpdate}.',
  },
  {
    id: 'in-testing',
    name: 'In testing',
    category: 'pending-internal',
    customerLabel: 'Testing the fix',
    customerSentence: 'We are testing the fix. Next update by {nextUpdate}.',
  },
  {
    id: 'ready-to-install',
    name: 'Ready to install',
    category: 'pending-internal',
    customerLabel: 'Fix ready to install',
    customerSentence:
      'The fix passed our tests and we are preparing to install it for you. Next update by {nextUpdate}.',
  },
  {
    id: 'client-testing',
    name: 'Client testing',
    category: 'pending-customer',
    customerLabel: 'Ready for you to test',
    customerSentence:
      'The fix is installed. Please check that it works for you and tell us in this thread.',
  },
  {
    id: 'completed',
    name: 'Completed',
    category: 'solved',
    customerLabel: 'Fixed',
    customerSentence:
      'The fix is confirmed. If the problem comes back, reply here and we will look again.',
  },
  {
    id: 'cannot-replicate',
    name: 'Cannot replicate',
    category: 'solved',
    customerLabel: 'Could not reproduce',
    customerSentence:
      'We could not make the problem happen on our side. If it happens again, reply here with the steps and we will look again.',
  },
  {
    id: 'needs-estimate',
    name: 'Needs estimate',
    category: 'pending-internal',
    customerLabel: 'Being estimated',
    customerSentence:
      'This needs more than a quick fix, so we are estimating the effort. Next update by {nextUpdate}.',
  },
  {
    id: 'estimate-ready',
    name: 'Estimate ready',
    category: 'open',
    customerLabel: 'Estimate on its way',
    customerSentence: 'The estimate is ready and we will send it to you by {nextUpdate}.',
  },
  {
    id: 'estimate-pending-client-approval',
    name: 'Estimate pending client approval',
    category: 'pending-customer',
    customerLabel: 'Waiting for your approval',
    customerSentence:
      'We sent you an estimate. Approve it in this thread, or reply with questions, and we will go ahead.',
  },
  {
    id: 'closed',
    name: 'Closed',
    category: 'closed',
    customerLabel: 'Closed',
    customerSentence: 'This report is closed. Send a new message if you need more help.',
  },
];

/**
 * Submitted → In review → Approved for action → In progress → Ready to test → In testing →
 * Ready to install → Client testing → Completed, with side paths Cannot replicate and
 * Needs estimate → Estimate ready → Estimate pending client approval → Approved for action.
 */
export const DEFECT_LIFECYCLE_WORKFLOW = definePreset({
  name: 'defect-lifecycle',
  initial: 'submitted',
  reopenTo: 'in-review',
  statuses: STATUSES,
  transitions: [
    move(['submitted'], 'in-review', STAFF, 'Start review'),
    move(['in-review'], 'approved-for-action', STAFF, 'Approve for action'),
    move(['in-review'], 'needs-estimate', STAFF, 'Ask for an estimate'),
    move(['needs-estimate'], 'estimate-ready', STAFF, 'Estimate ready'),
    move(['estimate-ready'], 'estimate-pending-client-approval', STAFF, 'Send estimate'),
    // Staff may record an approval the customer gave by mail or phone.
    move(
      ['estimate-pending-client-approval'],
      'approved-for-action',
      STAFF_AND_CUSTOMER,
      'Approve estimate',
    ),
    move(['approved-for-action'], 'in-progress', STAFF, 'Start fix', ['assignee']),
    move(['in-progress'], 'ready-to-test', STAFF, 'Ready to test'),
    move(['ready-to-test'], 'in-testing', STAFF, 'Start testing'),
    move(['in-testing'], 'ready-to-install', STAFF, 'Passed testing'),
    move(['in-testing', 'client-testing'], 'in-progress', STAFF, 'Back to development'),
    // The customer is asked to test a described fix, so the resolution is written by now.
    move(['ready-to-install'], 'client-testing', STAFF, 'Ask customer to test', ['resolution']),
    move(['client-testing'], 'completed', STAFF_AND_CUSTOMER, 'Confirm the fix works', TO_SOLVED),
    move(['in-review', 'in-progress'], 'cannot-replicate', STAFF, 'Cannot replicate', TO_SOLVED),
    // A customer's reply (questions on the estimate, a failed test) goes back to review.
    move(
      ['client-testing', 'estimate-pending-client-approval'],
      'in-review',
      STAFF_AND_CUSTOMER,
      'Back to review',
    ),
    move(['completed', 'cannot-replicate'], 'in-review', STAFF_AND_CUSTOMER, 'Reopen'),
    move(['completed', 'cannot-replicate'], 'closed', STAFF_AND_CUSTOMER, 'Close', TO_CLOSED),
    move(['submitted'], 'closed', STAFF, 'Close as withdrawn', WITHDRAWN),
    move(['closed'], 'in-review', ADMIN_ONLY, 'Reopen closed case'),
  ],
});
