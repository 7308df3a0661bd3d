/**
 * A card action the use case refused, answered with the card the person pressed: for an
 * action they wrote something for, what happened to the case (from the core's explanation,
 * the same words Slack shows) and their text kept; for a plain press, the refusal's words.
 */
import type { TeamsDeps } from './deps.js';
import type { Actor } from '../../src/domain/case/types.js';
import type { WrittenAction } from '../../src/domain/case/refusal.js';
import type { Failure } from '../../src/domain/result.js';
import { refusalText } from '../shared/words.js';
import type { CardBuilder } from './cards.js';
import { friendlyFailure } from './failures.js';
import { VERBS, type AdaptiveCard, type Verb } from './render/card.js';
import { refusalNotice, withRefusal } from './render/refusal.js';

/** Which case action each verb is, and the inputs holding what the person wrote. */
const WRITTEN: Readonly<Partial<Record<Verb, { action: WrittenAction; keys: string[] }>>> = {
  [VERBS.reply]: { action: 'reply', keys: ['replyText'] },
  [VERBS.comment]: { action: 'add-details', keys: ['commentText'] },
  [VERBS.note]: { action: 'note', keys: ['noteText'] },
  [VERBS.keptNote]: { action: 'note', keys: ['keptText'] },
  [VERBS.logTime]: { action: 'log-time', keys: ['timeNote'] },
  [VERBS.resolve]: { action: 'resolve', keys: ['resolutionText', 'docLink'] },
  [VERBS.linkIssue]: { action: 'link-issue', keys: ['issueUrl', 'issueTitle'] },
  [VERBS.createTask]: { action: 'create-task', keys: ['taskTitle', 'handover'] },
};

const keptTextOf = (data: Record<string, unknown>, keys: readonly string[]): string | undefined =>
  keys
    .map((key) => data[key])
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
    .join('\n\n') || undefined;

/** The card that answers a refused press; undefined when there is no case to show. */
export const refusalCard = async (
  deps: { readonly core: Pick<TeamsDeps, 'useCases'>; readonly cards: CardBuilder },
  actor: Actor,
  verb: string,
  data: Record<string, unknown>,
  failure: Failure,
): Promise<AdaptiveCard | undefined> => {
  const caseId = typeof data.caseId === 'string' ? data.caseId : '';
  const form = WRITTEN[verb as Verb];
  const explained = form
    ? await deps.core.useCases.explainRefusal({
        ref: { caseId },
        actor,
        action: form.action,
        failure: { code: failure.code, message: refusalText(failure) },
        text: keptTextOf(data, form.keys),
      })
    : undefined;
  if (!explained?.ok)
    return (await deps.cards.forActor(caseId, actor, friendlyFailure(failure)))?.card;
  const explanation = explained.value;
  // A mistake in the form reads best in the refusal's own words and advice.
  const notice = explanation.formCanFix ? friendlyFailure(failure) : refusalNotice(explanation);
  const shown = await deps.cards.forActor(caseId, actor);
  return withRefusal(shown?.card, notice, explanation, caseId);
};
