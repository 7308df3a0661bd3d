import { z } from 'zod';
import { linkIssue } from '../domain/case/work.js';
import { caseActionBase, caseRefSchema } from './shared/commands.js';
import { invalid, runCaseAction, type CaseDeps } from './shared/case-action.js';

export const linkIssueCommand = z.object({
  ref: caseRefSchema,
  url: z.string(),
  title: z.string().max(200).optional(),
  ...caseActionBase,
});

/** Links the development issue (Jira, GitHub, Linear) so the customer can follow the fix. */
export const makeLinkIssue = (deps: CaseDeps) => async (input: unknown) => {
  const command = linkIssueCommand.safeParse(input);
  if (!command.success) return invalid(command.error);
  return runCaseAction(deps, command.data, 'case::link-issue', (action) =>
    linkIssue(action, command.data.url, command.data.title),
  );
};
