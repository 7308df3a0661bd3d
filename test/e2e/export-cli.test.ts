/**
 * `caseline export`, run as the real CLI over 10,000 cases written straight into the
 * database: the export streams (its child process's live heap, sampled after full
 * collections, peaks less than 50 MB above an export of ten cases' peak) and what it
 * writes parses back to exactly the cases' ids.
 */
import { parse } from 'csv-parse/sync';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CaseEvent, CaseState } from '../../src/domain/case/types.js';
import { connectMongo } from '../../src/infra/mongo-connection.js';
import { createDirectoryModels } from '../../src/store/directory/models.js';
import { createCaseModels } from '../../src/store/cases/models.js';
import { toCaseDocument } from '../../src/store/cases/mongo-case-repository.js';
import { caselineEntry } from '../support/app-entry.js';
import { buildCase } from '../support/build-case.js';
import { cliDatabase, importExamples, runCaseline, type CliRun } from '../support/cli.js';

const database = cliDatabase('export');
const folder = mkdtempSync(join(tmpdir(), 'caseline-export-'));
const CASES = 10_000;
const HARBOR = 10;
const MB = 1024 * 1024;

const PARAGRAPH =
  'Since the upgrade the month-end export stops at the ledger step with error 42; the ' +
  'log shows a timeout against the reporting database and the job is retried twice. ';
const STAFF = { kind: 'staff', id: 'agent-1', name: 'Priya Raman', role: 'admin' } as const;

const historyOf = (n: number, createdAt: Date): CaseEvent[] =>
  ['opened', 'claimed', 'replied', 'note', 'time-logged', 'commented', 'replied', 'resolved'].map(
    (type, i): CaseEvent => ({
      id: `c${n}-e${i}`,
      type: type as CaseEvent['type'],
      at: new Date(createdAt.getTime() + i * 3_600_000),
      actor: STAFF,
      visibility: type === 'note' || type === 'time-logged' ? 'internal' : 'public',
      ...(type === 'time-logged' ? { minutes: 15 } : {}),
      text: `${type} ${n}: ${PARAGRAPH}`,
      ...(type === 'claimed' ? { data: { from: 'new', to: 'on-hand' } } : {}),
    }),
  );

const caseNumber = (n: number) => `CASE-${10_000 + n}`;

/** Case n: opened n minutes after 2026-10-01, the last HARBOR of them for harbor-foods. */
const caseOf = (n: number, orgs: Record<string, string>): CaseState => {
  const createdAt = new Date(Date.UTC(2026, 9, 1) + n * 60_000);
  const organizationKey = n >= CASES - HARBOR ? 'harbor-foods' : 'northwind-logistics';
  return buildCase({
    id: `case-${n}`,
    number: caseNumber(n),
    seq: 10_000 + n,
    intakeKey: `export-test:${n}`,
    title: `Month-end export stops at the ledger step (${n})`,
    description: PARAGRAPH.repeat(6),
    organizationId: orgs[organizationKey]!,
    organizationKey,
    createdAt,
    updatedAt: new Date(createdAt.getTime() + 8 * 3_600_000),
    minutesLogged: 15,
    events: historyOf(n, createdAt),
  });
};

/** The CLI in a child process with the heap probe loaded; its peak live heap as it reported it. */
const exportMeasured = (args: readonly string[]) =>
  new Promise<CliRun & { peakHeapUsed: number }>((done, reject) => {
    const root = process.cwd();
    const report = join(folder, `heap-${Math.random().toString(36).slice(2)}.json`);
    const probe = resolve(root, 'test/support/heap-probe.mjs');
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', probe, ...caselineEntry(root), 'export', ...args],
      {
        cwd: root,
        env: {
          ...process.env,
          MONGODB_URI: database,
          CASELINE_CONFIG: 'caseline.example.yaml',
          LOG_LEVEL: 'error',
          HEAP_PROBE_FILE: report,
        },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`export ${args.join(' ')}: ${stderr}`));
      const { peakHeapUsed } = JSON.parse(readFileSync(report, 'utf8')) as { peakHeapUsed: number };
      done({ code: code ?? -1, stdout, stderr, peakHeapUsed });
    });
  });

describe('caseline export', () => {
  beforeAll(async () => {
    await importExamples(database, ['organizations']);
    const connection = await connectMongo(database);
    try {
      const organizations = await createDirectoryModels(connection)
        .organizations.find({})
        .lean<{ _id: string; key: string }[]>();
      const orgs = Object.fromEntries(organizations.map((o) => [o.key, o._id]));
      const cases = createCaseModels(connection).Case.collection;
      for (let start = 0; start < CASES; start += 500)
        await cases.insertMany(
          Array.from({ length: 500 }, (_, i) => toCaseDocument(caseOf(start + i, orgs))) as never[],
        );
    } finally {
      await connection.close();
    }
  }, 300_000);

  it('streams 10,000 cases to a CSV file with bounded memory, every case once', async () => {
    const output = join(folder, 'cases.csv');
    const small = await exportMeasured(['cases', '--format', 'csv', '--org', 'harbor-foods']);
    const large = await exportMeasured(['cases', '--format', 'csv', '--output', output]);
    const growth = large.peakHeapUsed - small.peakHeapUsed;
    process.stdout.write(
      `export of ${CASES} cases: peak live heap ${(large.peakHeapUsed / MB).toFixed(1)} MB, ` +
        `of ${HARBOR} cases ${(small.peakHeapUsed / MB).toFixed(1)} MB, growth ${(growth / MB).toFixed(1)} MB\n`,
    );
    expect(growth).toBeLessThan(50 * MB);
    // Standard error is no terminal here: no progress bar is drawn into it.
    expect(large.stderr).not.toMatch(/cases \|/);
    const rows = parse(readFileSync(output), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(CASES);
    expect(rows.map((row) => row.id)).toEqual(Array.from({ length: CASES }, (_, n) => `case-${n}`));
    expect(rows[0]).toEqual(
      expect.objectContaining({
        number: caseNumber(0),
        organization: 'northwind-logistics',
        minutesLogged: '15',
        events: '8',
        createdAt: '2026-10-01T00:00:00.000Z',
      }),
    );
    const harbor = parse(small.stdout, { columns: true }) as Record<string, string>[];
    expect(harbor.map((row) => row.number)).toEqual(
      Array.from({ length: HARBOR }, (_, i) => caseNumber(CASES - HARBOR + i)),
    );
  }, 600_000);

  it('writes history events as JSON lines, internal notes included, from --since on', async () => {
    // Harbor's cases open a minute apart and their events run hourly: --since cuts through them.
    const last = CASES - 1;
    const since = new Date(Date.UTC(2026, 9, 1) + last * 60_000 + 4 * 3_600_000);
    const result = await runCaseline(database, [
      ...['export', 'events', '--format', 'jsonl', '--org', 'harbor-foods'],
      ...['--since', since.toISOString()],
    ]);
    expect(result.code).toBe(0);
    const events = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const expected = Array.from({ length: HARBOR }, (_, i) => CASES - HARBOR + i).flatMap((n) =>
      historyOf(n, new Date(Date.UTC(2026, 9, 1) + n * 60_000))
        .filter((event) => event.at >= since)
        .map((event) => [caseNumber(n), event.id, event.type, event.visibility]),
    );
    expect(expected.length).toBeGreaterThan(HARBOR);
    expect(events.map((e) => [e.caseNumber, e.eventId, e.type, e.visibility])).toEqual(expected);
    expect(events.find((e) => e.type === 'time-logged')).toEqual(
      expect.objectContaining({ minutes: 15, actorName: 'Priya Raman', data: null }),
    );
    const all = await runCaseline(database, [
      'export',
      'events',
      '--format',
      'csv',
      '--org',
      'harbor-foods',
    ]);
    const rows = parse(all.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(HARBOR * 8);
    expect(rows.filter((row) => row.type === 'note').map((row) => row.visibility)).toEqual(
      Array(HARBOR).fill('internal'),
    );
    expect(rows.find((row) => row.type === 'claimed')!.data).toBe('{"from":"new","to":"on-hand"}');
  }, 300_000);

  it.each([
    [['cases', '--format', 'xlsx'], /--format takes csv or jsonl, not "xlsx"/],
    [['tickets', '--format', 'csv'], /export takes cases or events, not "tickets"/],
    [['cases', '--format', 'csv', '--since', '2026-02-30'], /--since takes a date as YYYY-MM-DD/],
    [['cases', '--format', 'csv', '--since', 'last week'], /--since takes a date/],
    [['cases', '--format', 'csv', '--org', 'nobody'], /There is no organization "nobody"/],
    [['cases'], /required option '--format <format>' not specified/],
  ])(
    'refuses %j with code 2',
    async (args, message) => {
      const result = await runCaseline(database, ['export', ...args]);
      expect(result.stderr).toMatch(message);
      expect(result.code).toBe(2);
    },
    60_000,
  );
});
