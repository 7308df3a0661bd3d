import type { FailureCode } from '../../../../src/domain/result.js';
import type { Role } from '../../../../src/domain/roles.js';
import { WORKFLOW_PRESETS } from '../../../../src/domain/workflow/presets.js';
import type { WorkflowPresetName } from '../../../../src/domain/workflow/presets.js';
import { checkTransition } from '../../../../src/domain/workflow/transitions.js';
import type { TransitionFacts } from '../../../../src/domain/workflow/transitions.js';
import type { Requirement, Workflow } from '../../../../src/domain/workflow/types.js';

// Hand-written expectations from PRODUCT.md and the role rules: these fail if the preset
// declares the wrong edge, role or requirement (presets.test.ts only checks consistency).

const fixed = { type: 'fixed', text: 'Patched the nightly export job.' } as const;
const duplicate = { type: 'duplicate', text: 'Same as CASE-1041.' } as const;
const ready: TransitionFacts = {
  resolution: fixed,
  resolutionSent: true,
  openTasks: 0,
  assigneeId: 'a1',
};
const bare: TransitionFacts = { resolutionSent: false, openTasks: 0 };

type Expected = 'ok' | FailureCode | Requirement;
type Row = readonly [string, Role, string, string, TransitionFacts, Expected];

const outcome = (workflow: Workflow, [, role, from, to, facts]: Row): Expected => {
  const result = checkTransition(workflow, { from, to, role, facts });
  if (result.ok) return 'ok';
  return result.code === 'requirement-missing'
    ? (result.details?.['requirement'] as Requirement)
    : result.code;
};

const edgesFor = (workflow: Workflow, pick: (roles: readonly Role[]) => boolean): string[] =>
  workflow.transitions
    .filter((transition) => pick(transition.roles))
    .flatMap((transition) => transition.from.map((from) => `${from} → ${transition.to}`))
    .sort();

const preset = (name: WorkflowPresetName): Workflow => WORKFLOW_PRESETS[name];
const shape = (workflow: Workflow) => ({
  names: workflow.statuses.map((status) => status.name),
  categories: Object.fromEntries(workflow.statuses.map((status) => [status.id, status.category])),
});

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
