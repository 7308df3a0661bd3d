/**
 * The digest as the server composes it (src/compose-digest.ts): figures read from the real
 * database through the report use cases, charts drawn, and posted through the notifiers to
 * the loopback fake Slack API; the same week run again posts nothing.
 */
import { WebClient } from '@slack/web-api';
import { pino } from 'pino';
import { createSlackNotifier } from '../../../adapters/slack/notifier.js';
import { makeDigestPoster } from '../../../src/compose-digest.js';
import type { DigestTarget } from '../../../src/domain/digest/schedule.js';
import { CompositeNotifier } from '../../../src/infra/composite-notifier.js';
import { MongoChatLinks } from '../../../src/store/chat-links/mongo-chat-links.js';
import { openAs, startCoreFixture, type CoreFixture } from '../../support/core-fixture.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/slack/fake-slack-api.js';
import { decodePng } from '../../support/png.js';

const TARGET: DigestTarget = {
  channel: 'slack:C0LEADS01',
  weekday: 'monday',
  time: '09:00',
  zone: 'Europe/Berlin',
};

let fixture: CoreFixture;
let fake: FakeSlackApi;

beforeAll(async () => {
  fixture = await startCoreFixture('digest_from_core');
  fake = await startFakeSlackApi();
});
afterAll(async () => {
  await fake?.close();
  await fixture?.close();
});

describe('weekly digest from the composed core', () => {
  it("posts the week's figures and both charts to the leads' channel, once", async () => {
    // Monday 23 Nov 10:00: two cases; the digest runs the Monday after.
    await openAs(fixture);
    await openAs(fixture, { title: 'Invoice PDF is empty' });
    fixture.clock.set(new Date('2026-11-30T08:00:00Z'));
    const notifier = new CompositeNotifier();
    notifier.add(
      createSlackNotifier({
        client: new WebClient('xoxb-test-token', {
          slackApiUrl: fake.url,
          retryConfig: { retries: 0 },
        }),
        chatLinks: new MongoChatLinks(fixture.connection),
        directory: fixture.core.directory,
        config: fixture.core.config,
        tokenFor: async () => undefined,
        clock: fixture.core.clock,
      }),
    );
    const post = makeDigestPoster(fixture.core, notifier, pino({ level: 'silent' }));

    expect(await post(TARGET)).toEqual({ posted: true, key: 'digest:desk:2026-W48' });
    const [message] = fake.callsTo('chat.postMessage');
    const blocks = JSON.stringify(message?.args.blocks);
    expect(blocks).toContain('Weekly digest · Whole desk · 23 Nov – 29 Nov 2026');
    expect(blocks).toContain('2 new cases');
    const [complete] = fake.callsTo('files.completeUploadExternal');
    expect(complete?.args.channel_id).toBe('C0LEADS01');
    const shared = fake.uploads().filter((u) => u.channels.includes('C0LEADS01'));
    expect(shared.map((u) => decodePng(u.bytes!).width)).toEqual([1280, 1280]);

    expect(await post(TARGET)).toMatchObject({ posted: false, reason: 'already-posted' });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
