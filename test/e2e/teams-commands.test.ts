/**
 * Teams commands typed to the bot (`help`, `list`, `my cases`, `show CASE-1042`, `kb …`) answer
 * like Slack's `/support` and never open a case; lists and case details are shown only
 * where everyone present may see them. With resource-specific consent the bot hears every
 * channel message: chatter in a channel that is neither a support nor a triage channel,
 * without an @mention, changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { staffActor } from '../../adapters/shared/actors.js';
import { ASK_PRIVATELY } from '../../src/presentation/support-answers.js';
import { MongoInbox } from '../../src/store/inbox/mongo-inbox.js';
import { articleDraft } from '../support/kb-article.js';
import { messageActivity, SUPPORT_CHANNEL } from '../support/teams/activities.js';
import type { ConnectorCall } from '../support/teams/fake-connector.js';
import { eventually, TEAMS_AGENT, TEAMS_CUSTOMER, useTeamsE2E } from '../support/teams/e2e.js';

const e2e = useTeamsE2E();

type Person = typeof TEAMS_CUSTOMER | typeof TEAMS_AGENT;
type Place = { id: string; conversationType: 'personal' | 'channel' | 'groupChat' };

const personal = (who: string): Place => ({
  id: `a:${who}-${randomUUID().slice(0, 6)}`,
  conversationType: 'personal',
});

/** Every delivery handled: only then may a test say that nothing happened. */
const drained = async () => {
  const inbox = new MongoInbox(e2e.app.core.connection);
  await eventually(async () => ((await inbox.count('pending')) === 0 ? true : undefined));
};

const caseCount = async () => (await e2e.app.core.cases.list({ limit: 1000 })).length;

/** Sends `text` and returns the bot's answer to it (a reply to that very message). */
const ask = async (from: Person, conversation: Place, text: string): Promise<string> => {
  const message = messageActivity(e2e.connector.url, { from, conversation, text });
  expect((await e2e.post(message)).status).toBe(200);
  const reply: ConnectorCall = await e2e.connector.waitFor(
    (c) => c.method === 'POST' && c.status === 200 && c.activityId === message.id,
  );
  return String(reply.body.text);
};

const agentActor = async () => {
  const agent = await e2e.app.core.directory.findAgentByTeamsUser(TEAMS_AGENT.aadObjectId);
  if (!agent) throw new Error('the example agent is missing');
  return staffActor(agent);
};

describe('Teams commands', () => {
  it('help, list and my cases answer in a personal chat and open no case', async () => {
    const { case: opened } = await e2e.openCase('Scale in store 3 shows the wrong weight');
    const before = await caseCount();
    const chat = personal('grace');
    const help = await ask(TEAMS_CUSTOMER, chat, 'help');
    expect(help).toContain('my cases');
    expect(help).toContain('show CASE-1042');
    expect(help).not.toContain('new case for'); // an agent's command
    expect(await ask(TEAMS_CUSTOMER, chat, 'my cases')).toContain(opened.number);
    const list = await ask(TEAMS_CUSTOMER, chat, 'list');
    expect(list).toContain(opened.number);
    expect(list).toContain('Cases still being worked on');
    await drained();
    expect(await caseCount()).toBe(before);
  });

  it('show gives a customer the public history only, and an agent the internal notes too', async () => {
    const { case: opened } = await e2e.openCase('Receipt printer cuts the paper too early');
    const noted = await e2e.app.core.useCases.addInternalNote({
      ref: { caseId: opened.id },
      actor: await agentActor(),
      text: 'Firmware 2.1 known bad; ask vendor',
    });
    expect(noted.ok).toBe(true);
    const customerView = await ask(TEAMS_CUSTOMER, personal('grace'), `show ${opened.number}`);
    expect(customerView).toContain(opened.number);
    expect(customerView).toContain('Receipt printer cuts the paper too early');
    expect(customerView).not.toContain('Firmware');
    const agentView = await ask(TEAMS_AGENT, personal('tomas'), `show ${opened.number}`);
    expect(agentView).toContain('Firmware 2.1 known bad');
    expect(agentView).toContain('internal');
  });

  it('in a customer’s support channel, the customer gets their list and an agent is sent to a personal chat', async () => {
    const { case: opened } = await e2e.openCase('Loyalty points missing after refund');
    const thread = (root: string): Place => ({
      id: `${SUPPORT_CHANNEL};messageid=${root}`,
      conversationType: 'channel',
    });
    const before = await caseCount();
    expect(await ask(TEAMS_CUSTOMER, thread('1700000900001'), 'my cases')).toContain(opened.number);
    const agent = await ask(TEAMS_AGENT, thread('1700000900002'), 'list');
    expect(agent).toBe(ASK_PRIVATELY);
    expect(agent).not.toContain(opened.number);
    await drained();
    expect(await caseCount()).toBe(before);
  });

  it('kb QUESTION answers with the articles the asker may read, and opens no case', async () => {
    const system = { kind: 'system', name: 'teams commands e2e' } as const;
    for (const article of [
      articleDraft({
        slug: 'scanner-beeps-twice',
        title: 'Hand scanner beeps twice and reads nothing',
        problem: 'The hand scanner beeps twice at the till.',
        solution: 'Scan the *reset* barcode in the scanner manual.',
      }),
      articleDraft({
        slug: 'scanner-firmware-internal',
        title: 'Scanner firmware rollback for the desk',
        problem: 'Hand scanner beeps twice after the firmware update.',
        visibility: 'internal',
      }),
    ])
      expect((await e2e.app.core.kb.useCases.saveKbArticle({ actor: system, article })).ok).toBe(
        true,
      );
    const before = await caseCount();
    const customer = await ask(TEAMS_CUSTOMER, personal('grace'), 'kb scanner beeps twice');
    expect(customer).toContain('Hand scanner beeps twice and reads nothing');
    expect(customer).toContain('scanner-beeps-twice');
    expect(customer).not.toContain('firmware rollback');
    const agent = await ask(TEAMS_AGENT, personal('tomas'), 'kb scanner beeps twice');
    expect(agent).toContain('Scanner firmware rollback for the desk');
    // In a customer's channel an agent's answer could show internal articles to them.
    const channel = {
      id: `${SUPPORT_CHANNEL};messageid=1700000900003`,
      conversationType: 'channel',
    } as const;
    expect(await ask(TEAMS_AGENT, channel, 'kb scanner beeps twice')).toBe(ASK_PRIVATELY);
    expect(await ask(TEAMS_CUSTOMER, personal('grace'), 'kb zebra unicorn')).toContain(
      'no articles',
    );
    await drained();
    expect(await caseCount()).toBe(before);
  });

  it('a request that starts like a command is still a request', async () => {
    const chat = personal('grace');
    const message = messageActivity(e2e.connector.url, {
      from: TEAMS_CUSTOMER,
      conversation: chat,
      text: 'list of prices on the shelf labels is wrong',
    });
    await e2e.post(message);
    const opened = await eventually(() =>
      e2e.app.core.cases.findByIntakeKey(`teams:${chat.id}:${message.id}`),
    );
    expect(opened.title).toContain('list of prices');
  });
});

describe('Teams: channels that are not the desk’s', () => {
  const OTHER = '19:lunchplans@thread.tacv2';
  const refs = () => e2e.app.core.connection.collection<{ _id: string }>('teamsConversations');

  it('chatter without an @mention changes nothing: no answer, no case, no stored reference', async () => {
    const before = await caseCount();
    for (const text of ['Lunch at noon?', 'help']) {
      const root = String(1700000950000 + text.length);
      await e2e.post(
        messageActivity(e2e.connector.url, {
          from: TEAMS_CUSTOMER,
          conversation: { id: `${OTHER};messageid=${root}`, conversationType: 'channel' },
          text,
          id: root,
        }),
      );
    }
    await drained();
    expect(e2e.connector.calls.filter((c) => c.conversationId.startsWith(OTHER))).toEqual([]);
    expect(await refs().findOne({ _id: `ref|${OTHER}` })).toBeNull();
    expect(await caseCount()).toBe(before);
  });

  it('an @mention there is answered as before', async () => {
    const bot = { id: '28:caseline-bot', name: 'Caseline' };
    const message = {
      ...messageActivity(e2e.connector.url, {
        from: TEAMS_CUSTOMER,
        conversation: { id: `${OTHER};messageid=1700000960001`, conversationType: 'channel' },
        text: '<at>Caseline</at> help',
        id: '1700000960001',
      }),
      entities: [{ type: 'mention', text: '<at>Caseline</at>', mentioned: bot }],
    };
    await e2e.post(message);
    const reply = await e2e.connector.waitFor(
      (c) => c.method === 'POST' && c.status === 200 && c.activityId === message.id,
    );
    expect(String(reply.body.text)).toContain('my cases');
    expect(await refs().findOne({ _id: `ref|${OTHER}` })).not.toBeNull();
  });
});
