import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify';
import { createWriteStream } from 'node:fs';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EXPORT_KINDS, type ExportKind, type ExportRow } from '../domain/export/rows.js';
import type { RecordExport } from '../use-cases/export-records.js';
import { usageError, usageExitCodes } from './usage.js';
import { CLI_ACTOR, fail, withCore } from './with-core.js';

const FORMATS = ['csv', 'jsonl'] as const;
type Format = (typeof FORMATS)[number];

interface ExportOptions {
  readonly format: string;
  readonly since?: string;
  readonly org?: string;
  readonly output?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A day (its start in UTC) or an instant with its offset; undefined for anything else. */
export const parseSince = (text: string): Date | undefined => {
  const typed = text.trim();
  if (!DAY.test(typed) && !INSTANT.test(typed)) return undefined;
  const at = new Date(DAY.test(typed) ? `${typed}T00:00:00Z` : typed);
  // `new Date` rolls 2026-02-30 over into March; a day must come back as typed.
  if (Number.isNaN(at.getTime())) return undefined;
  return DAY.test(typed) && at.toISOString().slice(0, 10) !== typed ? undefined : at;
};

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

const formatter = (format: Format, columns: readonly string[]): Transform =>
  format === 'csv'
    ? stringify({
        header: true,
        columns: [...columns],
        // csv-stringify writes true as 1 and false as an empty cell by default.
        cast: { boolean: (value) => String(value) },
      })
    : new Transform({
        writableObjectMode: true,
        transform(row: ExportRow, _encoding, done) {
          done(null, `${JSON.stringify(row)}\n`);
        },
      });

/**
 * Streams the rows through the formatter to the output. `Readable.from` pulls the next
 * case only when the formatter has room, and the formatter waits for the output to
 * drain, so a slow disk or pipe holds the database read back: memory stays bounded.
 */
const writeExport = async (exported: RecordExport, format: Format, output?: string) => {
  // Counting may take a scan: only for a bar someone will see.
  const total = process.stderr.isTTY ? await exported.countCases() : 0;
  const bar =
    total > 0
      ? new SingleBar(
          {
            stream: process.stderr,
            clearOnComplete: false,
            format: `{bar} {percentage}% | {value}/{total} cases | ETA {eta}s`,
          },
          Presets.shades_classic,
        )
      : undefined;
  bar?.start(total, 0);
  async function* rows(): AsyncIterable<ExportRow> {
    for await (const caseRows of exported.rows) {
      yield* caseRows;
      bar?.increment();
    }
  }
  const out: Writable = output ? createWriteStream(output) : process.stdout;
  try {
    // Standard output stays open for whatever the shell writes after us.
    await pipeline(Readable.from(rows()), formatter(format, exported.columns), out, {
      end: output !== undefined,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (output && code) fail(`Cannot write ${output}: ${(error as Error).message}`);
    throw error;
  } finally {
    bar?.stop();
  }
};

/**
 * `caseline export cases|events --format csv|jsonl [--since DATE] [--org O] [--output F]`:
 * one row per case, or per history event, internal notes included.
 */
export const registerExportCommand = (program: Command): void => {
  const command = program
    .command('export')
    .description('export cases, or their history events, as CSV or JSON lines (for admins)')
    .argument('<kind>', EXPORT_KINDS.join(' | '))
    .requiredOption('--format <format>', FORMATS.join(' | '))
    .option('--since <date>', 'cases opened, or events, on or after: YYYY-MM-DD (UTC) or ISO 8601')
    .option('--org <organization>', 'one organization (key)')
    .option('--output <file>', 'write to this file instead of standard output')
    .action(async (kind: string, options: ExportOptions) => {
      // Before the database: a mistyped flag should not wait for a server to start.
      if (!isOneOf<ExportKind>(EXPORT_KINDS, kind))
        return usageError(`export takes ${EXPORT_KINDS.join(' or ')}, not "${kind}".`);
      const format = options.format.trim().toLowerCase();
      if (!isOneOf<Format>(FORMATS, format))
        return usageError(`--format takes ${FORMATS.join(' or ')}, not "${options.format}".`);
      const since = options.since === undefined ? undefined : parseSince(options.since);
      if (options.since !== undefined && !since)
        return usageError(
          `--since takes a date as YYYY-MM-DD or an ISO 8601 instant, not "${options.since}".`,
        );
      await withCore(async (core) => {
        const result = await core.records.exportRecords({
          actor: CLI_ACTOR,
          kind,
          ...(since ? { since } : {}),
          ...(options.org ? { organizationKey: options.org } : {}),
        });
        if (!result.ok)
          return result.code === 'not-found' || result.code === 'invalid-input'
            ? usageError(result.message)
            : fail(result.message);
        await writeExport(result.value, format, options.output);
      });
    });
  usageExitCodes(command);
};
