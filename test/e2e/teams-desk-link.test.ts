/**
 * `desk` typed to the bot in Teams, over HTTP: a lead gets a one-time link in the personal
 * chat, and it opens the sign-in page; in a channel the link is not posted (anyone there
 * could use it); a customer and a plain agent get none.
 */
import { randomUUID } from 'node:crypto';
import { ASK_FOR_DESK_LINK_PRIVATELY } from '../../src/presentation/desk-sign-in.js';
import { DESK_CHANNEL, messageActivity } from '../support/teams/activities.js';
import { TEAMS_AGENT, TEAMS_CUSTOMER, useTeamsE2E } from '../support/teams/e2e.js';

const e2e = useTeamsE2E();
const LENA = { id: '29:lena-vogt', name: 'Lena Vogt' } as const;
type Person = { readonly id: string; readonly name: string; readonly aadObjectId?: string };
type Place = { id: string; conversationType: 'personal' | 'channel' };

const ask = async (from: Person, text: string, conversation?: Place): Promise<string> => {
  const where = conversation ?? {
    id: `a:${from.id}-${randomUUID().slice(0, 6)}`,
    conversationType: 'personal',
  };
  const message = messageActivity(e2e.connector.url, { from, conversation: where, text });
  expect((await e2e.post(message)).status).toBe(200);
  const reply = await e2e.connector.waitFor(
    (c) => c.method === 'POST' && c.status === 200 && c.activityId === message.id,
  );
  return String(reply.body.text);
};

describe('Teams: desk sign-in links', () => {
  beforeAll(() => {
    e2e.connector.addMember(LENA.id, { email: 'lena.vogt@ledgerline.example', name: LENA.name });
  });

  it('gives a lead a link in the personal chat that opens the sign-in page', async () => {
    const text = await ask(LENA, 'desk');
    const url = /\[Open the desk page\]\((http:\/\/[^)]+)\)/.exec(text)?.[1];
    expect(url).toContain('/desk/sign-in/');
    expect(text).toContain('works once');
    const page = await fetch(url!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('This link signs you in as <strong>Lena Vogt</strong>');
  });

  it('posts no link in a channel', async () => {
    const text = await ask(LENA, 'desk', { id: DESK_CHANNEL, conversationType: 'channel' });
    expect(text).toBe(ASK_FOR_DESK_LINK_PRIVATELY);
  });

  it('gives a plain agent and a customer no link', async () => {
    expect(await ask(TEAMS_AGENT, 'desk')).toContain('The desk page is for leads and admins');
    const customer = await ask(TEAMS_CUSTOMER, 'desk');
    expect(customer).toContain('The desk page is for the support desk’s leads and admins');
    expect(customer).not.toContain('/desk/sign-in/');
  });
});
