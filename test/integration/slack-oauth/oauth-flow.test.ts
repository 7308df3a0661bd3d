/**
 * The OAuth install end to end, wired as app.ts would wire it: bolt's HTTPReceiver (no bot
 * token) on our own HTTP server, the Mongo installation store, and a loopback Slack. The
 * browser's two steps — GET /slack/install, then Slack's redirect to /slack/oauth_redirect —
 * leave the installation in the store, and the next event from that workspace runs with
 * the stored bot token. The fake Slack API has no `oauth.v2.access`, so a small stub answers
 * that method and passes every other call through to the fake.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel, type InstallationStore, type Logger } from '@slack/bolt';
import type mongoose from 'mongoose';
import { createSlackInstallationStore } from '../../../adapters/slack/installation-store.js';
import { createMongoChatInstallations } from '../../../src/store/chat-installations/mongo-chat-installations.js';
import { createHttpServer } from '../../../src/http/server.js';
import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/slack/fake-slack-api.js';
import { SLACK_CUSTOMER, SLACK_HOME, reactionAddedEvent } from '../../support/slack/payloads.js';
import { postToSlackEndpoint } from '../../support/slack/signed-request.js';

const SIGNING_SECRET = 'oauth-flow-signing-secret';
const CLIENT_ID = '1111.2222';
const CLIENT_SECRET = 'oauth-flow-client-secret';
const STATE_SECRET = 'oauth-flow-state-secret-at-least-32-chars';
const INSTALLED_TOKEN = 'xoxb-installed-by-oauth';
const ROTATED_TOKEN = 'xoxe.xoxb-rotated';

interface OAuthStub {
  url: string;
  grants: Record<string, string>[];
  close(): Promise<void>;
}

const readForm = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** Answers `oauth.v2.access` (code grants and refreshes); forwards the rest to the fake. */
const startOAuthStub = async (fake: FakeSlackApi): Promise<OAuthStub> => {
  const grants: Record<string, string>[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readForm(req);
      const method = (req.url ?? '').replace(/^\/api\//, '');
      if (method !== 'oauth.v2.access') {
        const forwarded = await fetch(new URL(method, fake.url), {
          method: 'POST',
          headers: {
            'content-type': req.headers['content-type'] ?? 'application/x-www-form-urlencoded',
            ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
          },
          body,
        });
        res.writeHead(forwarded.status, { 'content-type': 'application/json' });
        res.end(await forwarded.text());
        return;
      }
      const args = Object.fromEntries(new URLSearchParams(body));
      grants.push(args);
      const answer =
        args.grant_type === 'refresh_token'
          ? { token_type: 'bot', access_token: ROTATED_TOKEN, refresh_token: 'xoxe-1-next' }
          : {
              app_id: SLACK_HOME.appId,
              authed_user: { id: 'U0INSTALL1' },
              scope: 'chat:write,commands',
              token_type: 'bot',
              access_token: INSTALLED_TOKEN,
              bot_user_id: SLACK_HOME.botUserId,
              team: { id: SLACK_HOME.teamId, name: SLACK_HOME.teamName },
              enterprise: null,
              is_enterprise_install: false,
            };
      const expiry = args.grant_type === 'refresh_token' ? { expires_in: 43_200 } : {};
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, ...answer, ...expiry }));
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    grants,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

/** Keeps bolt's error logs for the assertions instead of printing them. */
const logged: string[] = [];
const logger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (...args: unknown[]) => void logged.push(args.map(String).join(' ')),
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

let connection: mongoose.Connection;
let store: InstallationStore;
let fake: FakeSlackApi;
let stub: OAuthStub;
let server: Server;
let base: string;
const serverErrors: unknown[] = [];

beforeAll(async () => {
  connection = await connectTestDatabase('slack_oauth_flow');
  store = createSlackInstallationStore(createMongoChatInstallations(connection));
  fake = await startFakeSlackApi();
  stub = await startOAuthStub(fake);
  const receiver = new HTTPReceiver({
    signingSecret: SIGNING_SECRET,
    endpoints: '/slack/events',
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    stateSecret: STATE_SECRET,
    scopes: ['chat:write', 'commands'],
    installationStore: store,
    // A custom receiver builds its own InstallProvider: it does not see App's clientOptions.
    installerOptions: { directInstall: true, clientOptions: { slackApiUrl: stub.url } },
    logger,
  });
  const app = new App({
    receiver, // and no `token`: bolt refuses a token alongside an installer
    clientOptions: { slackApiUrl: fake.url, retryConfig: { retries: 0 } },
    logger,
    deferInitialization: true,
  });
  await app.init();
  app.event('reaction_added', async ({ event, client }) => {
    await client.reactions.add({
      channel: event.item.channel,
      timestamp: event.item.ts,
      name: 'eyes',
    });
  });
  const listener = receiver.requestListener;
  server = createHttpServer(
    { '/slack/events': listener, '/slack/install': listener, '/slack/oauth_redirect': listener },
    (error) => serverErrors.push(error),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  expect(serverErrors).toEqual([]);
  expect(logged).toEqual([]);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await stub.close();
  await fake.close();
  await closeTestDatabase(connection);
});

const startInstall = async () => {
  const response = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  const location = new URL(response.headers.get('location') ?? 'missing:');
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('slack-app-oauth-state='));
  return { response, location, cookie: cookie?.split(';')[0] ?? '' };
};
const redirectBack = (query: string, cookie?: string) =>
  fetch(`${base}/slack/oauth_redirect?${query}`, {
    redirect: 'manual',
    headers: cookie ? { cookie } : {},
  });

describe('OAuth install into the Mongo installation store', () => {
  it('sends the installer to Slack with the scopes, the client id and a state cookie', async () => {
    const { response, location, cookie } = await startInstall();

    expect(response.status).toBe(302);
    expect(location.origin + location.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(location.searchParams.get('scope')).toBe('chat:write,commands');
    expect(location.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(cookie).toBe(`slack-app-oauth-state=${location.searchParams.get('state')}`);
  });

  it('refuses a redirect whose state is not this browser’s', async () => {
    const { location } = await startInstall();
    const state = location.searchParams.get('state') ?? '';

    const noCookie = await redirectBack(`code=forged&state=${encodeURIComponent(state)}`);
    expect(noCookie.status).toBe(400);
    expect(stub.grants).toHaveLength(0);
    expect(logged.splice(0)).toEqual([expect.stringMatching(/InvalidStateError/)]);
    await expect(
      store.fetchInstallation({
        teamId: SLACK_HOME.teamId,
        enterpriseId: undefined,
        isEnterpriseInstall: false,
      }),
    ).rejects.toThrow(`No installation for team ${SLACK_HOME.teamId}`);
  });

  it('exchanges the code and stores the installation; events then use its bot token', async () => {
    const { location, cookie } = await startInstall();
    const state = location.searchParams.get('state') ?? '';

    const done = await redirectBack(`code=granted-code&state=${encodeURIComponent(state)}`, cookie);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Thank you!');
    expect(stub.grants).toEqual([
      expect.objectContaining({ code: 'granted-code', client_id: CLIENT_ID }),
    ]);
    const stored = await store.fetchInstallation({
      teamId: SLACK_HOME.teamId,
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(stored).toMatchObject({
      team: { id: SLACK_HOME.teamId, name: SLACK_HOME.teamName },
      bot: { token: INSTALLED_TOKEN, id: SLACK_HOME.botId, userId: SLACK_HOME.botUserId },
      user: { id: 'U0INSTALL1' },
      appId: SLACK_HOME.appId,
      isEnterpriseInstall: false,
      authVersion: 'v2',
    });

    const ts = '1732300000.000200';
    const event = reactionAddedEvent({ ts });
    const posted = await postToSlackEndpoint(base, SIGNING_SECRET, 'event', event);
    expect(posted.status).toBe(200);
    const call = await fake.waitFor('reactions.add', (c) => c.args.timestamp === ts);
    expect(call.token).toBe(INSTALLED_TOKEN);
  });

  it('refreshes an expiring rotated bot token and stores the new one', async () => {
    const teamId = SLACK_CUSTOMER.teamId;
    await store.storeInstallation({
      team: { id: teamId },
      enterprise: undefined,
      user: { id: 'U0INSTALL2', token: undefined, scopes: undefined },
      bot: {
        token: 'xoxe.xoxb-expiring',
        refreshToken: 'xoxe-1-first',
        expiresAt: Math.floor(Date.now() / 1000) + 60,
        scopes: ['chat:write'],
        id: 'B0OTHER001',
        userId: 'U0OTHERBOT',
      },
      isEnterpriseInstall: false,
      authVersion: 'v2',
    });

    const ts = '1732300000.000300';
    await postToSlackEndpoint(base, SIGNING_SECRET, 'event', reactionAddedEvent({ ts, teamId }));
    const call = await fake.waitFor('reactions.add', (c) => c.args.timestamp === ts);

    expect(call.token).toBe(ROTATED_TOKEN);
    expect(stub.grants).toContainEqual(
      expect.objectContaining({ grant_type: 'refresh_token', refresh_token: 'xoxe-1-first' }),
    );
    const stored = await store.fetchInstallation({
      teamId,
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(stored.bot).toMatchObject({ token: ROTATED_TOKEN, refreshToken: 'xoxe-1-next' });
    expect(stored.bot?.expiresAt).toBeGreaterThan(Date.now() / 1000 + 40_000);
  });
});
