import { ACTIONS } from '../../adapters/slack/registry.js';
import { NOT_SAVED } from '../../adapters/shared/words.js';
import { MongoInbox } from '../../src/store/inbox/mongo-inbox.js';
import { SIGNING_SECRET } from '../support/deliveries.js';
import { inTestProcess, useSlackRig } from '../support/fault-rig.js';
import { eventually, TRIAGE, useSlackE2E } from '../support/slack/e2e.js';
import {
  blockActions,
  messageEvent,
  slashCommand,
  viewSubmission,
} from '../support/slack/payloads.js';
import { postToSlackEndpoint, type SlackRequestKind } from '../support/slack/signed-request.js';
import { VIEWS } from '../../adapters/slack/registry.js';

describe('Caseline in Slack: the inbox in front of every delivery', () => {
  const e2e = useSlackE2E();
  const inbox = () => e2e.app.core.connection.collection('inbox');

  it('has the event stored by its event_id when Slack gets its 200', async () => {
    const event = messageEvent({
      text: 'Payroll export stops at row 12',
      channel: 'D0INBOX001',
      channelType: 'im',
    });
    const sent = await e2e.post('event', event);
    expect(sent.status).toBe(200);
    // Read straight after the answer: the write came before it, not after.
    const stored = await inbox().findOne({ _id: `slack:event:${event.event_id}` as never });
    expect(stored).toMatchObject({ source: 'slack' });
    await eventually(async () =>
      (await inbox().findOne({ _id: `slack:event:${event.event_id}` as never }))?.state === 'done'
        ? true
        : undefined,
    );
  });

  it('folds a double click on one button into one press', async () => {
    const { case: opened } = await e2e.openByMessage('Invoice dunning letters go out twice');
    const press = () =>
      e2e.post(
        'interaction',
        blockActions({
          actionId: ACTIONS.claim,
          value: opened.id,
          channel: TRIAGE,
          messageTs: '1700000000.000100',
        }),
      );
    const answers = await Promise.all([press(), press()]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const claimed = await eventually(async () => {
      const found = await e2e.app.core.cases.findById(opened.id);
      return found?.assigneeId ? found : undefined;
    });
    expect(claimed.events.filter((e) => e.type === 'claimed')).toHaveLength(1);
    // The second press was never processed: no "already claimed by you" for it either.
    await e2e.app.core.deliverOutbox();
    expect(
      e2e.fake.callsTo('chat.postEphemeral').filter((c) => String(c.args.text).includes('laimed')),
    ).toHaveLength(0);
    expect(await inbox().countDocuments({ source: 'slack', _id: /^slack:press:/ } as never)).toBe(
      1,
    );
  });
});

describe('Caseline in Slack: when the database cannot take a delivery', () => {
  const rig = useSlackRig('slack_inbox_down', inTestProcess);
  const post = (kind: SlackRequestKind, payload: object, options = {}) =>
    postToSlackEndpoint(`${rig.url}/slack/events`, SIGNING_SECRET, kind, payload, options);

  it('answers events non-2xx and interactions with a clear "could not save", then takes them once it is back', async () => {
    await rig.db.kill();
    const event = messageEvent({
      text: 'Bank import rejects IBANs with spaces',
      channel: 'D0INBOXDWN',
      channelType: 'im',
    });
    const refused = await post('event', event);
    expect(refused.status).toBe(503);

    const command = await post('command', slashCommand({ text: 'list' }));
    expect(command.status).toBe(200);
    expect(JSON.stringify(command.json)).toContain(NOT_SAVED);

    const submitted = await post('interaction', viewSubmission({ callbackId: VIEWS.newCase }));
    expect(submitted.status).toBe(200);
    expect(submitted.json).toMatchObject({ response_action: 'errors' });
    expect(JSON.stringify(submitted.json)).toContain(NOT_SAVED);

    const press = await post(
      'interaction',
      blockActions({ actionId: ACTIONS.claim, value: 'case-x', channel: TRIAGE }),
    );
    expect(press.status).toBe(200);
    await rig.fake.waitFor('chat.postEphemeral', (c) => c.args.text === NOT_SAVED);

    await rig.db.restart();
    // Slack's retry of the refused event: now stored, acknowledged and opened as a case.
    const retried = await eventually(async () => {
      const answer = await post('event', event, { retryNum: 1, retryReason: 'http_error' });
      return answer.status === 200 ? answer : undefined;
    }, 30_000);
    expect(retried.status).toBe(200);
    const ts = (event.event as { ts: string }).ts;
    const opened = await eventually(
      () => rig.app.core.cases.findByIntakeKey(`slack:D0INBOXDWN:${ts}`),
      30_000,
    );
    expect(opened.title).toContain('IBAN');
    // The refused interactions left nothing to be done later. One the database took late
    // (the driver still had the write when the server came back) is dropped, never carried
    // out: the person was told it was not saved. Only the event (Slack retries it) was.
    const inbox = new MongoInbox(rig.app.core.connection);
    await eventually(async () => ((await inbox.count('pending')) === 0 ? true : undefined), 10_000);
    expect(await inbox.count('done')).toBe(1);
    expect(await inbox.count('dead')).toBe(0);
  });
});
