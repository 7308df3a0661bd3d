/**
 * The `csat-survey` effect, carried out for the chat each case was opened in: the survey
 * is decided and recorded in src/ (send-csat-survey.ts), each chat only posts it.
 */
import type { CaseOrigin } from './domain/case/types.js';
import type { Core } from './composition.js';
import type { CsatSurveyTarget } from './use-cases/send-csat-survey.js';
import type { ChatCsat } from '../adapters/shared/csat.js';

type Poster = (target: CsatSurveyTarget) => Promise<void>;

export const composeChatCsat = (core: Core) => {
  const posters = new Map<CaseOrigin['channel'], Poster>();
  core.effects.on('csat-survey', async (delivery) => {
    // A case from the CLI or the phone has no chat to ask in: no survey is recorded.
    const post = posters.get(delivery.case.origin.channel);
    if (!post) return;
    const target = await core.useCases.sendCsatSurvey(delivery.case.id, delivery.entry.id);
    if (target) await post(target);
  });
  return (channel: 'slack' | 'teams'): ChatCsat => ({
    answer: core.useCases.answerCsat,
    onSurvey: (post) => void posters.set(channel, post),
  });
};
