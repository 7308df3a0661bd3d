import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';
import { startDatabase } from '../../../src/infra/database/index.js';
import { freePort } from '../../../src/infra/database/server-process.js';

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
        {
          kind: 'mongod',
          unavailable: () => 'no `mongod` on PATH',
          start: () => Promise.reject(new Error('unused')),
        },
        {
          kind: 'ferretdb',
          unavailable: () => undefined,
          start: () => Promise.reject(new Error('build failed')),
        },
      ],
    });
    await expect(attempt).rejects.toThrow(
      /MONGODB_URI[\s\S]*mongod[\s\S]*FerretDB[\s\S]*memory-server[\s\S]*build failed/,
    );
  });

  it('uses MONGODB_URI as given, once it answers, without starting anything', async () => {
    const uri = process.env.MONGODB_URI!;
    const handle = await startDatabase({ mongodbUri: uri, log: () => undefined });
    expect(handle).toMatchObject({
      uri,
      kind: 'external',
      description: expect.stringContaining('(MONGODB_URI)'),
    });
    await handle.stop();
  });

  it('refuses a MONGODB_URI nothing answers on, naming its host and port', async () => {
    const port = await freePort();
    const attempt = startDatabase({
      mongodbUri: `mongodb://127.0.0.1:${port}/x`,
      log: () => undefined,
    });
    await expect(attempt).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining(`cannot reach the database at 127.0.0.1:${port}`),
    });
  });
});

describe('the test server', () => {
  // Caseline relies on MongoDB applying each single-document update atomically; the
  // FerretDB build carries a patch for that (scripts/ferretdb/). This guards the patch.
  it('applies 20 concurrent version-guarded updates to exactly one winner', async () => {
    const connection = await connectTestDatabase('atomic');
    try {
      const docs = connection.collection<{ _id: string; version: number }>('atomic');
      await docs.insertOne({ _id: 'case', version: 1 });
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          docs.findOneAndUpdate(
            { _id: 'case', version: 1 },
            { $inc: { version: 1 }, $set: { owner: i } },
          ),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await docs.findOne({ _id: 'case' }))?.version).toBe(2);
    } finally {
      await closeTestDatabase(connection);
    }
  });

  // The other patches: a filter naming one _id (plus more conditions) is answered from
  // the _id index rather than a scan; the result must stay exactly what the filter says.
  it('answers an _id filter with more conditions from the key, with the same results', async () => {
    const connection = await connectTestDatabase('pushdown');
    try {
      const docs = connection.collection<{ _id: string; version: number }>('pushdown');
      await docs.insertMany([
        { _id: 'a', version: 1 },
        { _id: 'b', version: 2 },
      ]);
      expect(await docs.findOne({ _id: 'a', version: 1 })).toEqual({ _id: 'a', version: 1 });
      expect(await docs.findOne({ _id: 'a', version: 2 })).toBeNull();
      expect((await docs.deleteOne({ _id: 'b', version: 1 })).deletedCount).toBe(0);
      expect(
        (await docs.updateOne({ _id: 'b', version: 2 }, { $inc: { version: 1 } })).modifiedCount,
      ).toBe(1);
      if (process.env.CASELINE_TEST_DATABASE_KIND === 'ferretdb') {
        const plan = await connection.db!.command({
          explain: { find: 'pushdown', filter: { _id: 'a', version: 1 } },
        });
        expect(plan.filterPushdown).toBe(true);
        // …and SQLite finds it through the _id index instead of scanning the table.
        expect(JSON.stringify(plan.queryPlanner)).toContain('USING INDEX');
      }
    } finally {
      await closeTestDatabase(connection);
    }
  });
});
