import { z } from 'zod';
import { addCustomerComment, replyToCustomer } from '../domain/case/communication.js';
import { caseActionBase, caseRefSchema } from './shared/commands.js';
import { invalid, runCaseAction, type CaseDeps } from './shared/case-action.js';

export const publicMessageCommand = z.object({
  ref: caseRefSchema,
  text: z.string(),
  /** The chat message id when the text was written in chat (dedupes redeliveries). */
  sourceId: z.string().min(1).max(300).optional(),
  ...caseActionBase,
});

/**
 * A public message on the case. From staff it is a reply to the customer (and counts as
 * a response); from the customer it is a comment that may hand the case back to the team.
 */
export const makeReplyToCustomer = (deps: CaseDeps) => async (input: unknown) => {
  const command = publicMessageCommand.safeParse(input);
  if (!command.success) return invalid(command.error);
  const fromCustomer = command.data.actor.kind === 'customer';
  const source = command.data.sourceId ? { id: command.data.sourceId } : undefined;
  return runCaseAction(deps, command.data, 'case::reply', (action) =>
    fromCustomer
      ? addCustomerComment(deps.workflow, action, command.data.text, source)
      : replyToCustomer(action, command.data.text, source),
  );
};
