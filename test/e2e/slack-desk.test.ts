import { ACTIONS, VIEWS } from '../../adapters/slack/registry.js';
import {
  appHomeOpenedEvent,
  blockActions,
  messageEvent,
  SLACK_CUSTOMER,
  slashCommand,
  stateValue,
  viewSubmission,
} from '../support/slack/payloads.js';
import { eventually, SHARED, TRIAGE, useSlackE2E } from '../support/slack/e2e.js';

describe('Caseline in Slack: the desk', () => {
  const e2e = useSlackE2E();
  const { post, posts, openByMessage } = e2e;
  const fake = () => e2e.fake;

  it('lets an agent claim from the card and updates both cards', async () => {
    const { case: opened, channel } = await openByMessage(
      'Month-end close blocked by a locked period',
    );
    const updatesBefore = e2e.fake.callsTo('chat.update').length;
    const response = await post(
      'interaction',
      blockActions({ actionId: ACTIONS.claim, value: opened.id, channel: TRIAGE }),
    );
    expect(response.status).toBe(200);
    await e2e.fake.waitFor(
      'chat.update',
      (c) => c.args.channel === channel && JSON.stringify(c.args.blocks).includes('Priya'),
    );
    await e2e.fake.waitFor('chat.update', (c) => c.args.channel === TRIAGE);
    expect(e2e.fake.callsTo('chat.update').length).toBeGreaterThan(updatesBefore);
    expect((await e2e.app.core.cases.findById(opened.id))?.assigneeName).toBe('Priya Raman');
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
    const refusal = await e2e.fake.waitFor(
      'chat.postEphemeral',
      (c) => c.args.user === SLACK_CUSTOMER.userId,
    );
    expect(String(refusal.args.text)).toMatch(/may not|not allowed|Only/i);
    const stored = await e2e.app.core.cases.findById(opened.id);
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
    const loser = await e2e.fake.waitFor('chat.postEphemeral', (c) =>
      String(c.args.text).includes('Already claimed by'),
    );
    const stored = await e2e.app.core.cases.findById(opened.id);
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
      const found = await e2e.app.core.cases.findById(opened.id);
      return found?.events.some((e) => e.type === 'note') ? found : undefined;
    });
    expect(stored?.events.find((e) => e.type === 'note')).toMatchObject({
      visibility: 'internal',
      text: secret,
    });
    await e2e.app.core.useCases.setCasePriority({
      ref: { caseId: opened.id },
      actor: { kind: 'system', name: 'test' },
      priority: 'high',
    });
    await e2e.fake.waitFor(
      'chat.update',
      (c) => c.args.channel === channel && JSON.stringify(c.args).includes(opened.number),
    );
    const shared = e2e.fake.calls.filter((c) => c.args.channel === channel);
    expect(JSON.stringify(shared)).not.toContain('INTERNAL');
  });

  it('answers /support show and list with the customer’s own organization only', async () => {
    const { case: opened } = await openByMessage('Invoice archive search is slow');
    const grace = { user: 'U05GOKAFO1', team: 'T05HARBOR2', channel: 'C07HBFSHARED' };
    await post(
      'command',
      slashCommand({
        ...grace,
        text: `show ${opened.number}`,
        responseUrl: e2e.fake.responseUrl('grace-show'),
      }),
    );
    const stranger = await e2e.fake.waitFor('response_url', (c) => c.path.includes('grace-show'));
    expect(String(stranger.args.text)).toMatch(/No case CASE-\d+/);
    await post(
      'command',
      slashCommand({ text: 'list', responseUrl: e2e.fake.responseUrl('anna-list') }),
    );
    const own = await e2e.fake.waitFor('response_url', (c) => c.path.includes('anna-list'));
    expect(String(own.args.text)).toContain(opened.number);
    expect(own.args.response_type).toBe('ephemeral');
  });

  it('refuses /support list with an unknown status and names the valid ones', async () => {
    await post(
      'command',
      slashCommand({ text: 'list bogus', responseUrl: e2e.fake.responseUrl('anna-bogus') }),
    );
    const answer = await e2e.fake.waitFor('response_url', (c) => c.path.includes('anna-bogus'));
    expect(String(answer.args.text)).toContain(
      'There is no status “bogus”. Statuses: new, on-hand,',
    );
    expect(String(answer.args.text)).toContain('or a category: new, open,');
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
    const reply = await e2e.fake.waitFor(
      'chat.postMessage',
      (c) =>
        c.args.channel === channel &&
        c.args.thread_ts === ts &&
        String(c.args.text).includes('rounding rule'),
    );
    expect(reply.status).toBe(200);
    expect((await e2e.app.core.cases.findById(opened.id))?.firstResponseAt).toBeInstanceOf(Date);
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
    expect((await e2e.app.core.cases.findById(opened.id))?.statusCategory).not.toBe('solved');
  });

  it('publishes App Home: the agent’s unassigned work by name, and a customer’s own cases', async () => {
    const { case: opened } = await openByMessage('Invoice approval stuck in workflow');
    await post('event', appHomeOpenedEvent({ user: 'U06THERR01' }));
    const agentHome = await e2e.fake.waitFor(
      'views.publish',
      (c) => c.args.user_id === 'U06THERR01',
    );
    expect(JSON.stringify(agentHome.args.view)).toContain(opened.number);
    // Names, not keys: the status and the organization as people call them.
    const organization = await e2e.app.core.directory.getOrganization(opened.organizationId);
    expect(JSON.stringify(agentHome.args.view)).toContain(`New · ${organization?.name} · `);
    expect(JSON.stringify(agentHome.args.view)).not.toContain(` · ${opened.organizationKey} · `);
    // A Slack Connect guest opening our App Home arrives under our team id: known by email.
    e2e.fake.setUsers({
      U05GOKAFO1: { team_id: 'T05HARBOR2', email: 'grace.okafor@harborfoods.example' },
    });
    await post('event', appHomeOpenedEvent({ user: 'U05GOKAFO1' }));
    const customerHome = await e2e.fake.waitFor(
      'views.publish',
      (c) => c.args.user_id === 'U05GOKAFO1',
    );
    expect(JSON.stringify(customerHome.args.view)).not.toContain(opened.number);
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
      (await e2e.app.core.cases.findById(opened.id))?.assigneeId ? true : undefined,
    );
    const current = (await e2e.app.core.cases.findById(opened.id))!;
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
      (await e2e.app.core.cases.findById(opened.id))?.status === 'waiting-on-customer'
        ? true
        : undefined,
    );
    await e2e.fake.waitFor(
      'chat.postMessage',
      (c) =>
        c.args.channel === channel &&
        c.args.thread_ts === ts &&
        /reply from you/i.test(String(c.args.text)),
    );
  });

  /** Chooses an option in one of the agent card's menus, as Slack sends it. */
  const choose = async (
    caseId: string,
    actionId: string,
    option: { value?: string; user?: string },
  ) => {
    const current = (await e2e.app.core.cases.findById(caseId))!;
    const blockId = `case:${caseId}:${current.version}`;
    const picked = option.user
      ? { selectedUser: option.user }
      : { selectedOption: { value: option.value! } };
    return post('interaction', blockActions({ actionId, blockId, channel: TRIAGE, ...picked }));
  };
  const submit = (callbackId: string, caseId: string, values: Record<string, unknown>) =>
    post(
      'interaction',
      viewSubmission({
        callbackId,
        privateMetadata: JSON.stringify({ caseId }),
        values: values as never,
      }),
    );
  const stored = (id: string) => e2e.app.core.cases.findById(id);

  it('works a case from the card: priority, queue, assignee, time, issue link, task', async () => {
    const { case: opened } = await openByMessage('Invoice batch import duplicates lines');
    await choose(opened.id, ACTIONS.priority, { value: 'urgent' });
    await eventually(async () =>
      (await stored(opened.id))?.priority === 'urgent' ? true : undefined,
    );
    await choose(opened.id, ACTIONS.queue, { value: 'general' });
    await eventually(async () =>
      (await stored(opened.id))?.queueKey === 'general' ? true : undefined,
    );
    await choose(opened.id, ACTIONS.assign, { user: 'U06THERR01' });
    await eventually(async () =>
      (await stored(opened.id))?.assigneeName === 'Tomás Herrera' ? true : undefined,
    );
    expect(
      (
        await submit(VIEWS.logTime, opened.id, {
          minutes: { value: { type: 'number_input', value: '25' } },
        })
      ).body,
    ).toBe('');
    expect(
      (
        await submit(VIEWS.linkIssue, opened.id, {
          issue_url: {
            value: { type: 'url_text_input', value: 'https://github.com/ledgerline/erp/issues/77' },
          },
        })
      ).body,
    ).toBe('');
    expect(
      (
        await submit(VIEWS.createTask, opened.id, {
          task_title: { value: stateValue.text('Ask DBA for the import log') },
        })
      ).body,
    ).toBe('');
    const after = (await stored(opened.id))!;
    expect(after).toMatchObject({
      minutesLogged: 25,
      linkedIssues: [{ url: 'https://github.com/ledgerline/erp/issues/77' }],
    });
    expect(after.tasks.map((t) => t.title)).toEqual(['Ask DBA for the import log']);
    const blocked = await submit(VIEWS.resolve, opened.id, {
      resolution_type: { value: stateValue.select('fixed') },
      resolution_text: { value: stateValue.text('Removed the duplicates.') },
    });
    expect(blocked.json).toMatchObject({
      response_action: 'errors',
      errors: { resolution_text: '1 open task blocks solving.' },
    });
  });

  it('resolves from the modal, and the customer closes the case with their button', async () => {
    const {
      case: opened,
      channel,
      ts,
    } = await openByMessage('Invoice footer shows the old address');
    await post(
      'interaction',
      blockActions({ actionId: ACTIONS.claim, value: opened.id, channel: TRIAGE }),
    );
    await eventually(async () => ((await stored(opened.id))?.assigneeId ? true : undefined));
    await submit(VIEWS.resolve, opened.id, {
      resolution_type: { value: stateValue.select('fixed') },
      resolution_text: { value: stateValue.text('Updated the company address in the template.') },
    });
    await fake().waitFor(
      'chat.postMessage',
      (c) =>
        c.args.channel === channel && c.args.thread_ts === ts && /Solved/.test(String(c.args.text)),
    );
    await eventually(async () => ((await stored(opened.id))?.resolutionSentAt ? true : undefined));
    await post(
      'interaction',
      blockActions({
        actionId: ACTIONS.closeMine,
        value: opened.id,
        user: SLACK_CUSTOMER.userId,
        team: SLACK_CUSTOMER.teamId,
        channel,
      }),
    );
    await eventually(async () =>
      (await stored(opened.id))?.statusCategory === 'closed' ? true : undefined,
    );
  });
});
