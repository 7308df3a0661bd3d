import type { Resolution } from '../../../../src/domain/resolution.js';
import { ROLES } from '../../../../src/domain/roles.js';
import type { Role } from '../../../../src/domain/roles.js';
import {
  WORKFLOW_PRESET_NAMES,
  WORKFLOW_PRESETS,
} from '../../../../src/domain/workflow/presets.js';
import { parseWorkflow } from '../../../../src/domain/workflow/schema.js';
import { renderCustomerSentence } from '../../../../src/domain/workflow/statuses.js';
import { checkTransition } from '../../../../src/domain/workflow/transitions.js';
import type { TransitionFacts } from '../../../../src/domain/workflow/transitions.js';
import type { Requirement, Transition, Workflow } from '../../../../src/domain/workflow/types.js';

// Generated from the presets themselves: each edge must behave as declared. The hand-written
// expectations that catch a wrong declaration live in preset-<name>.test.ts.

const RESOLUTION: Resolution = { type: 'fixed', text: 'Patched the nightly export job.' };
const ALL_MET: TransitionFacts = {
  resolution: RESOLUTION,
  resolutionSent: true,
  openTasks: 0,
  assigneeId: 'agent-1',
};
const NONE_MET: TransitionFacts = { resolutionSent: false, openTasks: 2 };

const unmet: Record<Requirement, (facts: TransitionFacts) => TransitionFacts> = {
  resolution: (facts) => ({ ...facts, resolution: undefined }),
  'resolution-sent': (facts) => ({ ...facts, resolutionSent: false }),
  'no-open-tasks': (facts) => ({ ...facts, openTasks: 2 }),
  assignee: (facts) => ({ ...facts, assigneeId: undefined }),
};

const met: Record<Requirement, (facts: TransitionFacts) => TransitionFacts> = {
  resolution: (facts) => ({ ...facts, resolution: RESOLUTION }),
  'resolution-sent': (facts) => ({ ...facts, resolutionSent: true }),
  'no-open-tasks': (facts) => ({ ...facts, openTasks: 0 }),
  assignee: (facts) => ({ ...facts, assigneeId: 'agent-1' }),
};

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly transition: Transition;
}

const edgesOf = (workflow: Workflow): Edge[] =>
  workflow.transitions.flatMap((transition) =>
    transition.from.map((from) => ({ from, to: transition.to, transition })),
  );

const hasEdge = (workflow: Workflow, from: string, to: string): boolean =>
  edgesOf(workflow).some((edge) => edge.from === from && edge.to === to);

describe.each(WORKFLOW_PRESET_NAMES)('the %s preset', (name) => {
  const workflow = WORKFLOW_PRESETS[name];
  const edges = edgesOf(workflow);
  const ids = workflow.statuses.map((status) => status.id);

  it('passes the validation a custom workflow must pass', () => {
    expect(parseWorkflow(workflow)).toEqual({ ok: true, value: workflow });
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(workflow)).toBe(true);
    expect(Object.isFrozen(workflow.transitions[0]?.roles)).toBe(true);
  });

  const allowed = edges.flatMap((edge) =>
    edge.transition.roles.map((role) => [edge.from, edge.to, role] as const),
  );
  it.each(allowed)('allows %s → %s for a %s when all requirements hold', (from, to, role) => {
    expect(checkTransition(workflow, { from, to, role, facts: ALL_MET }).ok).toBe(true);
  });

  const refused = edges.flatMap((edge) =>
    ROLES.filter((role: Role) => !edge.transition.roles.includes(role)).map(
      (role) => [edge.from, edge.to, role] as const,
    ),
  );
  it.each(refused)('refuses %s → %s for a %s', (from, to, role) => {
    const result = checkTransition(workflow, { from, to, role, facts: ALL_MET });
    expect(result).toMatchObject({ ok: false, code: 'not-allowed' });
  });

  const nonEdges = ids.flatMap((from) =>
    ids.filter((to) => !hasEdge(workflow, from, to)).map((to) => [from, to] as const),
  );
  it.each(nonEdges)('has no move from %s to %s, even for an admin', (from, to) => {
    const result = checkTransition(workflow, { from, to, role: 'admin', facts: ALL_MET });
    expect(result).toMatchObject({ ok: false, code: 'invalid-transition' });
  });

  const required = edges.flatMap((edge) =>
    edge.transition.requires.map((requirement) => [edge.from, edge.to, requirement] as const),
  );
  it.each(required)('refuses %s → %s without %s', (from, to, requirement) => {
    const role = edges.find((e) => e.from === from && e.to === to)?.transition.roles[0] ?? 'admin';
    const result = checkTransition(workflow, {
      from,
      to,
      role,
      facts: unmet[requirement](ALL_MET),
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'requirement-missing',
      details: { requirement },
    });
  });

  // Catches an edge that demands more than it declares.
  it.each(edges.map((edge) => [edge.from, edge.to, edge] as const))(
    'allows %s → %s with only its own requirements met',
    (from, to, edge) => {
      const facts = edge.transition.requires.reduce((f, r) => met[r](f), NONE_MET);
      const role = edge.transition.roles[0] ?? 'admin';
      expect(checkTransition(workflow, { from, to, role, facts }).ok).toBe(true);
    },
  );

  const needsResolution = edges.filter((edge) => edge.transition.requires.includes('resolution'));
  it.each(needsResolution.map((edge) => [edge.from, edge.to] as const))(
    'refuses %s → %s with a "works as designed" resolution lacking a doc link',
    (from, to) => {
      const resolution = { type: 'works-as-designed', text: 'Exports skip drafts.' } as const;
      const facts = { ...ALL_MET, resolution };
      const result = checkTransition(workflow, { from, to, role: 'admin', facts });
      expect(result).toMatchObject({
        code: 'requirement-missing',
        details: { requirement: 'resolution' },
      });
      const linked = {
        ...facts,
        resolution: { ...resolution, docLink: 'https://docs.example.com/export' },
      };
      expect(checkTransition(workflow, { from, to, role: 'admin', facts: linked }).ok).toBe(true);
    },
  );

  it.each(workflow.statuses.map((status) => [status.id, status] as const))(
    'tells the customer in plain words what %s means',
    (_id, status) => {
      for (const sentence of [
        renderCustomerSentence(status),
        renderCustomerSentence(status, 'Tue 14:00'),
      ]) {
        expect(sentence).toMatch(/^[A-Z][^{}]+[.!]$/);
      }
      expect(status.customerLabel).not.toMatch(/[{}]/);
    },
  );
});
