/**
 * The harness end to end with a real bolt App: every payload builder is signed, posted to
 * bolt's HTTP receiver, routed to the listener Slack's type implies, and the listener's
 * Web API calls land in the fake. If a builder drifted from what bolt expects, the
 * listener would never run and the wait would time out.
 */
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/slack/fake-slack-api.js';
import {
  SLACK_AGENT,
  SLACK_CUSTOMER,
  appHomeOpenedEvent,
  blockActions,
  blockSuggestion,
  botMessageEvent,
  globalShortcut,
  messageChangedEvent,
  messageEvent,
  messageShortcut,
  reactionAddedEvent,
  slashCommand,
  slackFile,
  stateValue,
  viewSubmission,
} from '../../support/slack/payloads.js';
import { postToSlackEndpoint } from '../../support/slack/signed-request.js';

const SECRET = 'round-trip-signing-secret';
const modal = {
  type: 'modal' as const,
  title: { type: 'plain_text' as const, text: 'Case' },
  blocks: [],
};

const listen = (app: App, seen: string[]) => {
  app.message(async ({ message, say }) => {
    const text = 'text' in message ? message.text : undefined;
    const subtype = message.subtype ?? 'plain';
    await say({ text: `${subtype}:${text ?? ''}`, thread_ts: message.ts });
  });
  app.event('reaction_added', async ({ event, client }) => {
    await client.reactions.add({
      channel: event.item.channel,
      timestamp: event.item.ts,
      name: 'eyes',
    });
  });
  app.event('app_home_opened', async ({ event, client }) => {
    await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [] } });
  });
  app.command('/support', async ({ ack, command, respond }) => {
    await ack();
    await respond({ text: `opening: ${command.text}` });
  });
  app.action('case_claim', async ({ ack, body, respond }) => {
    await ack();
    await respond({ text: `claimed by ${body.user.id}` });
  });
  app.view('view_reply', async ({ ack, view }) => {
    // Noted before ack() so the test sees it once the HTTP response arrives.
    seen.push(`${view.private_metadata}|${view.state.values.reply?.reply_text?.value ?? ''}`);
    await ack();
  });
  app.shortcut('caseline_new_case', async ({ ack, shortcut, client }) => {
    await ack();
    await client.views.open({ trigger_id: shortcut.trigger_id, view: modal });
  });
  app.shortcut('caseline_case_from_message', async ({ ack, shortcut, respond }) => {
    await ack();
    if (shortcut.type === 'message_action') await respond({ text: shortcut.message.text ?? '' });
  });
  app.options('intake_installation', async ({ ack, payload }) => {
    const option = {
      text: { type: 'plain_text' as const, text: `${payload.value}-1` },
      value: '1',
    };
    await ack({ options: [option] });
  });
};

describe('the Slack harness with a real bolt App', () => {
  let fake: FakeSlackApi;
  let app: App;
  let endpoint: string;
  const seen: string[] = [];

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    app = new App({
      token: 'xoxb-round-trip',
      signingSecret: SECRET,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.url, retryConfig: { retries: 0 } },
    });
    listen(app, seen);
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app.stop();
    await fake.close();
  });

  it('verified the bot token with auth.test at start', async () => {
    await expect(fake.waitFor('auth.test')).resolves.toMatchObject({ token: 'xoxb-round-trip' });
  });

  it('routes message events, thread replies, files and edits to app.message', async () => {
    const root = messageEvent({ text: 'Export fails' });
    const reply = messageEvent({ text: 'still', threadTs: root.event.ts });
    const withFile = messageEvent({ text: 'log', files: [slackFile()] });
    const edit = messageChangedEvent({ ts: root.event.ts, text: 'Export fails (GL)' });
    for (const payload of [root, reply, withFile, edit]) {
      const result = await postToSlackEndpoint(endpoint, SECRET, 'event', payload);
      expect(result.status).toBe(200);
    }
    const posted = (text: string) => fake.waitFor('chat.postMessage', (c) => c.args.text === text);
    await expect(posted('plain:Export fails')).resolves.toMatchObject({
      args: { channel: SLACK_CUSTOMER.channel, thread_ts: root.event.ts },
    });
    await posted('plain:still');
    await posted('file_share:log');
    await posted('message_changed:');
  });

  it('lets bolt drop the bot’s own bot_message and refuses a bad signature', async () => {
    const own = botMessageEvent({ text: 'own echo' });
    const other = botMessageEvent({ text: 'webhook', botId: 'B0WEBHOOK1' });
    await postToSlackEndpoint(endpoint, SECRET, 'event', own);
    await postToSlackEndpoint(endpoint, SECRET, 'event', other);
    await fake.waitFor('chat.postMessage', (c) => c.args.text === 'bot_message:webhook');
    expect(fake.calls.some((c) => c.args.text === 'bot_message:own echo')).toBe(false);

    const forged = messageEvent({ text: 'forged' });
    const refused = await postToSlackEndpoint(endpoint, SECRET, 'event', forged, {
      badSignature: true,
    });
    expect(refused.status).toBe(401);
  });

  it('routes reaction_added and app_home_opened', async () => {
    const ts = '1732300000.000100';
    await postToSlackEndpoint(endpoint, SECRET, 'event', reactionAddedEvent({ ts }));
    await postToSlackEndpoint(endpoint, SECRET, 'event', appHomeOpenedEvent());
    await expect(fake.waitFor('reactions.add')).resolves.toMatchObject({
      args: { channel: SLACK_CUSTOMER.channel, timestamp: ts, name: 'eyes' },
    });
    await expect(fake.waitFor('views.publish')).resolves.toMatchObject({
      args: { user_id: SLACK_AGENT.userId },
    });
  });

  it('routes a slash command and a button click, whose respond() reaches the fake', async () => {
    const command = slashCommand({ text: 'Export fails', responseUrl: fake.responseUrl('cmd') });
    const click = blockActions({ value: 'CASE-1001', responseUrl: fake.responseUrl('claim') });
    expect((await postToSlackEndpoint(endpoint, SECRET, 'command', command)).status).toBe(200);
    expect((await postToSlackEndpoint(endpoint, SECRET, 'interaction', click)).status).toBe(200);
    await expect(
      fake.waitFor('response_url', (c) => c.path === '/response/cmd'),
    ).resolves.toMatchObject({
      args: { text: 'opening: Export fails' },
    });
    await expect(
      fake.waitFor('response_url', (c) => c.path === '/response/claim'),
    ).resolves.toMatchObject({
      args: { text: `claimed by ${SLACK_AGENT.userId}` },
    });
  });

  it('routes a view submission with its metadata and state values', async () => {
    const submission = viewSubmission({
      callbackId: 'view_reply',
      privateMetadata: 'CASE-1001',
      values: { reply: { reply_text: stateValue.text('We are on it') } },
    });
    const result = await postToSlackEndpoint(endpoint, SECRET, 'interaction', submission);
    expect(result.status).toBe(200);
    expect(seen).toContain('CASE-1001|We are on it');
  });

  it('routes global and message shortcuts', async () => {
    const global = globalShortcut({ callbackId: 'caseline_new_case' });
    await postToSlackEndpoint(endpoint, SECRET, 'interaction', global);
    await expect(fake.waitFor('views.open')).resolves.toMatchObject({
      args: { trigger_id: global.trigger_id },
    });
    const onMessage = messageShortcut({
      text: 'Invoice export broken',
      responseUrl: fake.responseUrl('ms'),
    });
    await postToSlackEndpoint(endpoint, SECRET, 'interaction', onMessage);
    await expect(
      fake.waitFor('response_url', (c) => c.path === '/response/ms'),
    ).resolves.toMatchObject({
      args: { text: 'Invoice export broken' },
    });
  });

  it('answers a block_suggestion with the options in the response body', async () => {
    const suggestion = blockSuggestion({ value: 'prod' });
    const result = await postToSlackEndpoint(endpoint, SECRET, 'options', suggestion);
    expect(result).toMatchObject({
      status: 200,
      json: { options: [{ value: '1', text: { text: 'prod-1' } }] },
    });
  });
});
