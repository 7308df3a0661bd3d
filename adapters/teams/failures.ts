import { FAILURE_ADVICE as ADVICE } from '../shared/words.js';
import type { Failure } from '../../src/domain/result.js';
import { escapeCardText } from './render/card.js';

/** The line a Teams user sees on top of the card when an action is refused. */
export const friendlyFailure = (failure: Pick<Failure, 'code' | 'message'>): string =>
  `⚠ ${escapeCardText(failure.message, 500)} ${ADVICE[failure.code]}`;
