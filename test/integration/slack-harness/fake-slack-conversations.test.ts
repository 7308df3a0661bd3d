import { WebClient } from '@slack/web-api';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/slack/fake-slack-api.js';
import { nextSlackTs } from '../../support/slack/payloads.js';

/** The fake's conversations.history / replies, held to what Slack's method pages say. */
describe('the fake Slack Web API: reading conversations back', () => {
  let fake: FakeSlackApi;
  let client: WebClient;
  const metadata = { event_type: 'caseline_post', event_payload: { case_id: 'case-1' } };

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    client = new WebClient('xoxb-test-token', {
      slackApiUrl: fake.url,
      retryConfig: { retries: 0 },
    });
  });
  beforeEach(() => fake.reset());
  afterAll(() => fake.close());

  it('keeps metadata and returns it only with include_all_metadata', async () => {
    const posted = await client.chat.postMessage({ channel: 'C0HIST1', text: 'card', metadata });
    const plain = await client.conversations.history({ channel: 'C0HIST1' });
    const full = await client.conversations.history({
      channel: 'C0HIST1',
      include_all_metadata: true,
    });
    expect(plain.messages?.[0]).toMatchObject({ ts: posted.ts, text: 'card' });
    expect(plain.messages?.[0]?.metadata).toBeUndefined();
    expect(full.messages?.[0]?.metadata).toEqual(metadata);
  });

  it('refuses metadata without an event type or an object payload', async () => {
    const bad = { event_type: '', event_payload: { a: 1 } };
    await expect(
      client.chat.postMessage({ channel: 'C0HIST1', text: 'x', metadata: bad }),
    ).rejects.toMatchObject({ data: { error: 'invalid_metadata_format' } });
  });

  it('history: newest first, no thread replies, a window exclusive unless inclusive, pages by cursor', async () => {
    const ts = [];
    for (const text of ['one', 'two', 'three']) {
      ts.push(String((await client.chat.postMessage({ channel: 'C0HIST2', text })).ts));
    }
    await client.chat.postMessage({ channel: 'C0HIST2', text: 'reply', thread_ts: ts[0]! });
    const all = await client.conversations.history({ channel: 'C0HIST2' });
    expect(all.messages?.map((m) => m.text)).toEqual(['three', 'two', 'one']);

    const exclusive = await client.conversations.history({
      channel: 'C0HIST2',
      oldest: ts[0]!,
      latest: ts[2]!,
    });
    expect(exclusive.messages?.map((m) => m.text)).toEqual(['two']);
    const inclusive = await client.conversations.history({
      channel: 'C0HIST2',
      oldest: ts[0]!,
      latest: ts[2]!,
      inclusive: true,
    });
    expect(inclusive.messages?.map((m) => m.text)).toEqual(['three', 'two', 'one']);

    const first = await client.conversations.history({ channel: 'C0HIST2', limit: 2 });
    expect(first).toMatchObject({ has_more: true });
    const cursor = first.response_metadata?.next_cursor;
    const second = await client.conversations.history({
      channel: 'C0HIST2',
      limit: 2,
      ...(cursor ? { cursor } : {}),
    });
    expect(second.messages?.map((m) => m.text)).toEqual(['one']);
    expect(second).toMatchObject({ has_more: false });
  });

  it('replies: the parent first, then the thread oldest first, within the window', async () => {
    const parent = nextSlackTs();
    fake.addHistory('C0HIST3', { ts: parent, user: 'U04ASCHMI1', text: 'help' });
    const a = await client.chat.postMessage({ channel: 'C0HIST3', text: 'a', thread_ts: parent });
    await client.chat.postMessage({ channel: 'C0HIST3', text: 'b', thread_ts: parent });
    const thread = await client.conversations.replies({ channel: 'C0HIST3', ts: parent });
    expect(thread.messages?.map((m) => m.text)).toEqual(['help', 'a', 'b']);
    const later = await client.conversations.replies({
      channel: 'C0HIST3',
      ts: parent,
      oldest: String(a.ts),
    });
    expect(later.messages?.map((m) => m.text)).toEqual(['help', 'b']);
  });
});
