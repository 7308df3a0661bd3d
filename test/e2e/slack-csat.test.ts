/**
 * The satisfaction survey in Slack, against the running app (real outbox, real database,
 * loopback fake Slack API): asked after the close, answered once, a low score told to the
 * queue's lead with the comment, a requester who left the channel skipped.
 */
import { stateValue, blockActions, SLACK_CUSTOMER } from '../support/slack/payloads.js';
import { eventually, SHARED, useSlackE2E } from '../support/slack/e2e.js';
import { exampleConfig, writeTestConfig } from '../support/test-config.js';
import type { RecordedCall } from '../support/slack/fake-slack-api.js';

const LENA = 'U06LVOGT01'; // erp-finance's manager in the example queues
const LEAD = { kind: 'staff', agentId: 'lead-1', role: 'lead', name: 'Lena Vogt' } as const;

describe('Caseline in Slack: satisfaction survey', () => {
  const e2e = useSlackE2E({
    env: {
      CASELINE_CONFIG: writeTestConfig({
        ...exampleConfig(),
        csat: { send: 'every', delayMinutes: 0, lowScoreAtMost: 2 },
      }),
    },
  });

  /** A case opened in the shared channel, solved and closed by the desk. */
  const closedCase = async (text: string, beforeClose = () => {}) => {
    const { case: opened } = await e2e.openByMessage(text, SHARED);
    const ref = { caseId: opened.id };
    await e2e.app.core.useCases.resolveCase({
      ref,
      actor: LEAD,
      resolution: { type: 'fixed', text: 'Re-ran the export.' },
    });
    // Closing waits for the resolution to have reached the customer.
    await eventually(async () =>
      (await e2e.app.core.cases.findById(opened.id))?.resolutionSentAt ? true : undefined,
    );
    beforeClose();
    const closed = await e2e.app.core.useCases.closeCase({ ref, actor: LEAD });
    if (!closed.ok) throw new Error(closed.message);
    return opened;
  };

  const surveyOf = (number: string) =>
    e2e.fake.waitFor(
      'chat.postEphemeral',
      (c) => String(c.args.text) === `How did we do on ${number}?`,
    );

  const press = async (survey: RecordedCall, score: number, comment?: string) => {
    const button = JSON.stringify(survey.args.blocks).match(
      new RegExp(`"action_id":"csat_answer_${score}","value":"([^"]+)"`),
    );
    const responseUrl = e2e.fake.responseUrl(`csat-${score}`);
    const sent = await e2e.post(
      'interaction',
      blockActions({
        user: SLACK_CUSTOMER.userId,
        team: SLACK_CUSTOMER.teamId,
        actionId: `csat_answer_${score}`,
        blockId: 'csat_answers',
        value: button![1]!,
        responseUrl,
        state: comment ? { csat_comment: { value: stateValue.text(comment) } } : {},
      }),
    );
    expect(sent.status).toBe(200);
    return e2e.fake.waitFor('response_url', (c) => c.path.endsWith(`csat-${score}`));
  };

  const answersOf = async (caseId: string) =>
    (await e2e.app.core.cases.findById(caseId))!.events.filter((e) => e.type === 'csat-answered');

  it('asks the requester in their thread after the close, and records one answer', async () => {
    const opened = await closedCase('Invoice export drops the last line');
    const survey = await surveyOf(opened.number);
    expect(survey.args).toMatchObject({ channel: SHARED, user: SLACK_CUSTOMER.userId });
    expect(survey.args.thread_ts).toBe(opened.origin.messageId);
    const first = await press(survey, 5);
    expect(String(first.args.text)).toContain(`You rated ${opened.number} 5 of 5`);
    const second = await press(survey, 4);
    expect(String(second.args.text)).toContain('We already have your answer');
    expect((await answersOf(opened.id)).map((e) => e.data?.score)).toEqual([5]);
  });

  it('tells the queue lead of a low score, with the comment', async () => {
    const opened = await closedCase('Invoice totals are rounded wrong');
    const survey = await surveyOf(opened.number);
    await press(survey, 1, 'Took three days to hear back');
    const dm = await e2e.fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === LENA && String(c.args.text).includes(opened.number),
    );
    expect(String(dm.args.text)).toContain('rated it 1 of 5');
    expect(String(dm.args.text)).toContain('Took three days to hear back');
  });

  it('skips a requester who left the channel', async () => {
    const opened = await closedCase('Invoice PDF shows the wrong logo', () =>
      e2e.fake.errorNext('chat.postEphemeral', 'user_not_in_channel', 1),
    );
    await eventually(async () => {
      const state = await e2e.app.core.cases.findById(opened.id);
      const entry = state?.outbox.find((e) => e.topic === 'csat-survey');
      return entry?.state === 'delivered' ? entry : undefined;
    });
    const refused = e2e.fake
      .callsTo('chat.postEphemeral')
      .filter((c) => String(c.args.text) === `How did we do on ${opened.number}?`);
    expect(refused.map((c) => c.response.error)).toEqual(['user_not_in_channel']);
  });
});
