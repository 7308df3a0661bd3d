import { NOT_SAVED } from '../../adapters/shared/words.js';
import { MongoInbox } from '../../src/store/inbox/mongo-inbox.js';
import { inTestProcess, useTeamsRig } from '../support/fault-rig.js';
import {
  cardAction,
  messageActivity,
  postActivity,
  TEAMS_AGENT,
  TEAMS_CUSTOMER,
} from '../support/teams/activities.js';
import { eventually } from '../support/teams/e2e.js';

describe('Caseline in Teams: when the database cannot take an activity', () => {
  const rig = useTeamsRig('teams_inbox_down', inTestProcess);
  const chat = { id: 'a:grace-inbox-down', conversationType: 'personal' as const };

  beforeAll(() =>
    rig.fake.addMember(TEAMS_CUSTOMER.id, {
      email: TEAMS_CUSTOMER.email,
      name: TEAMS_CUSTOMER.name,
    }),
  );

  it('answers a message 503 and a card press with the error Teams shows on the card; the redelivered message opens its case once', async () => {
    await rig.db.kill();
    const message = messageActivity(rig.fake.url, {
      from: TEAMS_CUSTOMER,
      conversation: chat,
      text: 'Cold-chain labels print without the batch number',
    });
    expect((await postActivity(rig.url, message)).status).toBe(503);
    const press = await postActivity(
      rig.url,
      cardAction(rig.fake.url, {
        from: TEAMS_AGENT,
        conversation: chat,
        verb: 'claim',
        data: { caseId: 'c-1' },
      }),
    );
    expect(press.status).toBe(200);
    expect(press.body).toMatchObject({
      statusCode: 503,
      type: 'application/vnd.microsoft.error',
      value: { message: NOT_SAVED },
    });

    await rig.db.restart();
    // The Bot Framework sends the refused activity again; twice, as it may.
    const accepted = await eventually(async () => {
      const answer = await postActivity(rig.url, message);
      return answer.status === 200 ? answer : undefined;
    }, 30_000);
    expect(accepted.status).toBe(200);
    expect((await postActivity(rig.url, message)).status).toBe(200);
    const opened = await eventually(
      () => rig.app.core.cases.findByIntakeKey(`teams:${chat.id}:${message.id}`),
      30_000,
    );
    expect(opened.title).toContain('batch number');
    const inbox = new MongoInbox(rig.app.core.connection);
    await eventually(async () => ((await inbox.count('pending')) === 0 ? true : undefined), 10_000);
    expect(await inbox.count('done')).toBe(1);
    await eventually(async () =>
      rig.fake.calls.some((c) => c.conversationId === chat.id && c.method === 'POST')
        ? true
        : undefined,
    );
    expect(
      rig.fake.calls.filter((c) => c.conversationId === chat.id && c.method === 'POST'),
    ).toHaveLength(1);
  });
});
