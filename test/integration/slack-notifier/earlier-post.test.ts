/**
 * The Slack notifier on a retry of a post that may already have gone out: an intent
 * recorded without a link (or without a message id, for thread messages) is looked up in
 * Slack by the message metadata before anything is posted again. Real database, real Web
 * API client, the loopback fake Slack API.
 */
import { WebClient } from '@slack/web-api';
import { postMetadata } from '../../../adapters/slack/earlier-post.js';
import { createSlackNotifier } from '../../../adapters/slack/notifier.js';
import type { CaseState } from '../../../src/domain/case/types.js';
import { importDirectory } from '../../../src/import/index.js';
import type { PostSlot } from '../../../src/ports/chat-links.js';
import type { Notification, Notifier } from '../../../src/ports/notifier.js';
import { MongoChatLinks } from '../../../src/store/chat-links/mongo-chat-links.js';
import { openAs, startCoreFixture, type CoreFixture } from '../../support/core-fixture.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/slack/fake-slack-api.js';
import { nextSlackTs } from '../../support/slack/payloads.js';

const TRIAGE = 'C0TRIAGE1';

let fixture: CoreFixture;
let fake: FakeSlackApi;
let client: WebClient;
let links: MongoChatLinks;
let dms = 0;

beforeAll(async () => {
  fixture = await startCoreFixture('slack_earlier_post');
  const queues = [
    {
      key: 'finance',
      name: 'Finance',
      triageChannel: `slack:${TRIAGE}`,
      routing: [{ modules: ['Ledger'] }],
    },
    { key: 'general', name: 'General', isDefault: true },
  ];
  const report = await importDirectory({
    kind: 'queues',
    rows: queues,
    connection: fixture.connection,
  });
  if (!report.ok) throw new Error(JSON.stringify(report.issues));
  fake = await startFakeSlackApi();
  client = new WebClient('xoxb-test-token', { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
  links = new MongoChatLinks(fixture.connection);
});
afterAll(async () => {
  await fake?.close();
  await fixture?.close();
});
beforeEach(() => fake.reset());

// A fresh notifier has no memory of posts: only the database and Slack can tell it.
const freshNotifier = (): Notifier =>
  createSlackNotifier({
    client,
    chatLinks: links,
    directory: fixture.core.directory,
    config: fixture.core.config,
    tokenFor: async () => undefined,
    clock: fixture.core.clock,
  });

/** A case opened in a DM of its own, and what its outbox hands the notifiers. */
const openInSlack = async () => {
  const channel = `D0EARLY${(dms += 1).toString().padStart(3, '0')}`;
  const ts = nextSlackTs();
  const opened: CaseState = await openAs(fixture, {
    origin: { channel: 'slack', address: `slack:${channel}`, messageId: ts },
  });
  while (await fixture.core.deliverOutbox());
  const of = (audience: Notification['audience'], topic: string) =>
    fixture.notifier.delivered.find(
      (n) => n.case.id === opened.id && n.audience === audience && n.entry.topic === topic,
    )!;
  return { opened, channel, ts, of };
};

const intentFor = (n: Notification, slot: PostSlot, channel: string, threadId?: string) =>
  links.recordIntent({
    caseId: n.case.id,
    slot,
    entryId: n.entry.id,
    address: `slack:${channel}`,
    ...(threadId ? { threadId } : {}),
    at: new Date(),
  });

/** What the earlier attempt posted before its record failed, metadata and all. */
const postedEarlier = async (n: Notification, slot: PostSlot, channel: string, thread?: string) => {
  const metadata = postMetadata({ caseId: n.case.id, entryId: n.entry.id, slot });
  const answer = await client.chat.postMessage({
    channel,
    text: 'the earlier attempt',
    ...(thread ? { thread_ts: thread } : {}),
    metadata,
  });
  fake.reset();
  return String(answer.ts);
};

const posts = () => fake.callsTo('chat.postMessage');

describe('Slack notifier: a retry of a post in flight', () => {
  it('finds the customer card an earlier attempt posted, records its link and posts nothing', async () => {
    const { channel, ts, of } = await openInSlack();
    const card = of('customer', 'case-opened');
    await intentFor(card, 'customer-card', channel, ts);
    const earlier = await postedEarlier(card, 'customer-card', channel, ts);

    await freshNotifier().deliver(card);

    expect(posts()).toHaveLength(0);
    const [lookup] = fake.callsTo('conversations.replies');
    expect(lookup?.args).toMatchObject({ channel, ts, include_all_metadata: 'true' });
    expect(await links.find(card.case.id, 'customer-card')).toMatchObject({
      address: `slack:${channel}`,
      messageId: earlier,
      threadId: ts,
    });
    // The found card is brought up to date in place.
    expect(fake.callsTo('chat.update')[0]?.args).toMatchObject({ channel, ts: earlier });
  });

  it('finds the agent card at the top of the triage channel through conversations.history', async () => {
    const { of } = await openInSlack();
    const card = of('staff', 'case-opened');
    await intentFor(card, 'staff-card', TRIAGE);
    const earlier = await postedEarlier(card, 'staff-card', TRIAGE);

    await freshNotifier().deliver(card);

    expect(posts()).toHaveLength(0);
    expect(fake.callsTo('conversations.history')[0]?.args).toMatchObject({
      channel: TRIAGE,
      include_all_metadata: 'true',
    });
    expect(await links.find(card.case.id, 'staff-card')).toMatchObject({
      messageId: earlier,
      threadId: earlier,
    });
  });

  it('posts the card once when the earlier attempt never reached Slack', async () => {
    const { channel, ts, of } = await openInSlack();
    const card = of('customer', 'case-opened');
    await intentFor(card, 'customer-card', channel, ts);

    await freshNotifier().deliver(card);

    expect(fake.callsTo('conversations.replies')).toHaveLength(1);
    expect(posts()).toHaveLength(1);
    expect(await links.find(card.case.id, 'customer-card')).toMatchObject({
      messageId: posts()[0]!.response.ts,
    });
  });

  it('does not take another app’s message with the same metadata for the card', async () => {
    const { channel, ts, of } = await openInSlack();
    const card = of('customer', 'case-opened');
    await intentFor(card, 'customer-card', channel, ts);
    const metadata = postMetadata({
      caseId: card.case.id,
      entryId: card.entry.id,
      slot: 'customer-card',
    });
    const forged = { ts: nextSlackTs(), user: 'U0OTHERBOT', text: 'not ours', thread_ts: ts };
    fake.addHistory(channel, { ...forged, bot_id: 'B0OTHER', metadata });

    await freshNotifier().deliver(card);

    expect(posts()).toHaveLength(1);
    expect((await links.find(card.case.id, 'customer-card'))?.messageId).not.toBe(forged.ts);
  });

  it('finds a reply an earlier attempt posted in the thread, and then needs no lookup again', async () => {
    const { opened, channel, ts, of } = await openInSlack();
    await fixture.core.useCases.replyToCustomer({
      ref: { caseId: opened.id },
      actor: await fixture.agent(),
      text: 'We are on it.',
    });
    while (await fixture.core.deliverOutbox());
    const reply = of('customer', 'public-message');
    await freshNotifier().deliver(of('customer', 'case-opened'));
    await intentFor(reply, 'customer-thread', channel, ts);
    const earlier = await postedEarlier(reply, 'customer-thread', channel, ts);

    await freshNotifier().deliver(reply);
    expect(posts()).toHaveLength(0);
    expect((await links.findIntent(opened.id, 'customer-thread'))?.messageId).toBe(earlier);

    fake.reset();
    await freshNotifier().deliver(reply);
    expect(fake.calls).toHaveLength(0);
  });

  it('makes no lookup on a first post, and labels the post with its case, entry and slot', async () => {
    const { channel, of } = await openInSlack();
    const card = of('customer', 'case-opened');

    await freshNotifier().deliver(card);

    expect(fake.calls.map((c) => c.method)).toEqual(['chat.postMessage']);
    expect(posts()[0]?.args.metadata).toEqual({
      event_type: 'caseline_post',
      event_payload: { case_id: card.case.id, entry_id: card.entry.id, slot: 'customer-card' },
    });
    expect(await links.findIntent(card.case.id, 'customer-card')).toMatchObject({
      entryId: card.entry.id,
      address: `slack:${channel}`,
    });
  });
});
