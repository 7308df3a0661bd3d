import { createSlackInstallationStore } from '../../adapters/slack/installation-store.js';
import { createMongoChatInstallations } from '../../src/store/chat-installations/mongo-chat-installations.js';
import type { RunningApp } from '../../src/main.js';
import { serveAgainstFakeSlack } from '../support/slack/app-under-test.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/slack/fake-slack-api.js';
import { messageEvent, SLACK_HOME } from '../support/slack/payloads.js';
import { postToSlackEndpoint } from '../support/slack/signed-request.js';

const SECRET = 'oauth-signing-secret';
const INSTALLED_TOKEN = 'xoxb-installed-ledgerline';

describe('Caseline installed through Slack OAuth', () => {
  let fake: FakeSlackApi;
  let app: RunningApp;

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    app = await serveAgainstFakeSlack(fake.url, {
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_CLIENT_ID: '1234.5678',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'a-state-secret-of-at-least-32-characters',
    });
    // The install itself (oauth.v2.access) is covered by test/integration/slack-oauth.
    await createSlackInstallationStore(
      createMongoChatInstallations(app.core.connection),
    ).storeInstallation({
      team: { id: SLACK_HOME.teamId, name: 'Ledgerline' },
      enterprise: undefined,
      user: { id: 'U06PRAMAN1', token: undefined, scopes: undefined },
      bot: {
        token: INSTALLED_TOKEN,
        id: SLACK_HOME.botId,
        userId: SLACK_HOME.botUserId,
        scopes: ['chat:write'],
      },
      isEnterpriseInstall: false,
      appId: SLACK_HOME.appId,
      tokenType: 'bot',
    });
  });
  afterAll(async () => {
    await app.shutdown('test over');
    await fake.close();
  });

  it('offers the install page', async () => {
    const response = await fetch(`http://127.0.0.1:${app.port}/slack/install`, {
      redirect: 'manual',
    });
    expect([200, 302]).toContain(response.status);
    const target = response.headers.get('location') ?? (await response.text());
    expect(target).toContain('client_id=1234.5678');
  });

  it('posts both cards with the bot token of the workspace that received the case', async () => {
    const event = messageEvent({
      text: 'Invoice export fails after the upgrade',
      channel: 'D0OAUTH001',
      channelType: 'im',
    });
    const ts = (event.event as { ts: string }).ts;
    expect(
      (
        await postToSlackEndpoint(
          `http://127.0.0.1:${app.port}/slack/events`,
          SECRET,
          'event',
          event,
        )
      ).status,
    ).toBe(200);
    const customerCard = await fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === 'D0OAUTH001' && c.args.thread_ts === ts,
    );
    const agentCard = await fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === 'C06ERPFIN1',
    );
    expect([customerCard.token, agentCard.token]).toEqual([INSTALLED_TOKEN, INSTALLED_TOKEN]);
    const stored = await app.core.cases.findByIntakeKey(`slack:D0OAUTH001:${ts}`);
    expect(stored?.origin.workspace).toBe(SLACK_HOME.teamId);
  });
});
