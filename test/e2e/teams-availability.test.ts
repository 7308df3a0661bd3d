/**
 * `away [until DATE]` and `back` typed to the bot in Teams, over HTTP: answered, stored,
 * and the agent's `list` says who in each queue is available. In a customer's channel the
 * same words are words to the customer, not commands.
 */
import { randomUUID } from 'node:crypto';
import { ASK_PRIVATELY } from '../../src/presentation/support-answers.js';
import { MongoAgentStatus } from '../../src/store/agents/mongo-agent-status.js';
import { MongoInbox } from '../../src/store/inbox/mongo-inbox.js';
import { setRota, triggerDailyJob } from '../support/rota.js';
import { DESK_CHANNEL, messageActivity, SUPPORT_CHANNEL } from '../support/teams/activities.js';
import type { ConnectorCall } from '../support/teams/fake-connector.js';
import { eventually, TEAMS_AGENT, TEAMS_CUSTOMER, useTeamsE2E } from '../support/teams/e2e.js';

const e2e = useTeamsE2E();

type Person = typeof TEAMS_CUSTOMER | typeof TEAMS_AGENT;
type Place = { id: string; conversationType: 'personal' | 'channel' | 'groupChat' };

const personal = (who: string): Place => ({
  id: `a:${who}-${randomUUID().slice(0, 6)}`,
  conversationType: 'personal',
});

const ask = async (from: Person, conversation: Place, text: string): Promise<string> => {
  const message = messageActivity(e2e.connector.url, { from, conversation, text });
  expect((await e2e.post(message)).status).toBe(200);
  const reply: ConnectorCall = await e2e.connector.waitFor(
    (c) => c.method === 'POST' && c.status === 200 && c.activityId === message.id,
  );
  return String(reply.body.text);
};

const stored = async () => {
  const agent = await e2e.app.core.directory.findAgentByTeamsUser(TEAMS_AGENT.aadObjectId);
  const statuses = new MongoAgentStatus(e2e.app.core.connection, async () => new Map());
  return (await statuses.statusesOf([agent!.id])).get(agent!.id);
};

describe('Teams: away and back', () => {
  it('sets an agent away until a date, shows it in the list, and back again', async () => {
    const chat = personal('tomas');
    expect(await ask(TEAMS_AGENT, chat, 'away until 2099-01-05 09:30')).toContain(
      'You are away until 2099-01-05 09:30 UTC',
    );
    expect(await stored()).toMatchObject({
      state: 'away',
      until: new Date('2099-01-05T09:30:00Z'),
    });
    const list = await ask(TEAMS_AGENT, chat, 'list');
    expect(list).toContain('**Who is available**');
    expect(list).toContain('⚪ Tomás Herrera: away until 2099-01-05 09:30 UTC');

    expect(await ask(TEAMS_AGENT, chat, 'back')).toContain('You are back');
    expect(await stored()).toMatchObject({ state: 'available' });
    expect(await ask(TEAMS_AGENT, chat, 'list')).toContain('🟢 Tomás Herrera: available');
  });

  it('refuses a date in the past, and a customer', async () => {
    expect(await ask(TEAMS_AGENT, personal('tomas'), 'away until 2020-01-01')).toContain(
      'already past',
    );
    expect(await ask(TEAMS_CUSTOMER, personal('grace'), 'away')).toContain(
      'Only agents set themselves away or back',
    );
    // A customer's list shows no one's availability.
    expect(await ask(TEAMS_CUSTOMER, personal('grace'), 'list')).not.toContain('Who is available');
  });

  it("takes 'back' in a customer's channel as a message, not a command", async () => {
    const before = await stored();
    const channel: Place = { id: SUPPORT_CHANNEL, conversationType: 'channel' };
    const message = messageActivity(e2e.connector.url, {
      from: TEAMS_AGENT,
      conversation: channel,
      text: 'back',
    });
    expect((await e2e.post(message)).status).toBe(200);
    // Every delivery handled: only then may the test say that nothing was answered.
    const inbox = new MongoInbox(e2e.app.core.connection);
    await eventually(async () => ((await inbox.count('pending')) === 0 ? true : undefined));
    const answers = e2e.connector.writes(
      (c) => c.activityId === message.id || c.conversationId === SUPPORT_CHANNEL,
    );
    // Neither taken (You are back) nor refused as a command (ask me in a personal chat).
    for (const text of answers.map((c) => String(c.body.text))) {
      expect(text).not.toContain('You are back');
      expect(text).not.toContain(ASK_PRIVATELY);
    }
    expect(await stored()).toEqual(before);
  });

  it('shows the rota, and announces the turn once in the queue channel in Teams', async () => {
    await setRota(e2e.app, 'general', {
      people: ['tomas.herrera@ledgerline.example', 'jun.park@ledgerline.example'],
    });
    const chat = personal('tomas');
    const shown = await ask(TEAMS_AGENT, chat, 'rota');
    expect(shown).toContain(
      "**General Support (Europe/Berlin; takes new cases, in turn with the queue's members)**",
    );
    expect(shown).toMatch(
      /- Now: Tomás Herrera, until \w{3} \d{1,2} \w{3} 09:00\n- \w{3} \d{1,2} \w{3} 09:00: Jun Park/,
    );
    expect(await ask(TEAMS_CUSTOMER, personal('grace'), 'rota')).toContain(
      'The support rota is for the support team',
    );

    const announcements = () =>
      e2e.connector.writes((c) =>
        JSON.stringify(c.body).includes('General Support rota: Tomás Herrera is on duty until'),
      );
    await triggerDailyJob(e2e.app, 'rota-check');
    await eventually(async () => (announcements().length >= 2 ? true : undefined));
    // Checked again (another day, another replica): the turn is not announced again.
    await triggerDailyJob(e2e.app, 'rota-check');
    // The queue's channel, and the person on duty in their chat with the bot.
    expect(
      announcements()
        .map((c) => c.conversationId)
        .sort(),
    ).toEqual([DESK_CHANNEL, chat.id].sort());
  });
});
