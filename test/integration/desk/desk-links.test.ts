/**
 * Desk sign-in links on the real database: stored only as a hash, used at most once even
 * when two requests race, refused once expired; the session key is made once per database.
 */
import type mongoose from 'mongoose';
import { deskSessionKey } from '../../../src/store/desk/desk-session-key.js';
import { MongoDeskLinks } from '../../../src/store/desk/mongo-desk-links.js';
import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';

let connection: mongoose.Connection;
let links: MongoDeskLinks;
const issuedAt = new Date('2026-12-02T10:00:00Z');
const expiresAt = new Date('2026-12-02T10:10:00Z');
const during = new Date('2026-12-02T10:05:00Z');

beforeAll(async () => {
  connection = await connectTestDatabase('desk_links');
  links = new MongoDeskLinks(connection);
});
afterAll(() => closeTestDatabase(connection));

it('stores no working token, only its hash', async () => {
  const token = await links.issue('agent-1', issuedAt, expiresAt);
  const stored = await connection.collection('deskLinks').find({ agentId: 'agent-1' }).toArray();
  expect(stored).toHaveLength(1);
  expect(JSON.stringify(stored)).not.toContain(token);
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
});

it('signs in once when eight requests use the same link at the same moment', async () => {
  const token = await links.issue('agent-2', issuedAt, expiresAt);
  expect(await links.peek(token, during)).toEqual({ outcome: 'signed-in', agentId: 'agent-2' });
  const outcomes = await Promise.all(Array.from({ length: 8 }, () => links.redeem(token, during)));
  expect(outcomes.filter((o) => o.outcome === 'signed-in')).toEqual([
    { outcome: 'signed-in', agentId: 'agent-2' },
  ]);
  expect(outcomes.filter((o) => o.outcome === 'used')).toHaveLength(7);
  expect(await links.peek(token, during)).toEqual({ outcome: 'used' });
});

it('refuses a link at its expiry and a token it never issued', async () => {
  const token = await links.issue('agent-3', issuedAt, expiresAt);
  expect(await links.redeem(token, expiresAt)).toEqual({ outcome: 'expired' });
  expect(await links.redeem('A'.repeat(43), during)).toEqual({ outcome: 'unknown' });
});

it('makes one session key per database, the same for every replica', async () => {
  const keys = await Promise.all([deskSessionKey(connection), deskSessionKey(connection)]);
  expect(keys[0]!.length).toBe(32);
  expect(keys[0]!.equals(keys[1]!)).toBe(true);
});
