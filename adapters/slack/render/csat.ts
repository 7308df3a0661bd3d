/** The satisfaction survey (src/presentation/csat-survey.ts) as a Slack message. */
import type { KnownBlock } from '@slack/types';
import type { CsatSurveyView } from '../../../src/presentation/csat-survey.js';
import { csatActionId } from '../registry.js';
import { actions, button, section } from './blocks.js';
import { escapeMrkdwn } from './escape.js';
import { inputBlock, textElement, type InputRef } from './modal-inputs.js';

/** The comment field, read from the press payload's `state` (input blocks in a message). */
export const CSAT_COMMENT: InputRef = { block: 'csat_comment', action: 'value' };

export const renderCsatSurvey = (view: CsatSurveyView): { text: string; blocks: KnownBlock[] } => ({
  text: view.question,
  blocks: [
    section(`*${escapeMrkdwn(view.question)}*`),
    inputBlock(
      CSAT_COMMENT,
      view.comment.label,
      textElement({ multiline: true, max: 1000, placeholder: view.comment.placeholder }),
      { optional: true },
    ),
    // One action id per answer: Slack wants them unique within a message.
    actions(
      'csat_answers',
      view.choices.map((choice) =>
        button({ text: choice.label, actionId: csatActionId(choice.score), value: choice.value }),
      ),
    ),
  ],
});
