/** The satisfaction survey (src/presentation/csat-survey.ts) as an Adaptive Card. */
import type { CsatSurveyView } from '../../../src/presentation/csat-survey.js';
import {
  card,
  escapeCardText,
  execute,
  textBlock,
  textInput,
  VERBS,
  type AdaptiveCard,
} from './card.js';

/** The comment field's id: Action.Execute sends it in `data` with the press. */
export const CSAT_COMMENT_INPUT = 'csatComment';

export const renderCsatSurvey = (view: CsatSurveyView): AdaptiveCard =>
  card(
    [
      textBlock(escapeCardText(view.question), { weight: 'Bolder', size: 'Medium' }),
      textInput(CSAT_COMMENT_INPUT, view.comment.label, {
        isMultiline: true,
        maxLength: 1000,
        placeholder: view.comment.placeholder,
      }),
    ],
    view.choices.map((choice) => execute(choice.label, VERBS.csatAnswer, { answer: choice.value })),
  );

/** After a press: the answer as recorded, with no buttons left. */
export const renderCsatAnswered = (text: string): AdaptiveCard =>
  card([textBlock(escapeCardText(text))]);
