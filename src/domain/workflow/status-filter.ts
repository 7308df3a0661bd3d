import { fail, ok, type Result } from '../result.js';
import type { StatusCategory, Workflow } from './types.js';

/** What a typed status word filters a case list by. */
export type StatusFilter =
  { readonly status: string } | { readonly categories: readonly StatusCategory[] };

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The categories this workflow has statuses in, in the workflow's own order. */
const categoriesOf = (workflow: Workflow): StatusCategory[] => [
  ...new Set(workflow.statuses.map((s) => s.category)),
];

/**
 * Reads a status word the way a person types it: a status id of the configured workflow
 * (`on-hand`), its name (`On hand`), or a status category (`open`: every status in that
 * category). A status wins over a category of the same name. Anything else is refused
 * with the valid words listed, so a typo never reads as "no cases match".
 */
export const parseStatusFilter = (workflow: Workflow, word: string): Result<StatusFilter> => {
  const typed = word.trim();
  const status = workflow.statuses.find((s) => same(s.id, typed) || same(s.name, typed));
  if (status) return ok({ status: status.id });
  const categories = categoriesOf(workflow);
  const category = categories.find((c) => same(c, typed));
  if (category) return ok({ categories: [category] });
  return fail(
    'invalid-input',
    `There is no status “${typed}”. Statuses: ${workflow.statuses.map((s) => s.id).join(', ')}; ` +
      `or a category: ${categories.join(', ')}.`,
    { fields: ['status'] },
  );
};
