import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';
import { startDatabase } from '../../../src/infra/database/index.js';

describe('the database bootstrap', () => {
  it('gives the tests a server that answers ping and stores documents', async () => {
    const connection = await connectTestDatabase('bootstrap');
    try {
      const pong = await connection.db!.admin().command({ ping: 1 });
      expect(pong.ok).toBe(1);
      await connection.collection('probe').insertOne({ _id: 'x' as never, n: 1 });
      expect(await connection.collection('probe').countDocuments()).toBe(1);
    } finally {
      await closeTestDatabase(connection);
    }
  });

  it('fails with every option listed when no server can start', async () => {
    const attempt = startDatabase({
      ephemeral: true,
      log: () => undefined,
      candidates: [
        { kind: 'mongod', unavailable: () => 'no `mongod` on PATH', start: () => Promise.reject(new Error('unused')) },
        { kind: 'ferretdb', unavailable: () => undefined, start: () => Promise.reject(new Error('build failed')) },
      ],
    });
    await expect(attempt).rejects.toThrow(/MONGODB_URI[\s\S]*mongod[\s\S]*FerretDB[\s\S]*memory-server[\s\S]*build failed/);
  });

  it('uses MONGODB_URI as given without starting anything', async () => {
    const handle = await startDatabase({ mongodbUri: 'mongodb://db.example:27017/x', log: () => undefined });
    expect(handle).toMatchObject({ uri: 'mongodb://db.example:27017/x', kind: 'external' });
    await handle.stop();
  });
});
