/**
 * npm run bench:reports — `report sla` and `report backlog` over N cases (50,000) with
 * realistic histories (bench/report-histories.ts), each against a raw read of the same
 * documents in the same run: a driver cursor over the same collection with the report's
 * own query and projection, documents counted and dropped. One child process loads the
 * desk into a database of its own on the bench's throwaway server; then every side runs
 * in a child process of its own, raw and report taking turns (BENCH_ROUNDS rounds), and
 * the ratio is judged on the median round. Peak heap is sampled every 10 ms while a side
 * runs. BENCH_CASES, BENCH_ROUNDS and BENCH_REPORTS (sla, backlog) change the run.
 * Targets (issue 17): report ≤ 2x the raw read, peak heap ≤ 300 MB.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import type { Connection } from 'mongoose';
import { composeCore, type Core } from '../src/composition.js';
import { loadConfig } from '../src/config.js';
import { connectMongo } from '../src/infra/mongo-connection.js';
import { toCaseDocument } from '../src/store/cases/mongo-case-repository.js';
import { renderDigestChart } from '../src/charts/render-chart.js';
import { weeklyDigestView } from '../src/presentation/weekly-digest-view.js';
import { sampleDigestReport } from '../test/support/digest-report.js';
import { inChild, median, runPartOrMain, withBenchDatabase, x } from './parts.js';
import { historyOf, seeded } from './report-histories.js';

const N = Number(process.env.BENCH_CASES ?? 50_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// BENCH_REPORTS=sla (or backlog) times one report only.
const REPORTS = (process.env.BENCH_REPORTS ?? 'sla,backlog')
  .split(',')
  .filter((r): r is 'sla' | 'backlog' => r === 'sla' || r === 'backlog');
const DAYS = 90; // every generated case is younger: report sla reads them all
const PARTS = ['load', 'raw-sla', 'sla', 'raw-backlog', 'backlog', 'charts'] as const;
const CHART_RUNS = 10;
type Part = (typeof PARTS)[number];
// Fixed so every child judges the same "now" the histories were written against.
const NOW = new Date(process.env.BENCH_NOW ?? new Date().toISOString());

interface Figures {
  readonly ms: number;
  readonly peakHeapMb: number;
  readonly documents: number;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

/** Runs `work`, sampling the heap; the peak includes what the connection and core hold. */
const measured = async (work: () => Promise<number>): Promise<Figures> => {
  let peak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 10);
  const started = performance.now();
  const documents = await work();
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { ms, peakHeapMb: mb(peak), documents };
};

const coreOn = (connection: Connection): Promise<Core> =>
  composeCore({
    config: loadConfig({ CASELINE_CONFIG: 'caseline.example.yaml', LOG_LEVEL: 'silent' }),
    connection,
    log: pino({ level: 'silent' }),
    notifier: { deliver: async () => undefined },
    clock: { now: () => NOW },
  });

const load = async (connection: Connection): Promise<Figures> => {
  await coreOn(connection); // creates the collections and their indexes as the app does
  const random = seeded(17);
  const cases = connection.db!.collection('cases');
  return measured(async () => {
    for (let from = 0; from < N; from += 1_000) {
      const batch = Array.from({ length: Math.min(1_000, N - from) }, (_, i) =>
        toCaseDocument(historyOf(from + i, NOW, random)),
      );
      await cases.insertMany(batch as never[], { ordered: false });
    }
    return N;
  });
};

// The reports' own queries (see listQuery in the case repository) and projection.
const SINCE = new Date(NOW.getTime() - DAYS * 86_400_000);
const QUERIES = {
  'raw-sla': {
    $or: [{ statusCategory: { $nin: ['solved', 'closed'] } }, { createdAt: { $gte: SINCE } }],
  },
  'raw-backlog': {
    statusCategory: { $in: ['new', 'open', 'pending-customer', 'pending-internal'] },
  },
};
const PROJECTION = { outbox: 0, attachments: 0, outboxSeq: 0 };

const rawRead = (connection: Connection, part: 'raw-sla' | 'raw-backlog') =>
  measured(async () => {
    let documents = 0;
    const cursor = connection
      .db!.collection('cases')
      .find(QUERIES[part], { projection: PROJECTION, batchSize: 500 });
    for await (const doc of cursor) if (doc) documents += 1;
    return documents;
  });

const ACTOR = { kind: 'system', name: 'bench' } as const;

/** The digest's two charts drawn CHART_RUNS times: the first run cold, then warm. */
const drawCharts = async (): Promise<Figures & { readonly runsMs: number[] }> => {
  const charts = weeklyDigestView(sampleDigestReport()).charts;
  const runsMs: number[] = [];
  const figures = await measured(async () => {
    for (let run = 0; run < CHART_RUNS; run += 1) {
      const started = performance.now();
      await Promise.all(charts.map(renderDigestChart));
      runsMs.push(performance.now() - started);
    }
    return charts.length;
  });
  return { ...figures, runsMs };
};

const runPart = async (part: Part, uri: string): Promise<Figures> => {
  if (part === 'charts') return drawCharts();
  const connection = await connectMongo(uri);
  try {
    if (part === 'load') return await load(connection);
    if (part === 'raw-sla' || part === 'raw-backlog') return await rawRead(connection, part);
    const core = await coreOn(connection);
    if (part === 'sla')
      return await measured(async () => {
        const report = await core.sla!.reportCompliance({ actor: ACTOR, days: DAYS });
        if (!report.ok) throw new Error(report.message);
        return report.value.cases;
      });
    return await measured(async () => {
      const report = await core.useCases.reportBacklog({ actor: ACTOR, days: DAYS });
      if (!report.ok) throw new Error(report.message);
      return report.value.open;
    });
  } finally {
    await connection.close();
  }
};

const SCRIPT = fileURLToPath(import.meta.url);

const line = (name: string, f: Figures) =>
  `  ${name.padEnd(12)} ${(f.ms / 1000).toFixed(2).padStart(7)} s  peak heap ${f.peakHeapMb.toFixed(0).padStart(4)} MB  ${f.documents} cases`;

const main = () =>
  withBenchDatabase(async (database) => {
    process.env.BENCH_NOW = NOW.toISOString();
    const uri = `${database.uri.replace(/\/?(\?.*)?$/, '/')}bench_reports_${randomUUID().slice(0, 8)}`;
    console.log(`server: ${database.kind}; ${N} cases, ${ROUNDS} rounds`);
    const loaded = await inChild<Figures>(SCRIPT, 'load', uri);
    console.log(`loaded ${N} cases in ${(loaded.ms / 1000).toFixed(1)} s`);
    const results: Record<'sla' | 'backlog', { ratio: number; heap: number }[]> = {
      sla: [],
      backlog: [],
    };
    for (let round = 1; round <= ROUNDS; round += 1) {
      console.log(`round ${round}`);
      for (const report of REPORTS) {
        const raw = await inChild<Figures>(SCRIPT, `raw-${report}`, uri);
        const timed = await inChild<Figures>(SCRIPT, report, uri);
        console.log(line(`raw read`, raw));
        console.log(`${line(`report ${report}`, timed)}  ratio ${x(timed.ms / raw.ms)}`);
        results[report].push({ ratio: timed.ms / raw.ms, heap: timed.peakHeapMb });
      }
    }
    const charts = await inChild<Figures & { runsMs: number[] }>(SCRIPT, 'charts', uri);
    const [cold = 0, ...warm] = charts.runsMs;
    console.log(
      `digest charts (both): cold ${cold.toFixed(0)} ms, warm median ${median(warm).toFixed(0)} ms, max ${Math.max(...warm).toFixed(0)} ms over ${warm.length} runs; peak heap ${charts.peakHeapMb.toFixed(0)} MB`,
    );
    for (const report of REPORTS) {
      const ratios = results[report].map((r) => r.ratio);
      const heap = Math.max(...results[report].map((r) => r.heap));
      console.log(
        `report ${report}: median ratio ${x(median(ratios))} of the raw read (target ≤ 2.00x; rounds ${ratios.map(x).join(', ')}), peak heap ${heap.toFixed(0)} MB (target ≤ 300 MB)`,
      );
    }
  });

await runPartOrMain(PARTS, runPart, main);
