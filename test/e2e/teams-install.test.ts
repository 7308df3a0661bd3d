/**
 * Installing the app in a team is enough for agent cards to reach any of its channels:
 * Teams tells the bot only about the channel it was added in, so at installation the bot
 * lists the team's channels (TeamsInfo.getTeamChannels) and keeps a conversation reference
 * for each; a channel created later is remembered when Teams announces it. No one has to
 * @mention the bot in a triage channel first.
 */
import { MongoInbox } from '../../src/store/inbox/mongo-inbox.js';
import { botAddedToChannel, messageActivity } from '../support/teams/activities.js';
import { eventually, TEAMS_CUSTOMER, useTeamsE2E } from '../support/teams/e2e.js';

const e2e = useTeamsE2E();

const refs = () => e2e.app.core.connection.collection<{ _id: string }>('teamsConversations');
const referenceOf = (channel: string) =>
  eventually(async () => (await refs().findOne({ _id: `ref|${channel}` })) ?? undefined);

/** The general queue's agent cards go to `channel` from now on. */
const triageIn = async (channel: string) => {
  const queues = e2e.app.core.config.queues.map((q) =>
    q.key === 'general' ? { ...q, triageChannel: `teams:${channel}` } : q,
  );
  await e2e.app.core.directory.upsertQueues(queues);
};

/** A customer's new request, and the agent card the connector saw posted in `channel`. */
const agentCardIn = async (channel: string, text: string) => {
  const chat = { id: `a:grace-${channel.slice(3, 12)}`, conversationType: 'personal' as const };
  const message = messageActivity(e2e.connector.url, {
    from: TEAMS_CUSTOMER,
    conversation: chat,
    text,
  });
  await e2e.post(message);
  const opened = await eventually(() =>
    e2e.app.core.cases.findByIntakeKey(`teams:${chat.id}:${message.id}`),
  );
  const card = await e2e.connector.waitFor(
    (c) =>
      c.method === 'POST' &&
      c.status === 200 &&
      c.conversationId === channel &&
      JSON.stringify(c.body).includes(opened.number),
  );
  return { opened, card };
};

describe('Teams: installing the app in a team', () => {
  it('an installationUpdate makes every channel of the team reachable: the agent card reaches the triage channel', async () => {
    const team = '19:storeops-general@thread.tacv2';
    const triage = '19:storeops-triage@thread.tacv2';
    e2e.connector.addTeam(team, [{ id: team }, { id: triage, name: 'Triage' }]);
    const installed = {
      ...botAddedToChannel(e2e.connector.url, team),
      type: 'installationUpdate',
      action: 'add',
      membersAdded: undefined,
    };
    expect((await e2e.post(installed)).status).toBe(200);
    await referenceOf(triage);
    await triageIn(triage);
    const { card } = await agentCardIn(triage, 'Shelf label printer jams on every third label');
    // A new post in the channel (no thread yet), through the reference made at installation.
    expect(card.activityId).toBeUndefined();
    expect(
      e2e.connector.calls.some(
        (c) => c.method === 'POST' && c.conversationId === triage && c.status !== 200,
      ),
    ).toBe(false);
  });

  it('the bot added to a team (conversationUpdate) does the same, and a channel created later is remembered', async () => {
    const team = '19:finance-general@thread.tacv2';
    const triage = '19:finance-triage@thread.tacv2';
    e2e.connector.addTeam(team, [{ id: team }, { id: triage, name: 'Triage' }]);
    await e2e.post(botAddedToChannel(e2e.connector.url, team));
    await referenceOf(triage);
    const later = '19:finance-escalations@thread.tacv2';
    const created = {
      ...botAddedToChannel(e2e.connector.url, team),
      membersAdded: undefined,
      channelData: {
        tenant: { id: 'ignored' },
        team: { id: team },
        channel: { id: later, name: 'Escalations' },
        eventType: 'channelCreated',
      },
    };
    await e2e.post(created);
    await referenceOf(later);
    await triageIn(later);
    await agentCardIn(later, 'Handheld scanner beeps twice at every scan');
  });

  it('a team whose channels cannot be listed keeps the channel it was added in, and nothing fails', async () => {
    const team = '19:unlisted-general@thread.tacv2';
    const added = await e2e.post(botAddedToChannel(e2e.connector.url, team));
    expect(added.status).toBe(200);
    await referenceOf(team);
    // Handled once and done: a failed turn would stay pending for another try.
    const inbox = new MongoInbox(e2e.app.core.connection);
    await eventually(async () => ((await inbox.count('pending')) === 0 ? true : undefined));
    expect(await inbox.count('dead')).toBe(0);
  });
});
