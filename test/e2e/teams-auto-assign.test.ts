import { messageActivity } from '../support/teams/activities.js';
import type { ConnectorCall } from '../support/teams/fake-connector.js';
import { DESK_CHANNEL, eventually, TEAMS_AGENT, useTeamsE2E } from '../support/teams/e2e.js';

const TOMAS = 'tomas.herrera@ledgerline.example';

describe('Teams: automatic assignment', () => {
  const e2e = useTeamsE2E();

  // Every queue gives its new cases to Tomás. Set once the app runs: the example import
  // at start replaces the queues caseline.yaml wrote.
  beforeAll(async () => {
    const directory = e2e.app.core.directory;
    const queues = await directory.listQueues();
    await directory.upsertQueues(
      queues.map(({ id: _id, ...queue }) => ({
        ...queue,
        members: [TOMAS],
        assignment: { strategy: 'least-loaded', skills: false, handOnWhenAway: false },
      })),
    );
    directory.clear();
  });

  const cardsIn = (conversationId: string, text: string): ConnectorCall[] =>
    e2e.connector.calls.filter(
      (c) =>
        c.status === 200 &&
        c.conversationId === conversationId &&
        JSON.stringify(c.body.attachments ?? []).includes(text),
    );

  it('shows the owner the queue chose on the customer and agent cards', async () => {
    const opened = await e2e.openCase('The card terminal at till 4 declines every card');
    const stored = await eventually(async () => {
      const found = await e2e.app.core.cases.findById(opened.case.id);
      return found?.assigneeName ? found : undefined;
    });
    expect(stored.assigneeName).toBe('Tomás Herrera');
    expect(stored.events.find((e) => e.type === 'assigned')?.data?.reason).toBe('least-loaded');
    await eventually(async () =>
      cardsIn(opened.conversation.id, 'Tomás Herrera').length > 0 ? true : undefined,
    );
    await eventually(async () =>
      cardsIn(DESK_CHANNEL, 'Tomás Herrera').length > 0 ? true : undefined,
    );
  });

  it('tells the owner by a message in their chat with the bot, saying why', async () => {
    // The bot can write to Tomás once he has written to it.
    const chat = { id: 'a:tomas-assign', conversationType: 'personal' as const };
    const hello = messageActivity(e2e.connector.url, {
      from: TEAMS_AGENT,
      conversation: chat,
      text: 'help',
    });
    expect((await e2e.post(hello)).status).toBe(200);
    await e2e.connector.waitFor((c) => c.activityId === hello.id && c.status === 200);
    const opened = await e2e.openCase('The receipt printer at till 2 prints blank slips');
    const told = await e2e.connector.waitFor(
      (c) =>
        c.method === 'POST' &&
        c.status === 200 &&
        c.conversationId === chat.id &&
        String(c.body.text).includes(opened.case.number),
    );
    expect(String(told.body.text)).toContain('is yours (least-loaded)');
  });
});
