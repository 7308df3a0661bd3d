import { CASE_MANAGEMENT_WORKFLOW } from './preset-case-management.js';
import { DEFECT_LIFECYCLE_WORKFLOW } from './preset-defect-lifecycle.js';
import { SIMPLE_WORKFLOW } from './preset-simple.js';
import type { Workflow } from './types.js';

export { CASE_MANAGEMENT_WORKFLOW, DEFECT_LIFECYCLE_WORKFLOW, SIMPLE_WORKFLOW };

export const WORKFLOW_PRESET_NAMES = ['simple', 'case-management', 'defect-lifecycle'] as const;
export type WorkflowPresetName = (typeof WORKFLOW_PRESET_NAMES)[number];

/** The workflows that ship with Caseline; a config names one or defines its own. */
export const WORKFLOW_PRESETS: Readonly<Record<WorkflowPresetName, Workflow>> = Object.freeze({
  simple: SIMPLE_WORKFLOW,
  'case-management': CASE_MANAGEMENT_WORKFLOW,
  'defect-lifecycle': DEFECT_LIFECYCLE_WORKFLOW,
});

export const isWorkflowPresetName = (name: string): name is WorkflowPresetName =>
  (WORKFLOW_PRESET_NAMES as readonly string[]).includes(name);
