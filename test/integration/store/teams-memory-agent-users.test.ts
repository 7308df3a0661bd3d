import type { Connection } from 'mongoose';
import { createTeamsConversationStore } from '../../../adapters/teams/conversation-store.js';
import { createMongoTeamsMemory } from '../../../src/store/teams/mongo-teams-memory.js';
import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';

describe('Teams conversation store: agents’ Teams user ids (real database)', () => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await connectTestDatabase('teams_agent_users');
  });
  afterAll(async () => closeTestDatabase(connection));

  it('lists agents only, and an agent this replica just met at once, though the list is kept', async () => {
    const store = createTeamsConversationStore(createMongoTeamsMemory(connection));
    expect(await store.agentUserIds()).toEqual([]);
    await store.rememberAgentUser('ana', '29:ana');
    await store.rememberContactUser('carol', '29:carol');
    expect(await store.agentUserIds()).toEqual(['29:ana']);
    await store.rememberAgentUser('ben', '29:ben', 'a:ben-chat', 'Europe/Berlin');
    expect((await store.agentUserIds()).sort()).toEqual(['29:ana', '29:ben']);
  });
});
