import type { Connection } from 'mongoose';
import {
  createTeamsConversationStore,
  PRUNE_AGES,
  TEAMS_COLLECTION,
} from '../../../adapters/teams/conversation-store.js';
import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';

const DAY = 24 * 60 * 60 * 1000;

describe('Teams conversation store: pruning (real database)', () => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await connectTestDatabase('teams_prune');
  });
  afterAll(async () => closeTestDatabase(connection));

  it('forgets old handled activities and KB offers, and keeps references, users and recent records', async () => {
    const now = new Date('2026-11-23T09:00:00Z');
    const ago = (ms: number) => new Date(now.getTime() - ms);
    await connection.collection(TEAMS_COLLECTION).insertMany([
      { _id: 'activity|old' as never, at: ago(PRUNE_AGES.activityMs + DAY) },
      { _id: 'activity|new' as never, at: ago(DAY) },
      { _id: 'kb|case-old' as never, offer: {}, at: ago(PRUNE_AGES.kbOfferMs + DAY) },
      { _id: 'kb|case-new' as never, offer: {}, at: ago(PRUNE_AGES.activityMs + DAY) },
      { _id: 'ref|19:old@thread.tacv2' as never, reference: {}, at: ago(400 * DAY) },
      { _id: 'agent|ana' as never, teamsUserId: '29:ana', at: ago(400 * DAY) },
      { _id: 'contact|carol' as never, teamsUserId: '29:carol', at: ago(400 * DAY) },
    ]);
    const store = createTeamsConversationStore(connection);

    expect(await store.prune(now)).toBe(2);
    const left = await connection.collection(TEAMS_COLLECTION).find().toArray();
    expect(left.map((doc) => String(doc._id)).sort()).toEqual([
      'activity|new',
      'agent|ana',
      'contact|carol',
      'kb|case-new',
      'ref|19:old@thread.tacv2',
    ]);
    // A pruned activity id counts as new again; a kept one is still a redelivery.
    expect(await store.claimActivity('new')).toBe(false);
    expect(await store.claimActivity('old')).toBe(true);
    expect(await store.prune(now)).toBe(0);
  });
});
