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

describe('the simple preset', () => {
  const workflow = preset('simple');

  it('has the statuses PRODUCT.md lists, in order, with their categories', () => {
    expect(shape(workflow)).toEqual({
      names: ['New', 'On hand', 'Waiting on customer', 'Solved', 'Closed'],
      categories: {
        new: 'new',
        'on-hand': 'open',
        'waiting-on-customer': 'pending-customer',
        solved: 'solved',
        closed: 'closed',
      },
    });
    expect([workflow.initial, workflow.reopenTo]).toEqual(['new', 'on-hand']);
  });

  it('lets customers only answer, reopen and close', () => {
    expect(edgesFor(workflow, (roles) => roles.includes('customer'))).toEqual([
      'solved → closed',
      'solved → on-hand',
      'waiting-on-customer → on-hand',
    ]);
  });

  it.each<Row>([
    ['a customer cannot move New → On hand', 'customer', 'new', 'on-hand', ready, 'not-allowed'],
    ['an agent takes an assigned case on hand', 'agent', 'new', 'on-hand', ready, 'ok'],
    ['taking on hand needs an assignee', 'agent', 'new', 'on-hand', bare, 'assignee'],
    [
      'an agent can solve with a resolution',
      'agent',
      'on-hand',
      'solved',
      { ...bare, resolution: fixed },
      'ok',
    ],
    [
      'an agent cannot solve without a resolution',
      'agent',
      'on-hand',
      'solved',
      bare,
      'resolution',
    ],
    [
      'an open task blocks solving',
      'lead',
      'on-hand',
      'solved',
      { ...ready, openTasks: 1 },
      'no-open-tasks',
    ],
    ['a customer cannot solve', 'customer', 'on-hand', 'solved', ready, 'not-allowed'],
    [
      'a customer reply resumes a waiting case',
      'customer',
      'waiting-on-customer',
      'on-hand',
      bare,
      'ok',
    ],
    ['a customer closes once the resolution was sent', 'customer', 'solved', 'closed', ready, 'ok'],
    [
      'closing needs the resolution sent',
      'agent',
      'solved',
      'closed',
      { ...ready, resolutionSent: false },
      'resolution-sent',
    ],
    ['a customer reopens a solved case', 'customer', 'solved', 'on-hand', bare, 'ok'],
    [
      'spam closes from New with a reason, unsent',
      'agent',
      'new',
      'closed',
      { ...bare, resolution: duplicate },
      'ok',
    ],
    ['a withdrawn case still needs a reason', 'agent', 'new', 'closed', bare, 'resolution'],
    [
      'a worked case is solved before it closes',
      'agent',
      'on-hand',
      'closed',
      ready,
      'invalid-transition',
    ],
    ['nothing goes back to New', 'admin', 'on-hand', 'new', ready, 'invalid-transition'],
    ['a lead cannot reopen a closed case', 'lead', 'closed', 'on-hand', ready, 'not-allowed'],
    [
      'a customer cannot reopen a closed case',
      'customer',
      'closed',
      'on-hand',
      ready,
      'not-allowed',
    ],
    ['an admin can reopen a closed case', 'admin', 'closed', 'on-hand', bare, 'ok'],
  ])('%s', (...row) => {
    expect(outcome(workflow, row)).toBe(row[5]);
  });
});
