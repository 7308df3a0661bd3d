/**
 * Socket Mode (SLACK_APP_TOKEN set): the running app asks the fake Web API for its
 * WebSocket URL, connects to a loopback Socket Mode server, acknowledges each envelope
 * and does the same work as over HTTP — one case per event however often it arrives.
 */
import { ACTIONS } from '../../adapters/slack/registry.js';
import type { RunningApp } from '../../src/main.js';
import { serveAgainstFakeSlack } from '../support/slack/app-under-test.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/slack/fake-slack-api.js';
import { startFakeSocketMode, type FakeSocketMode } from '../support/slack/fake-socket-mode.js';
import { blockActions, messageEvent } from '../support/slack/payloads.js';
import { eventually } from '../support/slack/e2e.js';

const TRIAGE = 'C06ERPFIN1';

describe('Caseline in Slack over Socket Mode', () => {
  let socket: FakeSocketMode;
  let fake: FakeSlackApi;
  let app: RunningApp;

  beforeAll(async () => {
    socket = await startFakeSocketMode();
    fake = await startFakeSlackApi({ socketModeUrl: socket.url });
    app = await serveAgainstFakeSlack(fake.url, {
      SLACK_APP_TOKEN: 'xapp-1-A0CASELINE-test',
      SLACK_BOT_TOKEN: 'xoxb-test-token',
    });
    await socket.connected();
  });
  afterAll(async () => {
    await app?.shutdown('test over');
    await socket?.close();
    await fake?.close();
  });

  it('connects with the app-level token and serves no HTTP Slack endpoint', async () => {
    const open = fake.callsTo('apps.connections.open');
    expect(open.map((c) => [c.token, c.status])).toEqual([['xapp-1-A0CASELINE-test', 200]]);
    const response = await fetch(`http://127.0.0.1:${app.port}/slack/events`, {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(404);
  });

  it('acknowledges an event, opens one case for it however often it comes, and claims by button', async () => {
    const channel = 'D0SOCKET01';
    const event = messageEvent({
      text: 'Invoice export fails at month-end with error 42',
      channel,
      channelType: 'im',
    });
    const first = socket.send('events_api', event);
    await socket.waitForAck(first);
    // The envelope was acknowledged only once the event was stored by its event_id.
    const inbox = app.core.connection.collection('inbox');
    expect(await inbox.findOne({ _id: `slack:event:${event.event_id}` as never })).not.toBeNull();
    // Slack redelivers an event it got no ack for in time: a new envelope, same event.
    await socket.waitForAck(socket.send('events_api', event, { retryAttempt: 1 }));
    const ts = (event.event as { ts: string }).ts;
    await fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === channel && c.args.thread_ts === ts && c.status === 200,
    );
    const opened = await eventually(() => app.core.cases.findByIntakeKey(`slack:${channel}:${ts}`));
    await fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === TRIAGE && String(c.args.text).includes(opened.number),
    );
    const cases = await app.core.cases.list({ limit: 1000 });
    expect(cases.filter((c) => c.title.startsWith('Invoice export fails'))).toHaveLength(1);

    const click = socket.send(
      'interactive',
      blockActions({
        actionId: ACTIONS.claim,
        value: opened.id,
        channel: TRIAGE,
        user: 'U06PRAMAN1',
      }),
    );
    await socket.waitForAck(click);
    const claimed = await eventually(async () => {
      const state = await app.core.cases.findById(opened.id);
      return state?.assigneeName ? state : undefined;
    });
    expect(claimed.assigneeName).toBe('Priya Raman');
  });
});
