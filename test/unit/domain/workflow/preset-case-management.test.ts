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

describe('the case-management preset', () => {
  const workflow = preset('case-management');

  it('has the statuses PRODUCT.md lists, in order, with their categories', () => {
    expect(shape(workflow)).toEqual({
      names: [
        'New',
        'Queued',
        'In progress',
        'Waiting on customer',
        'Solved',
        'Completed',
        'Closed',
      ],
      categories: {
        new: 'new',
        queued: 'open',
        'in-progress': 'open',
        'waiting-on-customer': 'pending-customer',
        solved: 'solved',
        completed: 'solved',
        closed: 'closed',
      },
    });
    expect(workflow.taskStatuses).toEqual(['queued', 'in-progress', 'completed']);
    expect(workflow.reopenTo).toBe('in-progress');
  });

  it('lets customers only answer, reopen and close', () => {
    expect(edgesFor(workflow, (roles) => roles.includes('customer'))).toEqual([
      'completed → closed',
      'completed → in-progress',
      'solved → closed',
      'solved → in-progress',
      'waiting-on-customer → in-progress',
    ]);
  });

  it.each<Row>([
    ['a customer cannot queue a case', 'customer', 'new', 'queued', ready, 'not-allowed'],
    ['an agent queues a new case', 'agent', 'new', 'queued', bare, 'ok'],
    ['starting work needs an assignee', 'agent', 'queued', 'in-progress', bare, 'assignee'],
    [
      'an agent solves with a resolution',
      'agent',
      'in-progress',
      'solved',
      { ...bare, resolution: fixed },
      'ok',
    ],
    [
      'open tasks block solving',
      'agent',
      'in-progress',
      'solved',
      { ...ready, openTasks: 2 },
      'no-open-tasks',
    ],
    [
      'open tasks block completing',
      'agent',
      'solved',
      'completed',
      { ...ready, openTasks: 1 },
      'no-open-tasks',
    ],
    ['a customer cannot complete a case', 'customer', 'solved', 'completed', ready, 'not-allowed'],
    ['a customer closes a completed case', 'customer', 'completed', 'closed', ready, 'ok'],
    ['a customer reopens a completed case', 'customer', 'completed', 'in-progress', bare, 'ok'],
    [
      'a case in progress is solved before it closes',
      'agent',
      'in-progress',
      'closed',
      ready,
      'invalid-transition',
    ],
    [
      'an agent cannot reopen a closed case',
      'agent',
      'closed',
      'in-progress',
      ready,
      'not-allowed',
    ],
    ['an admin can reopen a closed case', 'admin', 'closed', 'in-progress', bare, 'ok'],
    [
      'spam closes from new with a reason, unsent',
      'agent',
      'new',
      'closed',
      { ...bare, resolution: duplicate },
      'ok',
    ],
    ['a customer cannot withdraw a case', 'customer', 'new', 'closed', ready, 'not-allowed'],
  ])('%s', (...row) => {
    expect(outcome(workflow, row)).toBe(row[5]);
  });
});
