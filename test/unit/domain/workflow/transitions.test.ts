import { WORKFLOW_PRESETS } from '../../../../src/domain/workflow/presets.js';
import {
  availableTransitions,
  categoryOf,
  checkTransition,
  findTransition,
  isClosed,
  isPendingCustomer,
  isSolved,
  statusById,
} from '../../../../src/domain/workflow/transitions.js';
import type { TransitionFacts } from '../../../../src/domain/workflow/transitions.js';

const simple = WORKFLOW_PRESETS.simple;
const defects = WORKFLOW_PRESETS['defect-lifecycle'];
const fixed = { type: 'fixed', text: 'Patched the export job.' } as const;
const facts = (overrides: Partial<TransitionFacts> = {}): TransitionFacts => ({
  resolution: fixed,
  resolutionSent: true,
  openTasks: 0,
  assigneeId: 'agent-1',
  ...overrides,
});

describe('checkTransition messages', () => {
  it.each([
    ['on-hand', 'solved', { resolution: undefined }, 'Solving needs a resolution.'],
    ['on-hand', 'solved', { openTasks: 2 }, '2 open tasks block solving.'],
    ['on-hand', 'solved', { openTasks: 1 }, '1 open task blocks solving.'],
    [
      'solved',
      'closed',
      { resolutionSent: false },
      'Closing needs the resolution sent to the requester first.',
    ],
    [
      'new',
      'on-hand',
      { assigneeId: undefined },
      'Moving to On hand needs an assignee; claim or assign it first.',
    ],
  ] as const)('%s → %s with %j says "%s"', (from, to, overrides, message) => {
    const result = checkTransition(simple, { from, to, role: 'agent', facts: facts(overrides) });
    expect(result).toMatchObject({ ok: false, code: 'requirement-missing', message });
  });

  it('lists every missing requirement and names the first', () => {
    const missing = facts({ resolution: undefined, openTasks: 3 });
    const result = checkTransition(simple, {
      from: 'on-hand',
      to: 'solved',
      role: 'agent',
      facts: missing,
    });
    expect(result).toEqual({
      ok: false,
      code: 'requirement-missing',
      message: 'Solving needs a resolution. 3 open tasks block solving.',
      details: { requirement: 'resolution', missing: ['resolution', 'no-open-tasks'] },
    });
  });

  it('explains a "works as designed" resolution without a documentation link', () => {
    const resolution = { type: 'works-as-designed', text: 'Drafts are not exported.' } as const;
    const result = checkTransition(simple, {
      from: 'on-hand',
      to: 'solved',
      role: 'agent',
      facts: facts({ resolution }),
    });
    expect(result).toMatchObject({ details: { requirement: 'resolution' } });
    expect(!result.ok && result.message).toMatch(/link to the documentation/);
  });

  it('names the statuses the role can move to when there is no such move', () => {
    const result = checkTransition(simple, {
      from: 'on-hand',
      to: 'new',
      role: 'agent',
      facts: facts(),
    });
    expect(result).toEqual({
      ok: false,
      code: 'invalid-transition',
      message: 'A case cannot move from On hand to New. Next can be: Waiting on customer, Solved.',
      details: { from: 'on-hand', to: 'new', allowed: ['waiting-on-customer', 'solved'] },
    });
  });

  it.each([
    ['new', 'reviewed', 'There is no status "reviewed".'],
    ['lost', 'solved', 'There is no status "lost".'],
  ])('refuses an unknown status (%s → %s)', (from, to, text) => {
    const result = checkTransition(simple, { from, to, role: 'admin', facts: facts() });
    expect(result).toMatchObject({ ok: false, code: 'invalid-transition' });
    expect(!result.ok && result.message).toContain(text);
  });

  it('says which role is refused', () => {
    const result = checkTransition(simple, {
      from: 'new',
      to: 'on-hand',
      role: 'customer',
      facts: facts(),
    });
    expect(result).toMatchObject({
      code: 'not-allowed',
      message: 'A customer cannot move a case from New to On hand.',
    });
  });

  it('returns the transition taken, with its label', () => {
    const result = checkTransition(simple, {
      from: 'solved',
      to: 'closed',
      role: 'customer',
      facts: facts(),
    });
    expect(result).toEqual({ ok: true, value: findTransition(simple, 'solved', 'closed') });
    expect(result.ok && result.value.label).toBe('Close');
  });
});

describe('availableTransitions', () => {
  const targets = (from: string, role: 'customer' | 'agent' | 'admin', wf = simple) =>
    availableTransitions(wf, from, role).map((transition) => transition.to);

  it.each([
    ['new', 'agent', ['on-hand', 'waiting-on-customer', 'solved', 'closed']],
    ['new', 'customer', []],
    ['solved', 'customer', ['on-hand', 'closed']],
    ['closed', 'agent', []],
    ['closed', 'admin', ['on-hand']],
    ['unknown', 'admin', []],
  ] as const)('from %s a %s sees %j', (from, role, expected) => {
    expect(targets(from, role)).toEqual(expected);
  });

  it('offers a customer in client testing to confirm or send it back', () => {
    expect(targets('client-testing', 'customer', defects)).toEqual(['completed', 'in-review']);
  });
});

describe('status helpers', () => {
  it.each([
    ['new', 'new', false, false, false],
    ['waiting-on-customer', 'pending-customer', false, false, true],
    ['solved', 'solved', true, false, false],
    ['closed', 'closed', false, true, false],
  ] as const)('%s is %s', (id, category, solved, closed, pending) => {
    expect(categoryOf(simple, id)).toBe(category);
    expect([isSolved(simple, id), isClosed(simple, id), isPendingCustomer(simple, id)]).toEqual([
      solved,
      closed,
      pending,
    ]);
  });

  it('knows nothing about unknown ids', () => {
    expect(statusById(simple, 'nope')).toBeUndefined();
    expect(categoryOf(simple, 'nope')).toBeUndefined();
    expect(isSolved(simple, 'nope')).toBe(false);
  });

  it('finds a status by id', () => {
    expect(statusById(defects, 'client-testing')?.name).toBe('Client testing');
  });
});
