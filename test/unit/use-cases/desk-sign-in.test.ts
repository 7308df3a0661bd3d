import type { Agent } from '../../../src/domain/directory.js';
import type { DeskLinkRedemption, DeskLinkStore } from '../../../src/ports/desk-links.js';
import { makeMintDeskLink } from '../../../src/use-cases/desk/mint-desk-link.js';
import { makeSignInToDesk } from '../../../src/use-cases/desk/sign-in-to-desk.js';

const now = new Date('2026-12-02T12:00:00Z');
const clock = { now: () => now };
const TOKEN = 'a'.repeat(43);

const agent = (id: string, roles: Agent['roles'], active = true) =>
  ({ id, name: id, email: `${id}@desk.example`, roles, active }) as unknown as Agent;
const AGENTS = new Map([
  ['lena', agent('lena', ['lead'])],
  ['priya', agent('priya', ['admin', 'lead'])],
  ['tomas', agent('tomas', ['agent'])],
  ['gone', agent('gone', ['lead'], false)],
]);
const directory = { getAgent: async (id: string) => AGENTS.get(id) };

/** Links that redeem to whichever agent the test names. */
const linksFor = (found: DeskLinkRedemption): DeskLinkStore & { issued: unknown[] } => {
  const issued: unknown[] = [];
  return {
    issued,
    issue: async (agentId, issuedAt, expiresAt) => {
      issued.push({ agentId, issuedAt, expiresAt });
      return TOKEN;
    },
    peek: async () => found,
    redeem: async () => found,
  };
};

describe('minting a desk link', () => {
  it('gives a lead a link that expires in ten minutes', async () => {
    const links = linksFor({ outcome: 'unknown' });
    const minted = await makeMintDeskLink({ links, clock })({
      actor: { kind: 'staff', agentId: 'lena', role: 'lead', name: 'Lena' },
    });
    expect(minted).toEqual({
      ok: true,
      value: { token: TOKEN, expiresAt: new Date('2026-12-02T12:10:00Z') },
    });
    expect(links.issued).toEqual([
      { agentId: 'lena', issuedAt: now, expiresAt: new Date('2026-12-02T12:10:00Z') },
    ]);
  });

  it.each([
    ['a customer', { kind: 'customer', contactId: 'c1', organizationId: 'o1', name: 'Grace' }],
    ['a plain agent', { kind: 'staff', agentId: 'tomas', role: 'agent', name: 'Tomás' }],
  ])('stores nothing for %s', async (_who, actor) => {
    const links = linksFor({ outcome: 'unknown' });
    const minted = await makeMintDeskLink({ links, clock })({ actor });
    expect(minted).toMatchObject({ ok: false, code: 'not-allowed' });
    expect(links.issued).toEqual([]);
  });
});

describe('signing in with a link', () => {
  const signInAs = (agentId: string) =>
    makeSignInToDesk({
      links: linksFor({ outcome: 'signed-in', agentId }),
      directory,
      clock,
    }).redeem(TOKEN);

  it('signs in a lead and an admin with their strongest role', async () => {
    expect(await signInAs('lena')).toEqual({
      outcome: 'signed-in',
      actor: { kind: 'staff', agentId: 'lena', role: 'lead', name: 'lena' },
    });
    expect(await signInAs('priya')).toMatchObject({ actor: { role: 'admin' } });
  });

  it('refuses an agent no longer a lead, and one made inactive, since the link was made', async () => {
    expect(await signInAs('tomas')).toEqual({ outcome: 'not-allowed' });
    expect(await signInAs('gone')).toEqual({ outcome: 'not-allowed' });
  });

  it('takes no token that is not one of ours without asking the store', async () => {
    const signIn = makeSignInToDesk({
      links: { ...linksFor({ outcome: 'signed-in', agentId: 'lena' }) },
      directory,
      clock,
    });
    expect(await signIn.redeem('../../etc/passwd')).toEqual({ outcome: 'unknown' });
    expect(await signIn.peek(undefined)).toEqual({ outcome: 'unknown' });
  });
});
