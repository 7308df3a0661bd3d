import type { Connection } from 'mongoose';
import { describeInboxContract } from '../../contracts/inbox.contract.js';
import { MongoInbox } from '../../../src/store/inbox/mongo-inbox.js';
import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';

describeInboxContract('MongoDB', async () => {
  const connection = await connectTestDatabase('inbox_contract');
  return { inbox: new MongoInbox(connection), close: () => closeTestDatabase(connection) };
});

describe('the inbox on MongoDB', () => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await connectTestDatabase('inbox');
  });
  afterAll(() => closeTestDatabase(connection));

  it('keeps an ended entry as its key alone: what it carried is dropped', async () => {
    const inbox = new MongoInbox(connection);
    const until = new Date('2026-12-02T09:00:30Z');
    await inbox.add(
      { key: 'k-ended', source: 'slack', payload: '{"text":"a customer message"}' },
      new Date('2026-12-02T09:00:00Z'),
      { owner: 'a', until },
    );
    await inbox.finish('k-ended', 'a', 'done', new Date('2026-12-02T09:00:01Z'));
    const ended = await connection.collection('inbox').findOne({ _id: 'k-ended' as never });
    expect(ended).toMatchObject({ state: 'done' });
    expect(ended).not.toHaveProperty('payload');
  });
});
