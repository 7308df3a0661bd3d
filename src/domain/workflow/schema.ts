import { z } from 'zod';
import { fail, ok } from '../result.js';
import type { Result } from '../result.js';
import { ROLES } from '../roles.js';
import { consistencyProblems } from './consistency.js';
import { REQUIREMENTS, STATUS_CATEGORIES } from './types.js';
import type { Workflow } from './types.js';

const statusIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use a kebab-case id such as "waiting-on-customer".');

const label = (max: number) => z.string().trim().min(1).max(max);

const statusSchema = z.object({
  id: statusIdSchema,
  name: label(60),
  category: z.enum(STATUS_CATEGORIES),
  customerLabel: label(60),
  customerSentence: label(300).refine((text) => !/\{(?!nextUpdate\})[^}]*\}/.test(text), {
    message: 'Only {nextUpdate} can be filled in.',
  }),
});

const uniqueList = <T extends z.ZodType<string>>(item: T) =>
  z.array(item).refine((items) => new Set(items).size === items.length, 'List an entry only once.');

const transitionSchema = z.object({
  // YAML authors write `from: new` as often as `from: [new, open]`; accept both.
  from: z
    .union([statusIdSchema, uniqueList(statusIdSchema).min(1)])
    .transform((from) => (typeof from === 'string' ? [from] : from)),
  to: statusIdSchema,
  roles: uniqueList(z.enum(ROLES)).min(1),
  requires: uniqueList(z.enum(REQUIREMENTS)).default([]),
  label: label(40).optional(),
});

/**
 * A workflow as written in the YAML config. Cross-reference rules run once the shape is
 * valid, so a config loader that embeds this schema reports them together with its own.
 */
export const workflowDefinitionSchema = z
  .object({
    name: label(60),
    initial: statusIdSchema,
    statuses: z.array(statusSchema).min(1),
    transitions: z.array(transitionSchema).min(1),
    reopenTo: statusIdSchema,
    taskStatuses: uniqueList(statusIdSchema).min(2).optional(),
  })
  .superRefine((workflow, ctx) => {
    for (const problem of consistencyProblems(workflow)) {
      ctx.addIssue({ code: 'custom', path: [...problem.path], message: problem.message });
    }
  });

export type WorkflowDefinition = z.input<typeof workflowDefinitionSchema>;

// Fails to compile if the schema and the domain type drift apart.
const _schemaMatchesType = (parsed: z.output<typeof workflowDefinitionSchema>): Workflow => parsed;

/** `transitions[2].from[0]` — how a config author finds the line to fix. */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');

/** One entry of `details.problems` when a workflow is refused. */
export interface WorkflowProblem {
  readonly path: string;
  readonly message: string;
}

/** Validates a custom workflow and reports every problem, each with its path. */
export const parseWorkflow = (input: unknown): Result<Workflow> => {
  const parsed = workflowDefinitionSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const problems: WorkflowProblem[] = parsed.error.issues.map((issue) => ({
    path: formatPath(issue.path) || 'workflow',
    message: issue.message,
  }));
  const lines = problems.map((problem) => `- ${problem.path}: ${problem.message}`);
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return fail('invalid-input', [`The workflow has ${count}:`, ...lines].join('\n'), {
    problems,
  });
};
