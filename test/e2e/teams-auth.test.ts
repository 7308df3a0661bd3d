/**
 * With MICROSOFT_APP_ID set, /api/messages takes only authenticated activities: a request
 * without a Bot Framework token is refused and opens nothing; the playground stays off.
 */
import type { RunningApp } from '../../src/main.js';
import {
  cardAction,
  messageActivity,
  postActivity,
  TEAMS_CUSTOMER,
} from '../support/teams/activities.js';
import { serveForTeams } from '../support/teams/app-under-test.js';

let app: RunningApp;

beforeAll(async () => {
  app = await serveForTeams({
    MICROSOFT_APP_ID: '0b9e8d7c-6a5b-4c3d-9e2f-1a0b9c8d7e6f',
    MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
    CASELINE_PLAYGROUND: 'auto',
  });
});
afterAll(() => app.shutdown('test over'));

const url = () => `http://127.0.0.1:${app.port}`;
const chat = { id: 'a:grace-unauth', conversationType: 'personal' as const };

describe('Teams with an app id', () => {
  it('refuses a message without a token, and no case opens', async () => {
    const message = messageActivity('http://127.0.0.1:9/', {
      from: TEAMS_CUSTOMER,
      conversation: chat,
      text: 'Till broken',
    });
    const answer = await postActivity(url(), message);
    expect(answer.status).toBe(401);
    expect(await app.core.cases.findByIntakeKey(`teams:${chat.id}:${message.id}`)).toBeUndefined();
  });

  it('refuses a card press without a token', async () => {
    const press = cardAction('http://127.0.0.1:9/', {
      from: TEAMS_CUSTOMER,
      conversation: chat,
      verb: 'claim',
      data: { caseId: 'x' },
    });
    expect((await postActivity(url(), press)).status).toBe(401);
  });

  it('serves no playground', async () => {
    expect((await fetch(`${url()}/`)).status).toBe(404);
  });
});
