import { NOT_SAVED } from '../../adapters/shared/words.js';
import { serve, type RunningApp } from '../../src/main.js';
import { MongoInbox } from '../../src/store/inbox/mongo-inbox.js';
import { startDatabaseProcess, type DatabaseProcess } from '../support/database-process.js';
import {
  cardAction,
  messageActivity,
  postActivity,
  TEAMS_AGENT,
  TEAMS_CUSTOMER,
} from '../support/teams/activities.js';
import { teamsTestConfig } from '../support/teams/app-under-test.js';
import { eventually } from '../support/teams/e2e.js';
import { startFakeConnector, type FakeConnector } from '../support/teams/fake-connector.js';

describe('Caseline in Teams: when the database cannot take an activity', () => {
  let database: DatabaseProcess;
  let connector: FakeConnector;
  let app: RunningApp;
  let appUrl: string;
  const chat = { id: 'a:grace-inbox-down', conversationType: 'personal' as const };

  beforeAll(async () => {
    database = await startDatabaseProcess('teams_inbox_down');
    connector = await startFakeConnector();
    connector.addMember(TEAMS_CUSTOMER.id, {
      email: TEAMS_CUSTOMER.email,
      name: TEAMS_CUSTOMER.name,
    });
    app = await serve({
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        MONGODB_URI: database.uri,
        CASELINE_CONFIG: teamsTestConfig(),
        CASELINE_PLAYGROUND: 'off',
      },
      cwd: process.cwd(),
      importExamplesFrom: 'examples',
    });
    appUrl = `http://127.0.0.1:${app.port}`;
  });
  afterAll(async () => {
    await database.restart().catch(() => undefined);
    await app.shutdown('test over');
    await connector.close();
    await database.dispose();
  });

  it('answers a message 503 and a card press with the error Teams shows on the card; the redelivered message opens its case once', async () => {
    await database.kill();
    const message = messageActivity(connector.url, {
      from: TEAMS_CUSTOMER,
      conversation: chat,
      text: 'Cold-chain labels print without the batch number',
    });
    expect((await postActivity(appUrl, message)).status).toBe(503);
    const press = await postActivity(
      appUrl,
      cardAction(connector.url, {
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

    await database.restart();
    // The Bot Framework sends the refused activity again; twice, as it may.
    const accepted = await eventually(async () => {
      const answer = await postActivity(appUrl, message);
      return answer.status === 200 ? answer : undefined;
    }, 30_000);
    expect(accepted.status).toBe(200);
    expect((await postActivity(appUrl, message)).status).toBe(200);
    const opened = await eventually(
      () => app.core.cases.findByIntakeKey(`teams:${chat.id}:${message.id}`),
      30_000,
    );
    expect(opened.title).toContain('batch number');
    const inbox = new MongoInbox(app.core.connection);
    await eventually(async () => ((await inbox.count('pending')) === 0 ? true : undefined), 10_000);
    expect(await inbox.count('done')).toBe(1);
    await eventually(async () =>
      connector.calls.some((c) => c.conversationId === chat.id && c.method === 'POST')
        ? true
        : undefined,
    );
    expect(
      connector.calls.filter((c) => c.conversationId === chat.id && c.method === 'POST'),
    ).toHaveLength(1);
  });
});
