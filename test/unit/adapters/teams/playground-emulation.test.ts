import { forWebChat, pressOf, SUBMIT_KEY } from '../../../../adapters/playground/cards.js';
import { Transcripts } from '../../../../adapters/playground/transcript.js';

const card = {
  type: 'AdaptiveCard',
  refresh: { action: { type: 'Action.Execute', verb: 'refresh' }, userIds: ['29:a'] },
  body: [
    {
      type: 'ActionSet',
      actions: [{ type: 'Action.Execute', title: 'Claim', verb: 'claim', data: { caseId: 'c1' } }],
    },
  ],
  actions: [
    {
      type: 'Action.ShowCard',
      title: 'Reply',
      card: {
        type: 'AdaptiveCard',
        actions: [{ type: 'Action.Execute', title: 'Send', verb: 'reply', data: { caseId: 'c1' } }],
      },
    },
  ],
};
const activity = {
  id: 'a1',
  type: 'message',
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
};

describe('playground card emulation', () => {
  it('turns every Action.Execute into a Submit carrying verb, data and the card id, and drops refresh', () => {
    const text = JSON.stringify(forWebChat(activity));
    expect(text).not.toContain('Action.Execute');
    expect(text).not.toContain('refresh');
    expect(text.match(/Action\.Submit/g)).toHaveLength(2);
    expect(text).toContain('"cardActivityId":"a1"');
  });

  it('reads a press back as the invoke Teams would send, with the inputs merged into the data', () => {
    const press = pressOf({
      [SUBMIT_KEY]: { verb: 'reply', data: { caseId: 'c1' }, cardActivityId: 'a1' },
      replyText: 'On it',
    });
    expect(press).toEqual({
      verb: 'reply',
      data: { caseId: 'c1', replyText: 'On it' },
      cardActivityId: 'a1',
    });
    expect(pressOf({ replyText: 'plain submit' })).toBeUndefined();
    expect(pressOf({ [SUBMIT_KEY]: { verb: 42 } })).toBeUndefined();
  });
});

describe('playground transcripts', () => {
  it('returns what came after a watermark, and an update supersedes the earlier version', () => {
    const t = new Transcripts();
    t.append('c', { id: '1', type: 'message', text: 'card v1' });
    t.append('c', { id: '2', type: 'message', text: 'hello' });
    const first = t.since('c', 0);
    expect(first.activities.map((a) => a.text)).toEqual(['card v1', 'hello']);
    t.append('c', { id: '1', type: 'message', text: 'card v2' });
    expect(t.since('c', first.watermark).activities.map((a) => a.text)).toEqual(['card v2']);
    expect(t.since('c', 0).activities.map((a) => a.text)).toEqual(['hello', 'card v2']);
    expect(t.since('other', 0).activities).toEqual([]);
  });
});
