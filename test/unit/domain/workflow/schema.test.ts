import { parseWorkflow, workflowDefinitionSchema } from '../../../../src/domain/workflow/schema.js';

// What an admin might write in caseline.yaml, already parsed from YAML.
const custom = () => ({
  name: 'hardware-returns',
  initial: 'received',
  reopenTo: 'inspecting',
  statuses: [
    status('received', 'new'),
    status('inspecting', 'open'),
    status('awaiting-parcel', 'pending-customer'),
    status('replaced', 'solved'),
    status('closed', 'closed'),
  ],
  transitions: [
    { from: 'received', to: 'inspecting', roles: ['agent', 'lead'] },
    { from: ['received', 'inspecting'], to: 'awaiting-parcel', roles: ['agent'] },
    { from: 'awaiting-parcel', to: 'inspecting', roles: ['customer', 'agent'] },
    {
      from: 'inspecting',
      to: 'replaced',
      roles: ['agent'],
      requires: ['resolution', 'no-open-tasks'],
    },
    { from: 'replaced', to: 'closed', roles: ['customer', 'agent'], requires: ['resolution-sent'] },
    { from: 'replaced', to: 'inspecting', roles: ['customer', 'agent'], label: 'Reopen' },
  ],
});

function status(id: string, category: string) {
  return {
    id,
    name: id,
    category,
    customerLabel: id,
    customerSentence: 'We are on it. Next update by {nextUpdate}.',
  };
}

const problemsOf = (input: unknown) => {
  const result = parseWorkflow(input);
  if (result.ok) throw new Error('expected the workflow to be refused');
  expect(result.code).toBe('invalid-input');
  return (result.details?.['problems'] as { path: string; message: string }[]).map(
    (problem) => `${problem.path}: ${problem.message}`,
  );
};

describe('parseWorkflow', () => {
  it('accepts a custom workflow, normalizing `from` to a list and `requires` to []', () => {
    const result = parseWorkflow(custom());
    expect(result.ok).toBe(true);
    const first = result.ok ? result.value.transitions[0] : undefined;
    expect(first).toEqual({
      from: ['received'],
      to: 'inspecting',
      roles: ['agent', 'lead'],
      requires: [],
    });
  });

  it('reports every cross-reference problem at once, each with its path', () => {
    const broken = custom();
    broken.initial = 'start';
    broken.reopenTo = 'replaced';
    broken.statuses.push(status('inspecting', 'open'), status('limbo', 'open'));
    broken.transitions.push(
      { from: 'inspecting', to: 'shipped', roles: ['agent'] },
      { from: ['received', 'inspecting'], to: 'inspecting', roles: ['agent'] },
      { from: 'received', to: 'closed', roles: ['agent'], requires: [] },
      { from: 'inspecting', to: 'closed', roles: ['agent'] },
    );
    const [, , , replace] = broken.transitions;
    if (replace) replace.requires = ['resolution'];

    expect(problemsOf(broken)).toEqual([
      'statuses[5].id: Status id "inspecting" is used twice.',
      'initial: Unknown status "start".',
      'transitions[6].to: Unknown status "shipped".',
      'reopenTo: "replaced" is solved; pick a status still in work.',
      'transitions[7].from[0]: "received" → "inspecting" is already transitions[0].',
      'transitions[7].from[1]: "inspecting" cannot move to itself.',
      'transitions[3].requires: Moving to solved status "replaced" must require "no-open-tasks".',
      'transitions[9].requires: Moving to closed status "closed" must require "resolution-sent".',
      'statuses[6].id: "limbo" has no way out.',
    ]);
  });

  it('puts the count and every path in the message', () => {
    const broken = { ...custom(), initial: 'start', reopenTo: 'nowhere' };
    const result = parseWorkflow(broken);
    expect(!result.ok && result.message).toMatch(/^The workflow has \d+ problems:\n- initial: /);
    expect(!result.ok && result.message).toContain('- reopenTo: Unknown status "nowhere".');
  });

  it('finds statuses that cannot be reached, and statuses a case cannot leave', () => {
    const input = custom();
    input.statuses.push(status('limbo', 'open'), status('parked', 'pending-internal'));
    input.transitions.push({ from: 'parked', to: 'inspecting', roles: ['agent'] });
    expect(problemsOf(input)).toEqual([
      'statuses[5].id: "limbo" cannot be reached from "received".',
      'statuses[6].id: "parked" cannot be reached from "received".',
      'statuses[5].id: "limbo" has no way out.',
    ]);
  });

  it('requires a solved and a closed status', () => {
    const input = custom();
    input.statuses = input.statuses.filter(
      (s) => s.category !== 'solved' && s.category !== 'closed',
    );
    input.transitions = input.transitions.slice(0, 3);
    expect(problemsOf(input)).toEqual([
      'statuses: Add at least one status in category "solved".',
      'statuses: Add at least one status in category "closed".',
    ]);
  });

  it('reports every shape problem at once, each with its path', () => {
    const input = custom() as Record<string, unknown> & ReturnType<typeof custom>;
    input.name = '';
    input.statuses[1] = { ...status('In Review', 'open'), category: 'working' };
    input.statuses[2] = {
      ...status('awaiting-parcel', 'pending-customer'),
      customerSentence: 'Hi {name}.',
    };
    input.transitions[0] = { from: 'received', to: 'inspecting', roles: ['boss'] };
    input.transitions[1] = {
      from: [],
      to: 'awaiting-parcel',
      roles: ['agent'],
      requires: ['coffee'],
    } as never;
    const problems = problemsOf(input).map((problem) => problem.split(':')[0]);
    expect(problems).toEqual([
      'name',
      'statuses[1].id',
      'statuses[1].category',
      'statuses[2].customerSentence',
      'transitions[0].roles[0]',
      'transitions[1].from',
      'transitions[1].requires[0]',
    ]);
  });

  it('refuses something that is not a workflow at all', () => {
    expect(problemsOf('simple')[0]).toMatch(/^workflow: /);
  });
});

describe('workflowDefinitionSchema', () => {
  it('carries the cross-reference checks for a config schema that embeds it', () => {
    const parsed = workflowDefinitionSchema.safeParse({ ...custom(), reopenTo: 'nowhere' });
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.path)).toEqual([
      ['reopenTo'],
    ]);
  });
});
