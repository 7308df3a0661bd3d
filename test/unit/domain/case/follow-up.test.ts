import { judgeFollowUp } from '../../../../src/domain/case/follow-up.js';
import { wordOverlap } from '../../../../src/kb/word-overlap.js';

const judge = (first: string, second: string) =>
  judgeFollowUp(second, (written) => wordOverlap(first, written));

// One customer, two top-level messages seconds apart: a second, unrelated problem…
const SEPARATE: readonly (readonly [string, string])[] = [
  [
    'Invoice export fails at month-end with error 500',
    'Another issue: two users cannot log in since this morning',
  ],
  [
    'The VAT report totals are off by a cent',
    'Separate question, how do I add a new warehouse location to the stock module?',
  ],
  [
    'Payroll run hangs at step 3 of 5',
    'Also our barcode scanners stopped syncing with the inventory app on the warehouse tablets',
  ],
  [
    'Login page shows a blank screen in Safari',
    'Unrelated, but the nightly backup email reports a failed job for the archive database',
  ],
  [
    'Reconciliation report is empty since Monday',
    'Different topic: can we get an extra licence for our new accountant?',
  ],
  [
    'Cannot print delivery notes from the dispatch screen',
    'The purchase order approval emails go to a manager who left the company last year',
  ],
  [
    'Bank statement import rejects the new CSV format',
    'How can I change the default currency for customer quotes to euros?',
  ],
  [
    'Month-end close hangs on the depreciation step',
    'Our mobile app crashes whenever a sales rep opens the customer map offline',
  ],
  [
    'Stock levels differ between the web shop and the warehouse',
    'One more problem: the API token for our integration expired and we cannot renew it',
  ],
  [
    'Timesheets cannot be submitted after the upgrade',
    'Please reset the password for jane.doe, she is locked out of the portal after three attempts',
  ],
];

// …or more about the same one.
const CONTINUES: readonly (readonly [string, string])[] = [
  ['Invoice export fails at month-end with error 500', 'It also happens for March.'],
  ['Invoice export fails at month-end with error 500', '📎 screenshot.png https://files.example/1'],
  [
    'Invoice export fails at month-end with error 500',
    'The export of invoices for February fails with the same error',
  ],
  ['Payroll run hangs at step 3 of 5', 'any update?'],
  ['Payroll run hangs at step 3 of 5', 'urgent please, payroll is due tomorrow'],
  [
    'Login page shows a blank screen in Safari',
    'Chrome works fine, only Safari shows the blank login page',
  ],
  ['Reconciliation report is empty since Monday', 'Here is the report id: REC-2291'],
  [
    'Bank statement import rejects the new CSV format',
    'Forgot to mention: the bank changed the delimiter to semicolons last week',
  ],
  [
    'Timesheets cannot be submitted after the upgrade',
    'Sorry, I meant the timesheet approval, not the submission',
  ],
  [
    'Stock levels differ between the web shop and the warehouse',
    'The web shop shows 12 units while the warehouse stock says 4',
  ],
];

describe('a second message moments after the first', () => {
  it.each(SEPARATE)('is a request of its own: %s → %s', (first, second) => {
    expect(judge(first, second).joins).toBe(false);
  });

  it.each(CONTINUES)('continues the case: %s → %s', (first, second) => {
    expect(judge(first, second).joins).toBe(true);
  });
});
