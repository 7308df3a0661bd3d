import { checkTransition } from '../../../../src/domain/workflow/transitions.js';
import {
  bare,
  duplicate,
  edgesFor,
  fixed,
  outcome,
  preset,
  ready,
  shape,
  type Row,
} from './preset-harness.js';

// Hand-written expectations from PRODUCT.md and the role rules: these fail if the preset
// declares the wrong edge, role or requirement (presets.test.ts only checks consistency).

describe('the defect-lifecycle preset', () => {
  const workflow = preset('defect-lifecycle');
  const MAIN = ['submitted', 'in-review', 'approved-for-action', 'in-progress', 'ready-to-test'];
  const FIX = [
    'ready-to-test',
    'in-testing',
    'ready-to-install',
    'client-testing',
    'completed',
    'closed',
  ];
  const ESTIMATE = [
    'in-review',
    'needs-estimate',
    'estimate-ready',
    'estimate-pending-client-approval',
    'approved-for-action',
  ];
  const steps = [MAIN, FIX, ESTIMATE].flatMap((path) =>
    path.slice(1).map((to, i) => [path[i] ?? '', to] as const),
  );

  it('has the statuses PRODUCT.md lists, plus Closed', () => {
    const { names, categories } = shape(workflow);
    expect(names).toEqual([
      'Submitted',
      'In review',
      'Approved for action',
      'In progress',
      'Ready to test',
      'In testing',
      'Ready to install',
      'Client testing',
      'Completed',
      'Cannot replicate',
      'Needs estimate',
      'Estimate ready',
      'Estimate pending client approval',
      'Closed',
    ]);
    expect(categories).toMatchObject({
      submitted: 'new',
      'client-testing': 'pending-customer',
      'estimate-pending-client-approval': 'pending-customer',
      completed: 'solved',
      'cannot-replicate': 'solved',
      closed: 'closed',
    });
  });

  it.each(steps)('an agent walks %s → %s', (from, to) => {
    expect(checkTransition(workflow, { from, to, role: 'agent', facts: ready }).ok).toBe(true);
  });

  it('lets customers only approve, confirm, answer, reopen and close', () => {
    expect(edgesFor(workflow, (roles) => roles.includes('customer'))).toEqual([
      'cannot-replicate → closed',
      'cannot-replicate → in-review',
      'client-testing → completed',
      'client-testing → in-review',
      'completed → closed',
      'completed → in-review',
      'estimate-pending-client-approval → approved-for-action',
      'estimate-pending-client-approval → in-review',
    ]);
  });

  it.each<Row>([
    [
      'a customer approves an estimate',
      'customer',
      'estimate-pending-client-approval',
      'approved-for-action',
      bare,
      'ok',
    ],
    [
      'a customer confirms the fix works',
      'customer',
      'client-testing',
      'completed',
      { ...bare, resolution: fixed },
      'ok',
    ],
    [
      'a customer cannot approve work in review',
      'customer',
      'in-review',
      'approved-for-action',
      ready,
      'not-allowed',
    ],
    [
      'a customer cannot pass internal testing',
      'customer',
      'in-testing',
      'ready-to-install',
      ready,
      'not-allowed',
    ],
    [
      'cannot replicate needs a resolution',
      'agent',
      'in-review',
      'cannot-replicate',
      bare,
      'resolution',
    ],
    [
      'client testing needs the fix described',
      'agent',
      'ready-to-install',
      'client-testing',
      bare,
      'resolution',
    ],
    [
      'starting a fix needs an assignee',
      'agent',
      'approved-for-action',
      'in-progress',
      bare,
      'assignee',
    ],
    ['a failed test goes back to development', 'agent', 'in-testing', 'in-progress', bare, 'ok'],
    [
      'a report is reviewed before work starts',
      'agent',
      'submitted',
      'in-progress',
      ready,
      'invalid-transition',
    ],
    [
      'an estimate needs the client to approve it',
      'agent',
      'estimate-ready',
      'approved-for-action',
      ready,
      'invalid-transition',
    ],
    ['a lead cannot reopen a closed report', 'lead', 'closed', 'in-review', ready, 'not-allowed'],
    ['an admin can reopen a closed report', 'admin', 'closed', 'in-review', bare, 'ok'],
    [
      'spam closes from submitted with a reason, unsent',
      'agent',
      'submitted',
      'closed',
      { ...bare, resolution: duplicate },
      'ok',
    ],
    ['a customer cannot withdraw a case', 'customer', 'submitted', 'closed', ready, 'not-allowed'],
  ])('%s', (...row) => {
    expect(outcome(workflow, row)).toBe(row[5]);
  });
});
