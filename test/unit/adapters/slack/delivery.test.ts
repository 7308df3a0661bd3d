import { PRESS_REPEAT_MS, slackDelivery } from '../../../../adapters/slack/delivery.js';
import {
  blockActions,
  blockSuggestion,
  globalShortcut,
  messageEvent,
  slashCommand,
  viewSubmission,
} from '../../../support/slack/payloads.js';

describe('the identity of a Slack delivery in the inbox', () => {
  it('keys an event by its event_id, so a retry is the same delivery', () => {
    const event = messageEvent({ text: 'hello', channel: 'C0SHARED01' });
    expect(slackDelivery(event)).toEqual({
      kind: 'event',
      key: `slack:event:${event.event_id}`,
      group: 'slack:C0SHARED01',
    });
    expect(slackDelivery({ ...event, event_id: undefined })).toBeUndefined();
  });

  it('gives two clicks of one button on one message one key, and another button another', () => {
    const click = (actionId: string) =>
      slackDelivery(blockActions({ actionId, value: 'case-1', messageTs: '1700000000.000100' }));
    const first = click('claim');
    expect(first).toMatchObject({ kind: 'interaction', repeatWindowMs: PRESS_REPEAT_MS });
    expect(click('claim')).toEqual(first);
    expect(click('unclaim')).not.toEqual(first);
  });

  it('keys a modal by its view and answers: a corrected resubmission is a new one', () => {
    const submit = (title: string) =>
      slackDelivery(
        viewSubmission({
          viewId: 'V0FORM0001',
          values: { title: { value: { type: 'plain_text_input', value: title } } },
        }),
      );
    expect(submit('Export fails')).toEqual(submit('Export fails'));
    expect(submit('Export fails')).not.toEqual(submit('Export fails at month-end'));
  });

  it('keys commands and shortcuts by their trigger, and stores no menu-options request', () => {
    expect(slackDelivery(slashCommand({ text: 'list' }))).toMatchObject({
      kind: 'interaction',
      answer: 'command',
    });
    expect(slackDelivery(globalShortcut())).toMatchObject({ kind: 'interaction' });
    expect(slackDelivery(blockSuggestion())).toEqual({ kind: 'passthrough' });
  });

  it('has no identity for what Slack does not send', () => {
    for (const body of [
      null,
      [],
      'text',
      42,
      {},
      { type: 'view_submission' },
      { type: 'block_actions', actions: [] },
    ])
      expect(slackDelivery(body)).toBeUndefined();
  });
});
