import { ErrorCode, WebClient, WebClientEvent } from '@slack/web-api';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/slack/fake-slack-api.js';
import { SLACK_CUSTOMER, SLACK_HOME } from '../../support/slack/payloads.js';

const TOKEN = 'xoxb-test-token';
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('the fake Slack Web API', () => {
  let fake: FakeSlackApi;
  let client: WebClient;

  beforeAll(async () => {
    fake = await startFakeSlackApi({
      users: {
        [SLACK_CUSTOMER.userId]: {
          team_id: SLACK_CUSTOMER.teamId,
          real_name: 'Anna Schmidt',
          email: 'anna.schmidt@northwind-logistics.example',
        },
      },
      channels: { [SLACK_CUSTOMER.channel]: { name: 'ext-northwind', is_ext_shared: true } },
    });
  });
  beforeEach(() => {
    fake.reset();
    client = new WebClient(TOKEN, { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
  });
  afterAll(() => fake.close());

  it('answers auth.test as the bot bolt expects', async () => {
    const result = await client.auth.test();
    expect(result).toMatchObject({ ok: true, team_id: SLACK_HOME.teamId });
    expect(result).toMatchObject({ user_id: SLACK_HOME.botUserId, bot_id: SLACK_HOME.botId });
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
  });

  it('posts messages with increasing ts and records parsed blocks and the token', async () => {
    const blocks = [section('*CASE-1001* Export fails')];
    const first = await client.chat.postMessage({ channel: 'C06ERPFIN1', text: 'new', blocks });
    const second = await client.chat.postMessage({ channel: 'C06ERPFIN1', text: 'again' });

    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(first.message).toMatchObject({ bot_id: SLACK_HOME.botId, text: 'new', blocks });
    const [call] = fake.callsTo('chat.postMessage');
    expect(call?.args).toEqual({ channel: 'C06ERPFIN1', text: 'new', blocks });
    expect(call?.token).toBe(TOKEN);
  });

  it('refuses malformed blocks and updates only messages it posted, like Slack', async () => {
    const posted = await client.chat.postMessage({ channel: 'C06ERPFIN1', text: 'v1' });
    const updated = await client.chat.update({ channel: 'C06ERPFIN1', ts: posted.ts!, text: 'v2' });
    expect(updated).toMatchObject({ ok: true, ts: posted.ts, text: 'v2' });

    const broken = client.chat.postMessage({
      channel: 'C1',
      text: 'x',
      blocks: [{ text: 'no type' }] as never, // malformed on purpose: the types would refuse it
    });
    await expect(broken).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    const wrong = client.chat.update({ channel: 'C0OTHER', ts: posted.ts!, text: 'v3' });
    await expect(wrong).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { error: 'message_not_found' },
    });
  });

  it('makes the client see a rate limit with the given Retry-After', async () => {
    const strict = new WebClient(TOKEN, {
      slackApiUrl: fake.url,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    const seen: number[] = [];
    strict.on(WebClientEvent.RATE_LIMITED, (seconds: number) => seen.push(seconds));
    fake.rateLimitNext('chat.postMessage', 7);

    const limited = strict.chat.postMessage({ channel: 'C06ERPFIN1', text: 'hi' });
    await expect(limited).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 7,
    });
    expect(seen).toEqual([7]);
    await expect(
      strict.chat.postMessage({ channel: 'C06ERPFIN1', text: 'hi' }),
    ).resolves.toMatchObject({ ok: true });
    expect(fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
  });

  it('fails the next calls with an HTTP status or a Slack error', async () => {
    fake.failNext('views.open', 503, 2);
    fake.errorNext('chat.postMessage', 'not_in_channel');
    const view = {
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: 'x' },
      blocks: [],
    };

    for (let i = 0; i < 2; i += 1) {
      await expect(client.views.open({ trigger_id: '1.2.3', view })).rejects.toMatchObject({
        code: ErrorCode.HTTPError,
        statusCode: 503,
      });
    }
    await expect(client.views.open({ trigger_id: '1.2.3', view })).resolves.toMatchObject({
      ok: true,
    });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({
      data: { error: 'not_in_channel' },
    });
  });

  it('answers users.info and conversations.info from its tables', async () => {
    const { user } = await client.users.info({ user: SLACK_CUSTOMER.userId });
    expect(user).toMatchObject({
      id: SLACK_CUSTOMER.userId,
      team_id: SLACK_CUSTOMER.teamId,
      real_name: 'Anna Schmidt',
      is_bot: false,
      profile: { email: 'anna.schmidt@northwind-logistics.example' },
    });
    await expect(client.users.info({ user: 'U0NOBODY' })).rejects.toMatchObject({
      data: { error: 'user_not_found' },
    });
    const { channel } = await client.conversations.info({ channel: SLACK_CUSTOMER.channel });
    expect(channel).toMatchObject({
      id: SLACK_CUSTOMER.channel,
      is_ext_shared: true,
      is_im: false,
    });

    fake.setUsers({});
    await expect(client.users.info({ user: SLACK_CUSTOMER.userId })).rejects.toThrow(
      /user_not_found/,
    );
  });

  it('keeps views with ids and refuses a stale hash', async () => {
    const modal = {
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: 'Reply' },
      blocks: [],
      callback_id: 'view_reply',
    };
    const opened = await client.views.open({ trigger_id: '1.2.3', view: modal });
    const id = opened.view!.id!;
    expect(opened.view).toMatchObject({ id, callback_id: 'view_reply', hash: expect.any(String) });
    expect(fake.callsTo('views.open')[0]?.args.view).toEqual(modal);

    const updated = await client.views.update({
      view_id: id,
      hash: opened.view!.hash!,
      view: modal,
    });
    expect(updated.view?.id).toBe(id);
    const stale = client.views.update({ view_id: id, hash: opened.view!.hash!, view: modal });
    await expect(stale).rejects.toMatchObject({ data: { error: 'hash_conflict' } });

    const home = await client.views.publish({
      user_id: 'U06PRAMAN1',
      view: { type: 'home', blocks: [] },
    });
    expect(home.view?.id).toMatch(/^V/);
  });

  it('answers unknown methods and missing tokens the way Slack does', async () => {
    await expect(client.apiCall('cases.fly')).rejects.toMatchObject({
      data: { error: 'unknown_method' },
    });
    const anonymous = await fetch(`${fake.url}auth.test`, { method: 'POST' });
    expect(await anonymous.json()).toEqual({ ok: false, error: 'not_authed' });
  });

  it('parses JSON bodies and takes the token from the body too', async () => {
    const response = await fetch(`${fake.url}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ token: 'xoxb-in-body', channel: 'C1', blocks: [section('hi')] }),
    });
    expect(await response.json()).toMatchObject({ ok: true, channel: 'C1' });
    expect(fake.calls[0]).toMatchObject({
      token: 'xoxb-in-body',
      args: { channel: 'C1', blocks: [section('hi')] },
    });
  });

  it('waits for a call that arrives later, and explains a timeout', async () => {
    const waiting = fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C2');
    await client.chat.postMessage({ channel: 'C1', text: 'not this one' });
    await client.chat.postMessage({ channel: 'C2', text: 'this one' });
    await expect(waiting).resolves.toMatchObject({ args: { channel: 'C2', text: 'this one' } });

    await expect(fake.waitFor('views.open', undefined, 50)).rejects.toThrow(
      /no matching views\.open call within 50 ms; calls seen:\n.*chat\.postMessage.*"C1"/,
    );
  });

  it('records posts to a response_url', async () => {
    const url = fake.responseUrl('claim');
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Claimed', replace_original: true }),
    });
    expect(response.status).toBe(200);
    const call = await fake.waitFor('response_url');
    expect(call).toMatchObject({
      path: '/response/claim',
      args: { text: 'Claimed', replace_original: true },
    });
  });
});
