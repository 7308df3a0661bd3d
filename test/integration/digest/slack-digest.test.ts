/**
 * A weekly digest posted in Slack over real HTTP against the loopback fake Web API: the
 * figures as blocks, and each chart through the external upload flow — an upload URL, the
 * PNG's bytes POSTed to it, then one completeUploadExternal sharing them in the channel.
 */
import { WebClient } from '@slack/web-api';
import { createSlackNotifier } from '../../../adapters/slack/notifier.js';
import type { ChatLinkRepository } from '../../../src/ports/chat-links.js';
import type { DirectoryLookups } from '../../../adapters/shared/deps.js';
import type { DigestImage, Notifier } from '../../../src/ports/notifier.js';
import { SIMPLE_WORKFLOW } from '../../../src/domain/workflow/preset-simple.js';
import { sampleDigestImages, sampleDigestReport } from '../../support/digest-report.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/slack/fake-slack-api.js';

const LEADS = 'C0LEADS01';
let fake: FakeSlackApi;
let notifier: Notifier;
let images: DigestImage[];

beforeAll(async () => {
  fake = await startFakeSlackApi();
  images = await sampleDigestImages();
  notifier = createSlackNotifier({
    // What bolt's app.client is: a WebClient on slackApiUrl.
    client: new WebClient('xoxb-test-token', {
      slackApiUrl: fake.url,
      retryConfig: { retries: 0 },
    }),
    // The digest path uses neither: fakes that fail loudly if they are reached.
    chatLinks: {} as ChatLinkRepository,
    directory: {} as DirectoryLookups,
    config: {
      workflow: SIMPLE_WORKFLOW,
      priorities: { labels: {} },
      intake: { reopenWithinDays: 14 },
    } as never,
    tokenFor: async () => undefined,
    clock: { now: () => new Date() },
  });
});
afterAll(async () => {
  await fake?.close();
});
beforeEach(() => fake.reset());

const post = (channel: string) =>
  notifier.postDigest!({
    id: 'digest:queue-billing:2026-W48',
    channel,
    report: sampleDigestReport(),
    images,
  });

describe('weekly digest in Slack', () => {
  it('posts the figures as blocks to the channel', async () => {
    expect(await post(`slack:${LEADS}`)).toBe(true);
    const [message] = fake.callsTo('chat.postMessage');
    expect(message?.args.channel).toBe(LEADS);
    const blocks = JSON.stringify(message?.args.blocks);
    expect(blocks).toContain('Weekly digest · Billing · 23 Nov – 29 Nov 2026');
    expect(blocks).toContain('92% (46 of 50 met)');
    expect(blocks).toContain('Invoice PDF is empty');
  });

  it('uploads each chart with getUploadURLExternal and the bytes, then shares them in the channel', async () => {
    await post(`slack:${LEADS}`);
    const asked = fake.callsTo('files.getUploadURLExternal');
    expect(asked.map((c) => Number(c.args.length))).toEqual(images.map((i) => i.png.byteLength));
    expect(fake.callsTo('upload').map((c) => c.status)).toEqual([200, 200]);
    const [complete] = fake.callsTo('files.completeUploadExternal');
    expect(complete?.response.ok).toBe(true);
    expect(complete?.args.channel_id).toBe(LEADS);
    expect(String(complete?.args.initial_comment)).toContain('Weekly digest · Billing');
    const ids = asked.map((c) => String(c.response.file_id));
    const shared = fake.uploads().filter((u) => ids.includes(u.id));
    expect(shared.map((u) => u.channels)).toEqual([[LEADS], [LEADS]]);
    // The bytes Slack got are the PNGs drawn, whole.
    expect(shared.map((u) => u.bytes?.equals(Buffer.from(images[shared.indexOf(u)]!.png)))).toEqual(
      [true, true],
    );
  });

  it('leaves a Teams channel to the Teams notifier', async () => {
    expect(await post('teams:19:leads@thread.tacv2')).toBe(false);
    expect(fake.calls).toHaveLength(0);
  });
});
