import { MongoClient } from 'mongodb';
import { startDatabaseProcess } from '../../support/database-process.js';

test('a database process of the test own is killed for real and comes back with its data', async () => {
  const db = await startDatabaseProcess('dbproc');
  try {
    const client = new MongoClient(db.uri, { serverSelectionTimeoutMS: 2000 });
    await client
      .db()
      .collection('things')
      .insertOne({ _id: 'a' as never });
    await db.kill();
    await expect(client.db().collection('things').findOne({})).rejects.toThrow();
    await db.restart();
    expect(await client.db().collection('things').countDocuments()).toBe(1);
    await client.close();
  } finally {
    await db.dispose();
  }
});
