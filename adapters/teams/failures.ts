import type { Failure } from '../../src/domain/result.js';
import { escapeCardText } from './render/card.js';

// One place turns failure codes into words (STYLE.md §5): what happened, what to do.
const ADVICE: Readonly<Record<Failure['code'], string>> = {
  'invalid-input': 'Please check what you entered and try again.',
  'not-found': 'Check the case number, or ask an agent for help.',
  'not-allowed': 'Only someone with the right role can do this; ask an agent or your lead.',
  'invalid-transition': 'Pick one of the statuses the card offers.',
  'requirement-missing': 'Do that first, then try again.',
  'already-claimed': 'Nothing changed. Ask them, or a lead, to reassign it if needed.',
  conflict: 'Someone changed the case at the same moment. Please try again.',
};

/** The line a Teams user sees on top of the card when an action is refused. */
export const friendlyFailure = (failure: Pick<Failure, 'code' | 'message'>): string =>
  `⚠ ${escapeCardText(failure.message, 500)} ${ADVICE[failure.code]}`;
