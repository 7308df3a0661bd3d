/**
 * npm run bench:assign — intake of N cases (1,000) at 20 concurrent into a round-robin
 * queue of 20 agents, against the same intake into a manual queue, in the same run. Each
 * part runs in a process of its own on a database of its own; manual and round-robin take
 * turns (BENCH_PAIRS pairs) so load from elsewhere on the machine falls on both alike, and
 * the target is judged on the median pair. Target (issue 16): p99 ratio ≤ 1.3x.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
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
const CONCURRENCY = 20;
const AGENTS = 20;
const PAIRS = Number(process.env.BENCH_PAIRS ?? 3);
const PARTS = ['manual', 'round-robin'] as const;
type Part = (typeof PARTS)[number];

interface Figures {
  readonly p50: number;
  readonly p99: number;
  readonly perSecond: number;
  readonly assigned: number;
}

const emails = Array.from({ length: AGENTS }, (_, i) => `agent${i}@desk.example`);
const rows = (part: Part) => ({
  organizations: [{ key: 'acme', name: 'Acme' }],
  queues: [
    {
      key: 'desk',
      name: 'Desk',
      isDefault: true,
      members: emails,
      ...(part === 'round-robin' ? { assignment: { strategy: 'round-robin' } } : {}),
    },
  ],
  agents: emails.map((email, i) => ({ email, name: `Agent ${i}`, queues: ['desk'] })),
  contacts: [{ email: 'carol@acme.example', name: 'Carol', organizationKey: 'acme' }],
});

const runPart = async (part: Part, uri: string): Promise<Figures> => {
  const { connection, core, actor } = await coreOnOwnDatabase(
    uri,
    'bench_assign',
    rows(part),
    'carol@acme.example',
  );
  try {
    let assigned = 0;
    const open = async (i: number) => {
      const result = await core.useCases.openCase({
        actor,
        intakeKey: `bench:${i}:${randomUUID()}`,
        title: `Till ${i} will not start`,
        description: 'The till shows error 42 after the update. '.repeat(3),
        origin: { channel: 'slack' as const, address: 'slack:C0123' },
      });
      if (!result.ok) throw new Error(result.message);
      if (i >= 0 && result.value.case.assigneeId) assigned += 1;
    };
    for (let i = 0; i < 50; i += 1) await open(-1 - i); // warm up connections and caches
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < N) {
          const i = next++;
          const start = performance.now();
          await open(i);
          latencies.push(performance.now() - start);
        }
      }),
    );
    const perSecond = N / ((performance.now() - started) / 1000);
    latencies.sort((a, b) => a - b);
    const figures = {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      perSecond,
      assigned,
    };
    console.log(
      `${part.padEnd(12)} p50 ${figures.p50.toFixed(1)} ms  p99 ${figures.p99.toFixed(1)} ms  ${perSecond.toFixed(0)}/s  assigned ${assigned} of ${N}`,
    );
    return figures;
  } finally {
    await connection.close();
  }
};

const SCRIPT = fileURLToPath(import.meta.url);

const main = () =>
  withBenchDatabase(async (database) => {
    console.log(
      `server: ${database.kind}; ${N} intakes at ${CONCURRENCY} concurrent, ${AGENTS} agents`,
    );
    const ratios: { p50: number; p99: number; throughput: number }[] = [];
    for (let pair = 0; pair < PAIRS; pair += 1) {
      const manual = await inChild<Figures>(SCRIPT, 'manual', database.uri);
      const robin = await inChild<Figures>(SCRIPT, 'round-robin', database.uri);
      const ratio = {
        p50: robin.p50 / manual.p50,
        p99: robin.p99 / manual.p99,
        throughput: robin.perSecond / manual.perSecond,
      };
      ratios.push(ratio);
      console.log(
        `pair ${pair + 1}: round-robin/manual p50 ${x(ratio.p50)}  p99 ${x(ratio.p99)}  throughput ${x(ratio.throughput)}`,
      );
    }
    const p99 = median(ratios.map((r) => r.p99));
    console.log(
      `median ratio round-robin/manual: p50 ${x(median(ratios.map((r) => r.p50)))}  p99 ${x(p99)} (target ≤ 1.3x${p99 <= 1.3 ? ', met' : ', NOT met'})  throughput ${x(median(ratios.map((r) => r.throughput)))}`,
    );
  });

await runPartOrMain(PARTS, runPart, main);
