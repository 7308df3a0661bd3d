/**
 * The survey as each chat draws it, from the one chat-neutral view: the same question,
 * the same five answers carrying the same values, and a comment field read with the press.
 */
import { forWebChat, pressOf, SUBMIT_KEY } from '../../../adapters/playground/cards.js';
import {
  CSAT_COMMENT,
  renderCsatSurvey as slackSurvey,
} from '../../../adapters/slack/render/csat.js';
import {
  CSAT_COMMENT_INPUT,
  renderCsatSurvey as teamsSurvey,
} from '../../../adapters/teams/render/csat.js';
import { csatSurveyView } from '../../../src/presentation/csat-survey.js';

const view = csatSurveyView({ caseId: 'case-1', number: 'CASE-1042' });
const values = view.choices.map((c) => c.value);

describe('the survey, rendered', () => {
  it('in Slack: the question, an optional comment input, five buttons', () => {
    const message = slackSurvey(view);
    expect(message.text).toBe('How did we do on CASE-1042?');
    const input = message.blocks.find((b) => b.type === 'input');
    expect(input).toMatchObject({ block_id: CSAT_COMMENT.block, optional: true });
    const buttons = message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
    expect(buttons.map((b) => ('value' in b ? b.value : undefined))).toEqual(values);
    expect(new Set(buttons.map((b) => b.action_id)).size).toBe(5);
  });

  it('in Teams and the playground: five Execute actions; a press brings the comment along', () => {
    const card = teamsSurvey(view);
    const actions = (card.actions ?? []) as { verb?: string; data?: { answer?: string } }[];
    expect(actions.map((a) => a.data?.answer)).toEqual(values);
    const activity = {
      id: 'survey-1',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    };
    const rewritten = JSON.stringify(forWebChat(activity));
    expect(rewritten).not.toContain('Action.Execute');
    const submit = {
      [SUBMIT_KEY]: { verb: 'csatAnswer', data: { answer: values[0] }, cardActivityId: 'survey-1' },
      [CSAT_COMMENT_INPUT]: 'Slow',
    };
    expect(pressOf(submit)).toEqual({
      verb: 'csatAnswer',
      data: { answer: values[0], [CSAT_COMMENT_INPUT]: 'Slow' },
      cardActivityId: 'survey-1',
    });
  });
});
