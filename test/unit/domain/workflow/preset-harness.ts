import type { FailureCode } from '../../../../src/domain/result.js';
import type { Role } from '../../../../src/domain/roles.js';
import { WORKFLOW_PRESETS } from '../../../../src/domain/workflow/presets.js';
import type { WorkflowPresetName } from '../../../../src/domain/workflow/presets.js';
import { checkTransition } from '../../../../src/domain/workflow/transitions.js';
import type { TransitionFacts } from '../../../../src/domain/workflow/transitions.js';
import type { Requirement, Workflow } from '../../../../src/domain/workflow/types.js';

/** Shared by the preset tests: facts, the table row shape and how a row is judged. */
export const fixed = { type: 'fixed', text: 'Patched the nightly export job.' } as const;
export const duplicate = { type: 'duplicate', text: 'Same as CASE-1041.' } as const;
export const ready: TransitionFacts = {
  resolution: fixed,
  resolutionSent: true,
  openTasks: 0,
  assigneeId: 'a1',
};
export const bare: TransitionFacts = { resolutionSent: false, openTasks: 0 };

export type Expected = 'ok' | FailureCode | Requirement;
export type Row = readonly [string, Role, string, string, TransitionFacts, Expected];

export const outcome = (workflow: Workflow, [, role, from, to, facts]: Row): Expected => {
  const result = checkTransition(workflow, { from, to, role, facts });
  if (result.ok) return 'ok';
  return result.code === 'requirement-missing'
    ? (result.details?.['requirement'] as Requirement)
    : result.code;
};

export const edgesFor = (workflow: Workflow, pick: (roles: readonly Role[]) => boolean): string[] =>
  workflow.transitions
    .filter((transition) => pick(transition.roles))
    .flatMap((transition) => transition.from.map((from) => `${from} → ${transition.to}`))
    .sort();

export const preset = (name: WorkflowPresetName): Workflow => WORKFLOW_PRESETS[name];
export const shape = (workflow: Workflow) => ({
  names: workflow.statuses.map((status) => status.name),
  categories: Object.fromEntries(workflow.statuses.map((status) => [status.id, status.category])),
});
