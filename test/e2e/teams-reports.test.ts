/**
 * `report [sla|backlog|csat|workload] [--days N]` typed to the bot in Teams, over HTTP: a
 * lead gets an Adaptive Card with the key figures; a plain agent and a customer are refused.
 */
import { randomUUID } from 'node:crypto';
import { messageActivity } from '../support/teams/activities.js';
import type { ConnectorCall } from '../support/teams/fake-connector.js';
import { cardOf, TEAMS_AGENT, TEAMS_CUSTOMER, useTeamsE2E } from '../support/teams/e2e.js';

const e2e = useTeamsE2E();

// Lena Vogt is a lead in examples/agents.csv, known to Teams by her roster email.
const LENA = { id: '29:lena-vogt', name: 'Lena Vogt' } as const;

type Person = { readonly id: string; readonly name: string; readonly aadObjectId?: string };

const ask = async (from: Person, text: string): Promise<ConnectorCall> => {
  const conversation = {
    id: `a:${from.id}-${randomUUID().slice(0, 6)}`,
    conversationType: 'personal' as const,
  };
  const message = messageActivity(e2e.connector.url, { from, conversation, text });
  expect((await e2e.post(message)).status).toBe(200);
  return e2e.connector.waitFor(
    (c) => c.method === 'POST' && c.status === 200 && c.activityId === message.id,
  );
};

describe('Teams: reports in chat', () => {
  beforeAll(async () => {
    e2e.connector.addMember(LENA.id, { email: 'lena.vogt@ledgerline.example', name: LENA.name });
    await e2e.openCase('The till in store 4 prints blank receipts');
  });

  it('gives a lead the backlog as a card', async () => {
    const card = JSON.stringify(cardOf(await ask(LENA, 'report backlog')));
    expect(card).toContain('"text":"Backlog"');
    expect(card).toContain('{"title":"Open","value":"1"}');
    expect(card).toContain('"type":"Table"');
  });

  it('gives a lead SLA attainment and CSAT over the days asked for', async () => {
    const sla = JSON.stringify(cardOf(await ask(LENA, 'report sla --days 7')));
    expect(sla).toContain('Cases opened in the last 7 days, or still open');
    expect(sla).toContain('{"title":"Cases","value":"1"}');
    // Teams turns a typed "--" into a dash; it is still read as --days.
    const csat = JSON.stringify(cardOf(await ask(LENA, 'report csat —days 14')));
    expect(csat).toContain('Answers of the last 14 days');
  });

  it('gives a lead the workload', async () => {
    const card = JSON.stringify(cardOf(await ask(LENA, 'report workload')));
    expect(card).toContain('Tomás Herrera');
    expect(card).toContain('"title":"Agents available"');
  });

  it('refuses a plain agent and a customer, saying who reports are for', async () => {
    expect(String((await ask(TEAMS_AGENT, 'report')).body.text)).toContain(
      'Reports are for leads and admins',
    );
    expect(String((await ask(TEAMS_CUSTOMER, 'report sla')).body.text)).toContain(
      'Reports are for the support desk’s leads and admins',
    );
  });
});
