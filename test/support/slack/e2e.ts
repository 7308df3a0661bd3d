import type { RunningApp } from '../../../src/main.js';
import { eventually } from '../eventually.js';
import { MongoChatLinks } from '../../../src/store/chat-links/mongo-chat-links.js';
import { serveAgainstFakeSlack } from './app-under-test.js';
import { startFakeSlackApi, type FakeSlackApi, type RecordedCall } from './fake-slack-api.js';
import { messageEvent, SLACK_CUSTOMER } from './payloads.js';
import { postToSlackEndpoint, type SlackRequestKind } from './signed-request.js';

export const SECRET = 'test-signing-secret';
/** The shared channel mapped to northwind-logistics in caseline.example.yaml. */
export const SHARED = SLACK_CUSTOMER.channel;
/** erp-finance's triage channel, where "invoice" messages are routed. */
export const TRIAGE = 'C06ERPFIN1';

/** Listeners run after the ack, so effects trail it: tests poll for them. */
export { eventually };

export interface SlackE2E {
  readonly fake: FakeSlackApi;
  readonly app: RunningApp;
  post(
    kind: SlackRequestKind,
    payload: object,
    options?: object,
  ): ReturnType<typeof postToSlackEndpoint>;
  posts(channel: string, predicate?: (c: RecordedCall) => boolean): RecordedCall[];
  caseCount(): Promise<number>;
  openByMessage(text: string, channel?: string): ReturnType<typeof openByMessage>;
}

let dms = 0;

/**
 * A customer's message and the case it opened, once both cards are out. Each case gets
 * its own DM by default: messages from one person in one conversation within the
 * grouping window join the same case, which only the grouping test wants.
 */
const openByMessage = async (
  e2e: Pick<SlackE2E, 'fake' | 'app' | 'post'>,
  text: string,
  channel = `D0TEST${(dms += 1).toString().padStart(4, '0')}`,
) => {
  const event = messageEvent({
    text,
    channel,
    channelType: channel.startsWith('D') ? 'im' : channel.startsWith('G') ? 'mpim' : 'channel',
  });
  const ts = (event.event as { ts: string }).ts;
  const sent = await e2e.post('event', event);
  if (sent.status !== 200) throw new Error(`event refused with ${sent.status}`);
  const card = await e2e.fake.waitFor(
    'chat.postMessage',
    (c) => c.args.channel === channel && c.args.thread_ts === ts && c.status === 200,
  );
  const stored = (await e2e.app.core.cases.findByIntakeKey(`slack:${channel}:${ts}`))!;
  await e2e.fake.waitFor(
    'chat.postMessage',
    (c) => c.args.channel === TRIAGE && String(c.args.text).includes(stored.number),
  );
  // The notifier records where the cards are just after Slack answers the post.
  const links = new MongoChatLinks(e2e.app.core.connection);
  await eventually(() => links.find(stored.id, 'staff-card'));
  await eventually(() => links.find(stored.id, 'customer-card'));
  return { event, ts, card, channel, case: stored };
};

/** Starts the app against a fake Slack API for one test file; stops both after it. */
export const useSlackE2E = (options: { readonly env?: Record<string, string> } = {}): SlackE2E => {
  let fake: FakeSlackApi | undefined;
  let app: RunningApp | undefined;
  beforeAll(async () => {
    fake = await startFakeSlackApi();
    app = await serveAgainstFakeSlack(fake.url, {
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      ...options.env,
    });
  });
  afterAll(async () => {
    await app?.shutdown('test over');
    await fake?.close();
  });
  const e2e: SlackE2E = {
    get fake() {
      return fake!;
    },
    get app() {
      return app!;
    },
    post: (kind, payload, options = {}) =>
      postToSlackEndpoint(
        `http://127.0.0.1:${app!.port}/slack/events`,
        SECRET,
        kind,
        payload,
        options,
      ),
    posts: (channel, predicate = () => true) =>
      fake!
        .callsTo('chat.postMessage')
        .filter((c) => c.args.channel === channel && c.status === 200 && predicate(c)),
    caseCount: async () => (await app!.core.cases.list({ limit: 1000 })).length,
    openByMessage: (text, channel) => openByMessage(e2e, text, channel),
  };
  return e2e;
};
