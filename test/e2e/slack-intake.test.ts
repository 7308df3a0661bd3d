import { VIEWS } from '../../adapters/slack/registry.js';
import {
  messageEvent,
  messageShortcut,
  reactionAddedEvent,
  SLACK_CUSTOMER,
  slashCommand,
  stateValue,
  viewSubmission,
} from '../support/slack/payloads.js';
import { eventually, SHARED, useSlackE2E } from '../support/slack/e2e.js';
import { settled } from '../support/settled.js';

describe('Caseline in Slack: intake', () => {
  const e2e = useSlackE2E();
  const { post, posts, caseCount, openByMessage } = e2e;

  it('opens a case from a channel message and posts the customer and agent cards', async () => {
    const { card, case: opened } = await openByMessage(
      'Invoice export fails at month-end with error 42',
      SHARED,
    );
    expect(opened).toMatchObject({
      queueKey: 'erp-finance',
      organizationKey: 'northwind-logistics',
      contactName: 'Anna Schmidt',
    });
    expect(JSON.stringify(card.args.blocks)).toContain(opened.number);
  });

  it('opens one case when Slack delivers the same event three times', async () => {
    const before = await caseCount();
    const dm = 'D0DUPLICAT';
    const event = messageEvent({
      text: 'VAT report totals are off by a cent',
      channel: dm,
      channelType: 'im',
    });
    await post('event', event);
    await post('event', event, { retryNum: 1, retryReason: 'http_timeout' });
    await post('event', event, { retryNum: 2, retryReason: 'http_timeout' });
    const ts = (event.event as { ts: string }).ts;
    await e2e.fake.waitFor('chat.postMessage', (c) => c.args.thread_ts === ts && c.status === 200);
    expect(await caseCount()).toBe(before + 1);
    expect(posts(dm, (c) => c.args.thread_ts === ts && Array.isArray(c.args.blocks))).toHaveLength(
      1,
    );
  });

  it('groups a follow-up message from the same person into the case', async () => {
    const { case: opened, channel } = await openByMessage(
      'Reconciliation report is empty since Monday',
    );
    const before = await caseCount();
    await post(
      'event',
      messageEvent({ text: 'It also happens for March.', channel, channelType: 'im' }),
    );
    const stored = await eventually(async () => {
      const found = await e2e.app.core.cases.findById(opened.id);
      return found?.events.some((e) => e.type === 'commented') ? found : undefined;
    });
    expect(await caseCount()).toBe(before);
    expect(stored?.events.filter((e) => e.type === 'commented').map((e) => e.text)).toEqual([
      'It also happens for March.',
    ]);
  });

  it('refuses a bad signature or a stale timestamp with 401 and stores nothing', async () => {
    const before = await caseCount();
    const forged = await post('event', messageEvent({ text: 'Forged request' }), {
      badSignature: true,
    });
    const stale = await post('event', messageEvent({ text: 'Old request' }), {
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect([forged.status, stale.status]).toEqual([401, 401]);
    expect(await caseCount()).toBe(before);
  });

  it('still delivers the card, once, when Slack rate-limits the first post', async () => {
    e2e.fake.rateLimitNext('chat.postMessage', 1);
    const dm = 'D0RATELIMT';
    const event = messageEvent({
      text: 'Invoice batch job timed out overnight',
      channel: dm,
      channelType: 'im',
    });
    const ts = (event.event as { ts: string }).ts;
    await post('event', event);
    await e2e.fake.waitFor('chat.postMessage', (c) => c.status === 429);
    await e2e.fake.waitFor(
      'chat.postMessage',
      (c) => c.args.thread_ts === ts && c.status === 200,
      10_000,
    );
    await settled(e2e.app);
    expect(posts(dm, (c) => c.args.thread_ts === ts && Array.isArray(c.args.blocks))).toHaveLength(
      1,
    );
  });

  it('returns field errors inside the intake modal and opens nothing', async () => {
    const before = await caseCount();
    const response = await post(
      'interaction',
      viewSubmission({
        callbackId: VIEWS.newCase,
        user: SLACK_CUSTOMER.userId,
        team: SLACK_CUSTOMER.teamId,
        values: { title: { value: { type: 'plain_text_input', value: ' ' } } },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      response_action: 'errors',
      errors: { title: expect.stringMatching(/title/i) },
    });
    expect(await caseCount()).toBe(before);
  });

  it('escapes user text when it echoes it', async () => {
    const { case: opened, channel } = await openByMessage(
      '<!channel> urgent <https://evil.example|bank.example> invoice',
    );
    const card = posts(channel, (c) =>
      JSON.stringify(c.args.blocks ?? '').includes(opened.number),
    )[0]!;
    const text = JSON.stringify(card.args);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<https://evil.example|');
  });

  it('recognises a contact by Slack profile email, and tells a stranger nothing was opened', async () => {
    e2e.fake.setUsers({
      U09OWENPRC: {
        team_id: 'T09KESTREL',
        real_name: 'Owen Price',
        email: 'owen.price@kestrelhealth.example',
      },
      U09UNKNOWN: { team_id: 'T09KESTREL', real_name: 'Nobody', email: 'nobody@elsewhere.example' },
    });
    const owen = messageEvent({
      text: 'Invoice import rejects our CSV',
      user: 'U09OWENPRC',
      team: 'T09KESTREL',
      channel: 'D0OWENPRCE',
      channelType: 'im',
    });
    await post('event', owen);
    const ts = (owen.event as { ts: string }).ts;
    await e2e.fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === 'D0OWENPRCE' && c.args.thread_ts === ts && c.status === 200,
    );
    expect(await e2e.app.core.cases.findByIntakeKey(`slack:D0OWENPRCE:${ts}`)).toMatchObject({
      contactName: 'Owen Price',
      organizationKey: 'kestrel-health',
    });
    const before = await caseCount();
    await post(
      'event',
      messageEvent({
        text: 'Hello, invoices fail',
        user: 'U09UNKNOWN',
        team: 'T09KESTREL',
        channel: 'D0UNKNOWN1',
        channelType: 'im',
      }),
    );
    const note = await e2e.fake.waitFor('chat.postEphemeral', (c) => c.args.user === 'U09UNKNOWN');
    expect(String(note.args.text)).toMatch(/did not open a case/);
    expect(await caseCount()).toBe(before);
  });

  it('lets an agent open a case for a customer who phoned, and names an unknown email', async () => {
    const submit = (email: string) =>
      post(
        'interaction',
        viewSubmission({
          callbackId: VIEWS.newCase,
          values: {
            contact_email: { value: { type: 'email_text_input', value: email } },
            reached_by: { value: stateValue.select('phone') },
            title: { value: stateValue.text('Called: invoice run hangs') },
            description: { value: stateValue.text('Anna phoned; the invoice run hangs at 80%.') },
          },
        }),
      );
    const unknown = await submit('nobody@nowhere.example');
    expect(unknown.json).toMatchObject({
      response_action: 'errors',
      errors: { contact_email: expect.stringContaining('No contact') },
    });
    const ok = await submit('anna.schmidt@northwind-logistics.example');
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('');
    const list = await e2e.app.core.cases.list({
      organizationKey: 'northwind-logistics',
      limit: 1000,
    });
    const phoned = list.find((c) => c.title === 'Called: invoice run hangs');
    const stored = await e2e.app.core.cases.findById(phoned!.id);
    expect(stored).toMatchObject({ contactName: 'Anna Schmidt', origin: { channel: 'phone' } });
    expect(stored?.events[0]?.actor).toMatchObject({ name: 'Priya Raman', role: 'admin' });
  });

  it('opens a case from /support new with the customer’s installation and module', async () => {
    await post(
      'command',
      slashCommand({ text: 'new', responseUrl: e2e.fake.responseUrl('anna-new') }),
    );
    const opened = await e2e.fake.waitFor('views.open', (c) =>
      JSON.stringify(c.args.view).includes('General Ledger'),
    );
    const view = opened.args.view as { private_metadata: string };
    const contact = await e2e.app.core.directory.findContactByEmail(
      'anna.schmidt@northwind-logistics.example',
    );
    const [installation] = (
      await e2e.app.core.directory.listInstallations(contact!.organizationId)
    ).filter((i) => i.environment === 'production');
    const response = await post(
      'interaction',
      viewSubmission({
        user: SLACK_CUSTOMER.userId,
        team: SLACK_CUSTOMER.teamId,
        callbackId: VIEWS.newCase,
        privateMetadata: view.private_metadata,
        values: {
          installation: { intake_installation: stateValue.select(installation!.id) },
          module: { value: stateValue.select('General Ledger') },
          title: { value: stateValue.text('Trial balance does not add up') },
          description: {
            value: stateValue.text('Since the 2024.2 upgrade the trial balance is off.'),
          },
        },
      }),
    );
    expect(response.body).toBe('');
    const list = await e2e.app.core.cases.list({
      organizationKey: 'northwind-logistics',
      limit: 1000,
    });
    const created = await e2e.app.core.cases.findById(
      list.find((c) => c.title === 'Trial balance does not add up')!.id,
    );
    expect(created).toMatchObject({
      productKey: 'ledgerline-erp',
      module: 'General Ledger',
      queueKey: 'erp-finance',
      installationId: installation!.id,
    });
    await e2e.fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === SHARED && String(c.args.text).includes(created!.number),
    );
  });

  it('opens a case for the customer from a message with the message shortcut', async () => {
    const shortcut = messageShortcut({
      channel: SHARED,
      text: 'Our invoice PDFs are blank since this morning',
    });
    expect((await post('interaction', shortcut)).status).toBe(200);
    const ts = shortcut.message.ts;
    const stored = await eventually(() =>
      e2e.app.core.cases.findByIntakeKey(`slack:${SHARED}:${ts}`),
    );
    expect(stored).toMatchObject({
      contactName: 'Anna Schmidt',
      title: 'Our invoice PDFs are blank since this morning',
    });
    expect(stored.events[0]?.actor).toMatchObject({ name: 'Priya Raman' });
    await e2e.fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === SHARED && c.args.thread_ts === ts,
    );
  });

  it('opens a case for the customer when an agent reacts with :ticket: to their message', async () => {
    const ts = '1732300999.000100';
    e2e.fake.addHistory(SHARED, {
      ts,
      user: SLACK_CUSTOMER.userId,
      user_team: SLACK_CUSTOMER.teamId,
      text: 'Invoice email bounces for all customers',
    });
    // An agent (home team) reacting to the customer's message in the shared channel.
    const react = (reaction: string) =>
      post(
        'event',
        reactionAddedEvent({
          ts,
          reaction,
          itemUser: SLACK_CUSTOMER.userId,
          user: 'U06PRAMAN1',
          team: 'T06LEDGER1',
          channel: SHARED,
        }),
      );
    await react('ticket');
    const stored = await eventually(() =>
      e2e.app.core.cases.findByIntakeKey(`slack:${SHARED}:${ts}`),
    );
    expect(stored).toMatchObject({
      contactName: 'Anna Schmidt',
      title: 'Invoice email bounces for all customers',
    });
    const before = await caseCount();
    await react('thumbsup');
    await react('ticket');
    await settled(e2e.app);
    expect(await caseCount()).toBe(before);
  });
});
