import type { RunningApp } from '../../src/main.js';
import { serveAgainstFakeSlack } from '../support/slack/app-under-test.js';
import { MongoChatLinks } from '../../src/store/chat-links/mongo-chat-links.js';
import {
  startFakeSlackApi,
  type FakeSlackApi,
  type RecordedCall,
} from '../support/slack/fake-slack-api.js';
import {
  blockActions,
  messageEvent,
  SLACK_CUSTOMER,
  slashCommand,
  appHomeOpenedEvent,
  messageShortcut,
  reactionAddedEvent,
  stateValue,
  viewSubmission,
} from '../support/slack/payloads.js';
import { postToSlackEndpoint, type SlackRequestKind } from '../support/slack/signed-request.js';
import { ACTIONS, VIEWS } from '../../adapters/slack/registry.js';

const SECRET = 'test-signing-secret';

/** Polls until `probe` gives a value: listeners run after the ack, so effects trail it. */
const eventually = async <T>(probe: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
const SHARED = SLACK_CUSTOMER.channel; // mapped to northwind-logistics in caseline.example.yaml
const TRIAGE = 'C06ERPFIN1'; // erp-finance's triage channel

describe('Caseline in Slack', () => {
  let fake: FakeSlackApi;
  let app: RunningApp;
  const base = () => `http://127.0.0.1:${app.port}/slack/events`;
  const post = (kind: SlackRequestKind, payload: object, options = {}) =>
    postToSlackEndpoint(base(), SECRET, kind, payload, options);
  const posts = (channel: string, predicate: (c: RecordedCall) => boolean = () => true) =>
    fake
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === channel && c.status === 200 && predicate(c));
  const caseCount = async () => (await app.core.cases.list({ limit: 1000 })).length;

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    app = await serveAgainstFakeSlack(fake.url, {
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
    });
  });
  afterAll(async () => {
    await app.shutdown('test over');
    await fake.close();
  });

  let dms = 0;
  /**
   * A customer's message and the case it opened, once both cards are out. Each case gets
   * its own DM by default: messages from one person in one conversation within the
   * grouping window join the same case, which only the grouping test wants.
   */
  const openByMessage = async (
    text: string,
    channel = `D0TEST${(dms += 1).toString().padStart(4, '0')}`,
  ) => {
    const event = messageEvent({
      text,
      channel,
      channelType: channel.startsWith('D') ? 'im' : 'channel',
    });
    const ts = (event.event as { ts: string }).ts;
    expect((await post('event', event)).status).toBe(200);
    const card = await fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === channel && c.args.thread_ts === ts && c.status === 200,
    );
    const stored = await app.core.cases.findByIntakeKey(`slack:${channel}:${ts}`);
    await fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === TRIAGE && String(c.args.text).includes(stored!.number),
    );
    // The notifier records where the cards are just after Slack answers the post.
    const links = new MongoChatLinks(app.core.connection);
    await eventually(() => links.find(stored!.id, 'staff-card'));
    await eventually(() => links.find(stored!.id, 'customer-card'));
    return { event, ts, card, channel, case: stored! };
  };

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
    await fake.waitFor('chat.postMessage', (c) => c.args.thread_ts === ts && c.status === 200);
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
      const found = await app.core.cases.findById(opened.id);
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

  it('lets an agent claim from the card and updates both cards', async () => {
    const { case: opened, channel } = await openByMessage(
      'Month-end close blocked by a locked period',
    );
    const updatesBefore = fake.callsTo('chat.update').length;
    const response = await post(
      'interaction',
      blockActions({ actionId: ACTIONS.claim, value: opened.id, channel: TRIAGE }),
    );
    expect(response.status).toBe(200);
    await fake.waitFor(
      'chat.update',
      (c) => c.args.channel === channel && JSON.stringify(c.args.blocks).includes('Priya'),
    );
    await fake.waitFor('chat.update', (c) => c.args.channel === TRIAGE);
    expect(fake.callsTo('chat.update').length).toBeGreaterThan(updatesBefore);
    expect((await app.core.cases.findById(opened.id))?.assigneeName).toBe('Priya Raman');
  });

  it('answers a customer pressing Claim with an ephemeral refusal and changes nothing', async () => {
    const { case: opened } = await openByMessage('Invoice PDF has the wrong logo');
    await post(
      'interaction',
      blockActions({
        actionId: ACTIONS.claim,
        value: opened.id,
        user: SLACK_CUSTOMER.userId,
        team: SLACK_CUSTOMER.teamId,
        channel: SHARED,
      }),
    );
    const refusal = await fake.waitFor(
      'chat.postEphemeral',
      (c) => c.args.user === SLACK_CUSTOMER.userId,
    );
    expect(String(refusal.args.text)).toMatch(/may not|not allowed|Only/i);
    const stored = await app.core.cases.findById(opened.id);
    expect(stored?.version).toBe(opened.version);
    expect(stored?.assigneeId).toBeUndefined();
  });

  it('gives two agents claiming at once one owner', async () => {
    const { case: opened } = await openByMessage('Invoice run for payroll stops at 42%');
    const claim = (user: string) =>
      post(
        'interaction',
        blockActions({ actionId: ACTIONS.claim, value: opened.id, channel: TRIAGE, user }),
      );
    await Promise.all(['U06LVOGT01', 'U06PRAMAN1'].map(claim));
    const loser = await fake.waitFor('chat.postEphemeral', (c) =>
      String(c.args.text).includes('Already claimed by'),
    );
    const stored = await app.core.cases.findById(opened.id);
    expect(stored?.events.filter((e) => e.type === 'claimed')).toHaveLength(1);
    expect(String(loser.args.text)).toContain(stored!.assigneeName!);
  });

  it('keeps an internal note written in the agent thread out of the shared channel', async () => {
    const { case: opened, channel } = await openByMessage('Invoice numbering restarted at 1');
    const agentCard = posts(TRIAGE, (c) => String(c.args.text).includes(opened.number))[0]!;
    const secret = 'INTERNAL: customer DB password is in the vault';
    await post(
      'event',
      messageEvent({
        text: secret,
        channel: TRIAGE,
        user: 'U06PRAMAN1',
        team: 'T06LEDGER1',
        threadTs: String(agentCard.response.ts),
      }),
    );
    const stored = await eventually(async () => {
      const found = await app.core.cases.findById(opened.id);
      return found?.events.some((e) => e.type === 'note') ? found : undefined;
    });
    expect(stored?.events.find((e) => e.type === 'note')).toMatchObject({
      visibility: 'internal',
      text: secret,
    });
    await app.core.useCases.setCasePriority({
      ref: { caseId: opened.id },
      actor: { kind: 'system', name: 'test' },
      priority: 'high',
    });
    await fake.waitFor(
      'chat.update',
      (c) => c.args.channel === channel && JSON.stringify(c.args).includes(opened.number),
    );
    const shared = fake.calls.filter((c) => c.args.channel === channel);
    expect(JSON.stringify(shared)).not.toContain('INTERNAL');
  });

  it('still delivers the card, once, when Slack rate-limits the first post', async () => {
    fake.rateLimitNext('chat.postMessage', 1);
    const dm = 'D0RATELIMT';
    const event = messageEvent({
      text: 'Invoice batch job timed out overnight',
      channel: dm,
      channelType: 'im',
    });
    const ts = (event.event as { ts: string }).ts;
    await post('event', event);
    await fake.waitFor('chat.postMessage', (c) => c.status === 429);
    await fake.waitFor(
      'chat.postMessage',
      (c) => c.args.thread_ts === ts && c.status === 200,
      10_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
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

  it('answers /support show and list with the customer’s own organization only', async () => {
    const { case: opened } = await openByMessage('Invoice archive search is slow');
    const grace = { user: 'U05GOKAFO1', team: 'T05HARBOR2', channel: 'C07HBFSHARED' };
    await post(
      'command',
      slashCommand({
        ...grace,
        text: `show ${opened.number}`,
        responseUrl: fake.responseUrl('grace-show'),
      }),
    );
    const stranger = await fake.waitFor('response_url', (c) => c.path.includes('grace-show'));
    expect(String(stranger.args.text)).toMatch(/No case CASE-\d+/);
    await post(
      'command',
      slashCommand({ text: 'list', responseUrl: fake.responseUrl('anna-list') }),
    );
    const own = await fake.waitFor('response_url', (c) => c.path.includes('anna-list'));
    expect(String(own.args.text)).toContain(opened.number);
    expect(own.args.response_type).toBe('ephemeral');
  });

  it('posts an agent’s reply from the modal into the customer thread', async () => {
    const {
      case: opened,
      channel,
      ts,
    } = await openByMessage('Invoice totals differ from the ledger');
    const response = await post(
      'interaction',
      viewSubmission({
        callbackId: VIEWS.reply,
        privateMetadata: JSON.stringify({ caseId: opened.id }),
        values: { message: { value: stateValue.text('We found a rounding rule; fix tonight.') } },
      }),
    );
    expect(response.status).toBe(200);
    const reply = await fake.waitFor(
      'chat.postMessage',
      (c) =>
        c.args.channel === channel &&
        c.args.thread_ts === ts &&
        String(c.args.text).includes('rounding rule'),
    );
    expect(reply.status).toBe(200);
    expect((await app.core.cases.findById(opened.id))?.firstResponseAt).toBeInstanceOf(Date);
  });

  it('keeps the resolve modal open with an error when works-as-designed has no doc link', async () => {
    const { case: opened } = await openByMessage('Invoice dates use the server time zone');
    await post(
      'interaction',
      blockActions({ actionId: ACTIONS.claim, value: opened.id, channel: TRIAGE }),
    );
    const response = await post(
      'interaction',
      viewSubmission({
        callbackId: VIEWS.resolve,
        privateMetadata: JSON.stringify({ caseId: opened.id }),
        values: {
          resolution_type: { value: stateValue.select('works-as-designed') },
          resolution_text: {
            value: stateValue.text('Dates follow the company time zone setting.'),
          },
        },
      }),
    );
    expect(response.json).toMatchObject({
      response_action: 'errors',
      errors: { doc_link: expect.stringMatching(/documentation/) },
    });
    expect((await app.core.cases.findById(opened.id))?.statusCategory).not.toBe('solved');
  });

  it('recognises a contact by Slack profile email, and tells a stranger nothing was opened', async () => {
    fake.setUsers({
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
    await fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === 'D0OWENPRCE' && c.args.thread_ts === ts && c.status === 200,
    );
    expect(await app.core.cases.findByIntakeKey(`slack:D0OWENPRCE:${ts}`)).toMatchObject({
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
    const note = await fake.waitFor('chat.postEphemeral', (c) => c.args.user === 'U09UNKNOWN');
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
    const list = await app.core.cases.list({ organizationKey: 'northwind-logistics', limit: 1000 });
    const phoned = list.find((c) => c.title === 'Called: invoice run hangs');
    const stored = await app.core.cases.findById(phoned!.id);
    expect(stored).toMatchObject({ contactName: 'Anna Schmidt', origin: { channel: 'phone' } });
    expect(stored?.events[0]?.actor).toMatchObject({ name: 'Priya Raman', role: 'admin' });
  });

  it('opens a case from /support new with the customer’s installation and module', async () => {
    await post('command', slashCommand({ text: 'new', responseUrl: fake.responseUrl('anna-new') }));
    const opened = await fake.waitFor('views.open', (c) =>
      JSON.stringify(c.args.view).includes('General Ledger'),
    );
    const view = opened.args.view as { private_metadata: string };
    const contact = await app.core.directory.findContactByEmail(
      'anna.schmidt@northwind-logistics.example',
    );
    const [installation] = (
      await app.core.directory.listInstallations(contact!.organizationId)
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
    const list = await app.core.cases.list({ organizationKey: 'northwind-logistics', limit: 1000 });
    const created = await app.core.cases.findById(
      list.find((c) => c.title === 'Trial balance does not add up')!.id,
    );
    expect(created).toMatchObject({
      productKey: 'ledgerline-erp',
      module: 'General Ledger',
      queueKey: 'erp-finance',
      installationId: installation!.id,
    });
    await fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === SHARED && String(c.args.text).includes(created!.number),
    );
  });

  it('publishes App Home: the agent’s unassigned work, and a customer’s own cases', async () => {
    const { case: opened } = await openByMessage('Invoice approval stuck in workflow');
    await post('event', appHomeOpenedEvent({ user: 'U06THERR01' }));
    const agentHome = await fake.waitFor('views.publish', (c) => c.args.user_id === 'U06THERR01');
    expect(JSON.stringify(agentHome.args.view)).toContain(opened.number);
    // A Slack Connect guest opening our App Home arrives under our team id: known by email.
    fake.setUsers({
      U05GOKAFO1: { team_id: 'T05HARBOR2', email: 'grace.okafor@harborfoods.example' },
    });
    await post('event', appHomeOpenedEvent({ user: 'U05GOKAFO1' }));
    const customerHome = await fake.waitFor(
      'views.publish',
      (c) => c.args.user_id === 'U05GOKAFO1',
    );
    expect(JSON.stringify(customerHome.args.view)).not.toContain(opened.number);
  });

  it('opens a case for the customer from a message with the message shortcut', async () => {
    const shortcut = messageShortcut({
      channel: SHARED,
      text: 'Our invoice PDFs are blank since this morning',
    });
    expect((await post('interaction', shortcut)).status).toBe(200);
    const ts = shortcut.message.ts;
    const stored = await eventually(() => app.core.cases.findByIntakeKey(`slack:${SHARED}:${ts}`));
    expect(stored).toMatchObject({
      contactName: 'Anna Schmidt',
      title: 'Our invoice PDFs are blank since this morning',
    });
    expect(stored.events[0]?.actor).toMatchObject({ name: 'Priya Raman' });
    await fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === SHARED && c.args.thread_ts === ts,
    );
  });

  it('moves a case with the status menu and tells the customer when it waits on them', async () => {
    const {
      case: opened,
      channel,
      ts,
    } = await openByMessage('Invoice run needs our approval codes');
    await post(
      'interaction',
      blockActions({ actionId: ACTIONS.claim, value: opened.id, channel: TRIAGE }),
    );
    await eventually(async () =>
      (await app.core.cases.findById(opened.id))?.assigneeId ? true : undefined,
    );
    const current = (await app.core.cases.findById(opened.id))!;
    await post(
      'interaction',
      blockActions({
        actionId: ACTIONS.status,
        blockId: `case:${opened.id}:${current.version}`,
        selectedOption: { value: 'waiting-on-customer' },
        channel: TRIAGE,
      }),
    );
    await eventually(async () =>
      (await app.core.cases.findById(opened.id))?.status === 'waiting-on-customer'
        ? true
        : undefined,
    );
    await fake.waitFor(
      'chat.postMessage',
      (c) =>
        c.args.channel === channel &&
        c.args.thread_ts === ts &&
        /reply from you/i.test(String(c.args.text)),
    );
  });

  it('opens a case for the customer when an agent reacts with :ticket: to their message', async () => {
    const ts = '1732300999.000100';
    fake.addHistory(SHARED, {
      ts,
      user: SLACK_CUSTOMER.userId,
      user_team: SLACK_CUSTOMER.teamId,
      text: 'Invoice email bounces for all customers',
    });
    await post(
      'event',
      reactionAddedEvent({
        ts,
        reaction: 'ticket',
        itemUser: SLACK_CUSTOMER.userId,
        user: 'U06PRAMAN1',
        team: 'T06LEDGER1',
        channel: SHARED,
      }),
    );
    const stored = await eventually(() => app.core.cases.findByIntakeKey(`slack:${SHARED}:${ts}`));
    expect(stored).toMatchObject({
      contactName: 'Anna Schmidt',
      title: 'Invoice email bounces for all customers',
    });
    const before = await caseCount();
    await post(
      'event',
      reactionAddedEvent({
        ts,
        reaction: 'thumbsup',
        itemUser: SLACK_CUSTOMER.userId,
        user: 'U06PRAMAN1',
        team: 'T06LEDGER1',
        channel: SHARED,
      }),
    );
    await post(
      'event',
      reactionAddedEvent({
        ts,
        reaction: 'ticket',
        itemUser: SLACK_CUSTOMER.userId,
        user: 'U06PRAMAN1',
        team: 'T06LEDGER1',
        channel: SHARED,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await caseCount()).toBe(before);
  });
});
