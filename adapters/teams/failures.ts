import { FAILURE_ADVICE as ADVICE, refusalText } from '../shared/words.js';
import type { Failure } from '../../src/domain/result.js';
import { escapeCardText } from './render/card.js';

/** The line a Teams user sees on top of the card when an action or a message is refused. */
export const friendlyFailure = (failure: Pick<Failure, 'code' | 'message' | 'details'>): string =>
  `⚠ ${escapeCardText(refusalText(failure), 500)} ${ADVICE[failure.code]}`;
