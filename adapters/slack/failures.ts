import { FAILURE_ADVICE as ADVICE, refusalText } from '../shared/words.js';
import type { Failure } from '../../src/domain/result.js';
import { escapeMrkdwn } from './render/escape.js';

/** The ephemeral text a Slack user sees when an action or a message is refused. */
export const friendlyFailure = (failure: Failure): string =>
  `:warning: ${escapeMrkdwn(refusalText(failure))} ${ADVICE[failure.code]}`;
