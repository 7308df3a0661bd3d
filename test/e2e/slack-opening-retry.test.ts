/**
 * The message that opened a case, delivered again inside the grouping window under a new
 * event_id (so no event_id dedupe in front of the use case can absorb it): its own identity,
 * `<channel>:<ts>`, must make it add nothing — no second case, no comment, no mirror.
 */
import { MongoChatLinks } from '../../src/store/chat-links/mongo-chat-links.js';
import { messageEvent } from '../support/slack/payloads.js';
import { eventually, TRIAGE, useSlackE2E } from '../support/slack/e2e.js';

describe('Caseline in Slack: the opening message delivered again', () => {
  const e2e = useSlackE2E();

  it('adds nothing inside the grouping window: one case, no comment, no mirror', async () => {
    const text = 'Invoice export drops every line after the 100th';
    const { case: opened, channel, ts, event } = await e2e.openByMessage(text);
    const staffCard = await new MongoChatLinks(e2e.app.core.connection).find(
      opened.id,
      'staff-card',
    );
    const before = await e2e.caseCount();
    const mirrored = () =>
      e2e.posts(TRIAGE, (c) => c.args.thread_ts === staffCard?.threadId).length;
    expect(mirrored()).toBe(0);

    const again = messageEvent({ text, channel, channelType: 'im', ts });
    expect(again.event_id).not.toBe(event.event_id);
    expect((await e2e.post('event', again)).status).toBe(200);
    // Drain: a later message of the same person joins the case and is mirrored; once its
    // mirror is out, whatever the retry caused would be in the history and the thread too.
    const marker = 'Only invoices with more than 100 lines.';
    await e2e.post('event', messageEvent({ text: marker, channel, channelType: 'im' }));
    await e2e.fake.waitFor(
      'chat.postMessage',
      (c) => c.args.thread_ts === staffCard?.threadId && String(c.args.text).includes(marker),
    );
    const stored = await eventually(async () => {
      const found = await e2e.app.core.cases.findById(opened.id);
      return found?.outbox.every((entry) => entry.state !== 'pending') ? found : undefined;
    });

    expect(await e2e.caseCount()).toBe(before);
    expect(stored.events.filter((e) => e.type === 'commented').map((e) => e.text)).toEqual([
      marker,
    ]);
    expect(mirrored()).toBe(1);
  });
});
