import mongoose from 'mongoose';
import { startDatabase } from './src/infra/database/index.ts';
import { importDirectory } from './src/import/index.ts';

const db = await startDatabase({ ephemeral: true, root: '/work/main' });
const conn = await mongoose.createConnection(db.uri, { dbName: 'perf' }).asPromise();
try {
  await importDirectory({ kind: 'organizations', rows: [{ key: 'acme', name: 'Acme' }], connection: conn });
  const rows = Array.from({ length: 5000 }, (_, i) => ({ email: `user${i}@acme.example`, name: `User ${i}`, organizationKey: 'acme', slackTeamId: 'T0ACME', slackUserId: `U${i}X` }));
  for (const label of ['first', 'second']) {
    const t = Date.now();
    const r = await importDirectory({ kind: 'contacts', rows, connection: conn, onProgress: () => undefined });
    console.log(label, Date.now() - t, 'ms', JSON.stringify(r).slice(0, 200));
  }
  const changed = rows.map((r, i) => (i % 10 === 0 ? { ...r, name: r.name + '!' } : r));
  const t = Date.now();
  const r = await importDirectory({ kind: 'contacts', rows: changed, connection: conn });
  console.log('10% changed', Date.now() - t, 'ms', JSON.stringify(r));
} finally {
  await conn.close();
  await db.stop();
}
