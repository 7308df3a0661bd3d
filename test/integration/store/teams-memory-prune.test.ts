import type { Connection } from 'mongoose';
import { createTeamsConversationStore } from '../../../adapters/teams/conversation-store.js';
import { PRUNE_AGES } from '../../../src/ports/teams-memory.js';
import {
  createMongoTeamsMemory,
  TEAMS_COLLECTION,
} from '../../../src/store/teams/mongo-teams-memory.js';
import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';

const DAY = 24 * 60 * 60 * 1000;

describe('Teams conversation store: pruning (real database)', () => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await connectTestDatabase('teams_prune');
  });
  afterAll(async () => closeTestDatabase(connection));

  it('forgets old KB offers and earlier versions’ handled activities, and keeps references, users and recent offers', async () => {
    const now = new Date('2026-11-23T09:00:00Z');
    const ago = (ms: number) => new Date(now.getTime() - ms);
    await connection.collection(TEAMS_COLLECTION).insertMany([
      { _id: 'activity|old' as never, at: ago(30 * DAY) },
      { _id: 'activity|new' as never, at: ago(DAY) },
      { _id: 'kb|case-old' as never, offer: {}, at: ago(PRUNE_AGES.kbOfferMs + DAY) },
      { _id: 'kb|case-new' as never, offer: {}, at: ago(PRUNE_AGES.kbOfferMs - DAY) },
      { _id: 'ref|19:old@thread.tacv2' as never, reference: {}, at: ago(400 * DAY) },
      { _id: 'agent|ana' as never, teamsUserId: '29:ana', at: ago(400 * DAY) },
      { _id: 'contact|carol' as never, teamsUserId: '29:carol', at: ago(400 * DAY) },
    ]);
    const store = createTeamsConversationStore(createMongoTeamsMemory(connection));

    expect(await store.prune(now)).toBe(3);
    const left = await connection.collection(TEAMS_COLLECTION).find().toArray();
    expect(left.map((doc) => String(doc._id)).sort()).toEqual([
      'agent|ana',
      'contact|carol',
      'kb|case-new',
      'ref|19:old@thread.tacv2',
    ]);
    expect(await store.prune(now)).toBe(0);
  });
});
