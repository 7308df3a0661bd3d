/**
 * npm run bench:core — openCase against a raw insertOne of a document of the same size,
 * on the same server in the same run, each part in a process of its own (so one part's
 * heap, caches and connections cannot slow the next) and a database of its own. Prints
 * latency percentiles, throughput, and ratios to the raw insert.
 * Targets (issue 14): openCase p99 ≤ 3× insertOne p99; throughput at concurrency 8 ≥ 0.3×
 * insertOne's; and throughput that does not fall as cases accumulate.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BSON } from 'mongodb';
import { toCaseDocument } from '../src/store/cases/mongo-case-repository.js';
import {
  coreOnOwnDatabase,
  inChild,
  median,
  percentile,
  runPartOrMain,
  withBenchDatabase,
  x,
} from './parts.js';

const N = Number(process.env.BENCH_N ?? 1000);
const CONCURRENCY = 8;
const PAIRS = Number(process.env.BENCH_PAIRS ?? 3);
/** Cases stored before each round of the accumulation part (the issue's figures). */
const STORED = [700, 1400, 2800, 4200];
const ROUND = 200;
const PARTS = ['insert', 'open', 'accumulate'] as const;
type Part = (typeof PARTS)[number];

interface Figures {
  readonly p50: number;
  readonly p99: number;
  readonly perSecond: number;
}

const concurrently = async (count: number, op: (i: number) => Promise<unknown>) => {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await op(next++);
    }),
  );
  return count / ((performance.now() - started) / 1000);
};

const measure = async (label: string, op: (i: number) => Promise<unknown>): Promise<Figures> => {
  for (let i = 0; i < 50; i += 1) await op(-1 - i); // warm up connections and caches
  const latencies: number[] = [];
  for (let i = 0; i < N; i += 1) {
    const start = performance.now();
    await op(i);
    latencies.push(performance.now() - start);
  }
  latencies.sort((a, b) => a - b);
  const perSecond = await concurrently(N, (i) => op(N + i));
  const result = { p50: percentile(latencies, 50), p99: percentile(latencies, 99), perSecond };
  console.log(
    `${label.padEnd(12)} p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms  ${perSecond.toFixed(0)}/s at concurrency ${CONCURRENCY}`,
  );
  return result;
};

const ROWS = {
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

/** A core on a database of its own, with one customer, and the command each intake sends. */
const setUp = async (uri: string, part: Part) => {
  const { connection, core, actor } = await coreOnOwnDatabase(
    uri,
    `bench_${part}`,
    ROWS,
    'carol@acme.example',
  );
  const open = async (i: number) => {
    const result = await core.useCases.openCase({
      actor,
      intakeKey: `bench:${i}:${randomUUID()}`,
      title: 'Ledger export fails at month-end',
      description: 'The month-end ledger export stops with error 42 after the VAT step. '.repeat(3),
      supportKey: 'ACME-0001',
      module: 'Ledger',
      origin: { channel: 'slack' as const, address: 'slack:C0123' },
    });
    if (!result.ok) throw new Error(result.message);
    return result.value.case;
  };
  return { connection, core, open };
};

const runPart = async (part: Part, uri: string): Promise<unknown> => {
  const { connection, open } = await setUp(uri, part);
  try {
    const sample = await open(0);
    const template = toCaseDocument(sample);
    if (part === 'insert') {
      const raw = connection.collection('rawInserts');
      const size = BSON.serialize(template).length;
      console.log(`document ${size} bytes; N=${N}`);
      return await measure('insertOne', () =>
        raw.insertOne({ ...template, _id: randomUUID() } as never),
      );
    }
    if (part === 'open') return await measure('openCase', (i) => open(i));
    // The collection grows by intakes like the measured ones, as it did for the issue's
    // figures (all open, all alike: the similar-case index holds every one of them).
    const cases = connection.collection('cases');
    const rounds: { stored: number; perSecond: number }[] = [];
    for (const stored of STORED) {
      const missing = stored - (await cases.countDocuments());
      await concurrently(missing, (i) => open(stored * 10 + i));
      const perSecond = await concurrently(ROUND, (i) => open(stored * 10 + missing + i));
      console.log(`${String(stored).padStart(5)} cases stored: ${perSecond.toFixed(1)}/s`);
      rounds.push({ stored, perSecond });
    }
    return rounds;
  } finally {
    await connection.close();
  }
};

const SCRIPT = fileURLToPath(import.meta.url);

const main = () =>
  withBenchDatabase(async (database) => {
    console.log(`server: ${database.kind}`);
    // Raw insert and openCase in turns, so load from elsewhere on the machine falls on
    // both alike; the targets are judged on the median pair.
    const pairs: { raw: Figures; open: Figures }[] = [];
    for (let pair = 0; pair < PAIRS; pair += 1) {
      const raw = await inChild<Figures>(SCRIPT, 'insert', database.uri);
      const open = await inChild<Figures>(SCRIPT, 'open', database.uri);
      pairs.push({ raw, open });
      console.log(
        `pair ${pair + 1}: openCase/insertOne p50 ${x(open.p50 / raw.p50)}  p99 ${x(open.p99 / raw.p99)}  throughput ${x(open.perSecond / raw.perSecond)}`,
      );
    }
    const rounds = await inChild<{ stored: number; perSecond: number }[]>(
      SCRIPT,
      'accumulate',
      database.uri,
    );
    const p50 = median(pairs.map((p) => p.open.p50 / p.raw.p50));
    const p99 = median(pairs.map((p) => p.open.p99 / p.raw.p99));
    const throughput = median(pairs.map((p) => p.open.perSecond / p.raw.perSecond));
    const raw = { perSecond: median(pairs.map((p) => p.raw.perSecond)) };
    console.log(
      `median ratio openCase/insertOne: p50 ${x(p50)}  p99 ${x(p99)} (target ≤ 3x${p99 <= 3 ? ', met' : ', NOT met'})  throughput ${x(throughput)} (target ≥ 0.3x${throughput >= 0.3 ? ', met' : ', NOT met'})`,
    );
    const first = rounds[0]!.perSecond;
    console.log(
      `as cases accumulate (${ROUND} intakes at concurrency ${CONCURRENCY}), throughput/insertOne's: ${rounds
        .map((r) => `${r.stored} stored ${x(r.perSecond / raw.perSecond)}`)
        .join(', ')}; last round/first ${x(rounds.at(-1)!.perSecond / first)}`,
    );
  });

await runPartOrMain(PARTS, runPart, main);
