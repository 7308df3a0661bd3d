/**
 * npm run bench:core — openCase against a raw insertOne of a document of the same size,
 * on the same server in the same run. Prints latency percentiles, throughput and ratios.
 * Target (issue 3): openCase p99 ≤ 3× insertOne p99.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { BSON } from 'mongodb';
import { pino } from 'pino';
import { composeCore } from '../src/composition.js';
import { loadConfig } from '../src/config.js';
import { importDirectory } from '../src/import/index.js';
import { startDatabase } from '../src/infra/database/index.js';
import { connectMongo } from '../src/infra/mongo-connection.js';
import { toCaseDocument } from '../src/store/cases/mongo-case-repository.js';

const N = Number(process.env.BENCH_N ?? 1000);
const CONCURRENCY = 8;

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const measure = async (label: string, op: (i: number) => Promise<unknown>) => {
  for (let i = 0; i < 50; i += 1) await op(-1 - i); // warm up connections and caches
  const latencies: number[] = [];
  for (let i = 0; i < N; i += 1) {
    const start = performance.now();
    await op(i);
    latencies.push(performance.now() - start);
  }
  latencies.sort((a, b) => a - b);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) await op(N + next++);
    }),
  );
  const perSecond = N / ((performance.now() - started) / 1000);
  const result = {
    label,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    perSecond,
  };
  console.log(
    `${label.padEnd(12)} p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms  ${perSecond.toFixed(0)}/s at concurrency ${CONCURRENCY}`,
  );
  return result;
};

const main = async () => {
  const database = await startDatabase({
    mongodbUri: process.env.MONGODB_URI,
    ephemeral: true,
    log: (m) => console.log(m),
  });
  const connection = await connectMongo(database.uri, `bench_${randomUUID().slice(0, 8)}`);
  try {
    const rows = {
      organizations: [{ key: 'acme', name: 'Acme' }],
      products: [{ key: 'erp', name: 'ERP', versions: ['1.0'], modules: ['Ledger'] }],
      queues: [
        { key: 'finance', name: 'Finance', routing: [{ modules: ['Ledger'] }] },
        { key: 'general', name: 'General', isDefault: true },
      ],
      contacts: [{ email: 'carol@acme.example', name: 'Carol', organizationKey: 'acme' }],
      installations: [
        {
          organizationKey: 'acme',
          productKey: 'erp',
          version: '1.0',
          environment: 'production',
          supportKey: 'ACME-0001',
        },
      ],
      contracts: [
        {
          key: 'C1',
          organizationKey: 'acme',
          level: 'gold',
          slaPolicy: 'gold',
          startsOn: '2020-01-01',
          expiresOn: '2099-01-01',
          supportKeys: ['ACME-0001'],
        },
      ],
    };
    for (const [kind, data] of Object.entries(rows))
      await importDirectory({ kind: kind as 'organizations', rows: data, connection });
    const config = loadConfig({ LOG_LEVEL: 'silent' }, '/nonexistent');
    const core = await composeCore({
      config,
      connection,
      log: pino({ level: 'silent' }),
      notifier: { deliver: async () => undefined },
    });
    const contact = (await core.directory.findContactByEmail('carol@acme.example'))!;
    const actor = {
      kind: 'customer' as const,
      contactId: contact.id,
      organizationId: contact.organizationId,
      name: contact.name,
    };
    const command = (i: number) => ({
      actor,
      intakeKey: `bench:${i}:${randomUUID()}`,
      title: 'Ledger export fails at month-end',
      description: 'The month-end ledger export stops with error 42 after the VAT step. '.repeat(3),
      supportKey: 'ACME-0001',
      module: 'Ledger',
      origin: { channel: 'slack' as const, address: 'slack:C0123' },
    });
    const sample = await core.useCases.openCase(command(0));
    if (!sample.ok) throw new Error(sample.message);
    const size = BSON.serialize(toCaseDocument(sample.value.case)).length;
    const raw = connection.collection('rawInserts');
    const template = toCaseDocument(sample.value.case);
    console.log(`server: ${database.kind}; document ${size} bytes; N=${N}`);
    const baseline = await measure('insertOne', () =>
      raw.insertOne({ ...template, _id: randomUUID() } as never),
    );
    const open = await measure('openCase', async (i) => {
      const result = await core.useCases.openCase(command(i));
      if (!result.ok) throw new Error(result.message);
    });
    console.log(
      `ratio openCase/insertOne: p50 ${(open.p50 / baseline.p50).toFixed(2)}x  p99 ${(open.p99 / baseline.p99).toFixed(2)}x  throughput ${(open.perSecond / baseline.perSecond).toFixed(2)}x (target p99 ≤ 3x)`,
    );
  } finally {
    await connection.close();
    await database.stop();
  }
};

await main();
