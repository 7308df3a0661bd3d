/**
 * The words every chat adapter uses for the domain's stable codes, so Slack and Teams
 * say the same thing (STYLE.md §5: one place turns codes into words). Each adapter
 * escapes and decorates them for its own surface.
 */
import { schemaIssues, type Failure } from '../../src/domain/result.js';

/** What to do next, after the failure's own message says what happened. */
export const FAILURE_ADVICE: Readonly<Record<Failure['code'], string>> = {
  'invalid-input': 'Please check what you entered and try again.',
  'not-found': 'Check the case number, or ask an agent for help.',
  'not-allowed': 'Only someone with the right role can do this; ask an agent or your lead.',
  'invalid-transition': 'Pick one of the statuses the card offers.',
  'requirement-missing': 'Do that first, then try again.',
  'already-claimed': 'Nothing changed. Ask them, or a lead, to reassign it if needed.',
  conflict: 'Someone changed the case at the same moment. Please try again.',
};

/**
 * What a refusal says before the advice: the use case's own sentence; for a command that
 * failed its schema, only the messages written for people (a validator's phrase never).
 */
export const refusalText = (failure: Pick<Failure, 'message' | 'details'>): string => {
  const issues = schemaIssues(failure);
  if (issues.length === 0) return failure.message;
  const ours = issues.filter((issue) => issue.forPeople).map((issue) => issue.message);
  return ours.length > 0 ? ours.join(' ') : 'Caseline could not take that as it was sent.';
};

/** An action the database could not take in time: nothing was changed, and it says so. */
export const NOT_SAVED = 'Caseline could not save that — please try again in a moment.';

/** A delivery given up after its last attempt (a fault on our side that did not pass). */
export const NOT_TAKEN_IN =
  'Something went wrong on our side, so Caseline could not take that in. Please send it again.';
