/**
 * What the in-process benchmarks share: each part runs in a child process of its own (so
 * one part's heap, caches and connections cannot slow the next) on a database of its own,
 * and reports its figures to the parent as one `RESULT {json}` line.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { composeCore, type Core } from '../src/composition.js';
import { loadConfig } from '../src/config.js';
import { importDirectory } from '../src/import/index.js';
import { startDatabase } from '../src/infra/database/index.js';
import { connectMongo } from '../src/infra/mongo-connection.js';

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[values.length >> 1]!;

export const x = (ratio: number) => `${ratio.toFixed(2)}x`;

/** Runs `part` of the benchmark `script` in a child process against `uri`. */
export const inChild = <T>(script: string, part: string, uri: string): Promise<T> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, part], {
      env: { ...process.env, BENCH_URI: uri },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      for (const line of chunk.split('\n'))
        if (line && !line.startsWith('RESULT ')) console.log(line);
    });
    child.once('close', (code) => {
      const line = output.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice('RESULT '.length)) as T);
      else reject(new Error(`bench part ${part} failed (${code})`));
    });
  });

/** In a child (argv names a part): runs it and reports; otherwise runs `main`. */
export const runPartOrMain = async <P extends string>(
  parts: readonly P[],
  runPart: (part: P, uri: string) => Promise<unknown>,
  main: () => Promise<void>,
): Promise<void> => {
  const part = process.argv[2] as P | undefined;
  if (part && parts.includes(part)) {
    const figures = await runPart(part, process.env.BENCH_URI!);
    console.log(`RESULT ${JSON.stringify(figures)}`);
    process.exit(0);
  }
  await main();
};

/**
 * A core on a database of its own with the directory `rows` imported, and the actor of
 * the customer `customerEmail`, as the server composes it (the similar-case index warm).
 */
export const coreOnOwnDatabase = async (
  uri: string,
  name: string,
  rows: Readonly<Record<string, readonly unknown[]>>,
  customerEmail: string,
) => {
  const connection = await connectMongo(uri, `${name}_${randomUUID().slice(0, 8)}`);
  for (const [kind, list] of Object.entries(rows)) {
    const report = await importDirectory({ kind: kind as 'organizations', rows: list, connection });
    if (!report.ok) throw new Error(`import ${kind}: ${JSON.stringify(report.issues)}`);
  }
  const core: Core = await composeCore({
    config: loadConfig({ LOG_LEVEL: 'silent' }, '/nonexistent'),
    connection,
    log: pino({ level: 'silent' }),
    notifier: { deliver: async () => undefined },
  });
  await core.kb.recentCases.warm();
  const contact = (await core.directory.findContactByEmail(customerEmail))!;
  const actor = {
    kind: 'customer' as const,
    contactId: contact.id,
    organizationId: contact.organizationId,
    name: contact.name,
  };
  return { connection, core, actor };
};

/** The benchmark's own throwaway database server (MONGODB_URI if given), stopped after `run`. */
export const withBenchDatabase = async (
  run: (database: { readonly kind: string; readonly uri: string }) => Promise<void>,
): Promise<void> => {
  const database = await startDatabase({
    mongodbUri: process.env.MONGODB_URI,
    ephemeral: true,
    log: (m) => console.log(m),
  });
  try {
    await run(database);
  } finally {
    await database.stop();
  }
};
