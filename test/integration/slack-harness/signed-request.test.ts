import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isValidSlackRequest } from '@slack/bolt';
import {
  postToSlackEndpoint,
  signSlackRequest,
  type SlackPostResult,
} from '../../support/slack/signed-request.js';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

/** What a receiver would see: bolt checks the signature with exactly this. */
const boltAccepts = (body: string, headers: Record<string, string>, nowMs = Date.now()) =>
  isValidSlackRequest({
    signingSecret: SECRET,
    body,
    headers: {
      'x-slack-signature': headers['x-slack-signature'] ?? '',
      'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']),
    },
    nowMilliseconds: nowMs,
  });

describe('signed Slack requests', () => {
  let server: Server;
  let origin: string;
  const received: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        received.push({ path: req.url ?? '', headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => (received.length = 0));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('signs as Slack documents: v0=HMAC-SHA256 of "v0:ts:body"', () => {
    const body = 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Fsupport';
    const expected = createHmac('sha256', SECRET).update(`v0:1531420618:${body}`).digest('hex');
    const headers = signSlackRequest(SECRET, body, 1531420618);
    expect(headers).toEqual({
      'x-slack-signature': `v0=${expected}`,
      'x-slack-request-timestamp': '1531420618',
    });
    expect(boltAccepts(body, { ...headers }, 1531420618_000)).toBe(true);
  });

  it('sends events as signed JSON to /slack/events with retry headers', async () => {
    const event = { type: 'event_callback', event_id: 'Ev1', event: { type: 'message' } };
    const result = await postToSlackEndpoint(origin, SECRET, 'event', event, {
      retryNum: 1,
      retryReason: 'http_timeout',
    });
    const [request] = received;
    expect(result).toMatchObject({ status: 200, json: { ok: true } });
    expect(request?.path).toBe('/slack/events');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual(event);
    expect(request?.headers['x-slack-retry-num']).toBe('1');
    expect(request?.headers['x-slack-retry-reason']).toBe('http_timeout');
    expect(boltAccepts(request?.body ?? '', request?.headers as Record<string, string>)).toBe(true);
  });

  it('sends commands as form fields and interactions as payload=<json>', async () => {
    await postToSlackEndpoint(`${origin}/custom`, SECRET, 'command', {
      command: '/support',
      text: 'Export fails & more',
    });
    const action = { type: 'block_actions', actions: [{ action_id: 'case_claim' }] };
    await postToSlackEndpoint(origin, SECRET, 'interaction', action);
    await postToSlackEndpoint(origin, SECRET, 'options', { type: 'block_suggestion', value: 'pr' });

    const [command, interaction, options] = received;
    expect(command?.path).toBe('/custom');
    expect(command?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(command?.body))).toEqual({
      command: '/support',
      text: 'Export fails & more',
    });
    expect(JSON.parse(new URLSearchParams(interaction?.body).get('payload') ?? '')).toEqual(action);
    expect(new URLSearchParams(options?.body).get('payload')).toContain('block_suggestion');
    for (const request of received) {
      expect(boltAccepts(request.body, request.headers as Record<string, string>)).toBe(true);
    }
  });

  it('sends a signature that really differs when asked for a bad one', async () => {
    const good: SlackPostResult = await postToSlackEndpoint(
      origin,
      SECRET,
      'event',
      { a: 1 },
      {
        timestamp: 1732300000,
      },
    );
    const bad = await postToSlackEndpoint(
      origin,
      SECRET,
      'event',
      { a: 1 },
      {
        timestamp: 1732300000,
        badSignature: true,
      },
    );
    expect(bad.request.body).toBe(good.request.body);
    const goodSignature = good.request.headers['x-slack-signature'];
    expect(bad.request.headers['x-slack-signature']).toMatch(/^v0=[0-9a-f]{64}$/);
    expect(bad.request.headers['x-slack-signature']).not.toBe(goodSignature);
    const at = 1732300000_000;
    expect(boltAccepts(good.request.body, good.request.headers, at)).toBe(true);
    expect(boltAccepts(bad.request.body, bad.request.headers, at)).toBe(false);
  });

  it('lets a test send a stale timestamp that a receiver refuses', async () => {
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const result = await postToSlackEndpoint(origin, SECRET, 'event', {}, { timestamp: stale });
    expect(result.request.headers['x-slack-request-timestamp']).toBe(String(stale));
    expect(boltAccepts(result.request.body, result.request.headers)).toBe(false);
  });
});
