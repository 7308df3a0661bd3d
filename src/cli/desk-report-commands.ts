import { Option, type Command } from 'commander';
import type { CsatReport, CsatTally, WorkloadRow } from '../domain/case/csat-report.js';
import { PRIORITIES } from '../domain/priority.js';
import { CLI_ACTOR, printReport, valueOr, withCore } from './with-core.js';

/**
 * `caseline report csat`: how customers rated the cases they closed, by agent, queue and
 * organization. `caseline report workload`: open cases per agent by priority, and who can
 * take work now.
 */
export const registerDeskReports = (report: Command): void => {
  report
    .command('csat')
    .description('customer satisfaction: answers of the last N days by agent, queue, organization')
    .addOption(new Option('--days <n>', 'how far back').default('30'))
    .addOption(new Option('--json', 'print JSON'))
    .action(async (options: { days: string; json?: boolean }) => {
      const csat = await withCore(async (core) => {
        return valueOr(
          await core.useCases.reportCsat({
            actor: CLI_ACTOR,
            days: Number(options.days),
          }),
        );
      });
      printReport(csat, options.json, formatCsat);
    });
  report
    .command('workload')
    .description('open cases per agent, by priority, with who is available')
    .addOption(new Option('--json', 'print JSON'))
    .action(async (options: { json?: boolean }) => {
      const rows = await withCore(async (core) => {
        return valueOr(await core.useCases.reportWorkload({ actor: CLI_ACTOR }));
      });
      printReport(rows, options.json, formatWorkload);
    });
};

const tallyLine = (label: string, t: Omit<CsatTally, 'key' | 'name'>): string =>
  `  ${label.padEnd(28)} ${String(t.answers).padStart(5)}  ${t.average.toFixed(2).padStart(5)}  ${`${t.satisfiedPercent.toFixed(1)} %`.padStart(8)}\n`;

export const formatCsat = (report: CsatReport): string => {
  if (report.total.answers === 0)
    return `No satisfaction answers in the last ${report.days} days.\n`;
  const section = (title: string, rows: readonly CsatTally[]) =>
    `\n${title}\n${rows.map((row) => tallyLine(row.name, row)).join('')}`;
  return [
    `Customer satisfaction, last ${report.days} days (answers, average of 5, satisfied = 4 or 5)\n`,
    tallyLine('All', report.total),
    section('By agent', report.byAgent),
    section('By queue', report.byQueue),
    section('By organization', report.byOrganization),
  ].join('');
};

const availability = (row: WorkloadRow): string =>
  row.available === null ? '' : row.available ? 'available' : 'not available';

export const formatWorkload = (rows: readonly WorkloadRow[]): string =>
  `${'Agent'.padEnd(28)} ${'Open'.padStart(5)} ${PRIORITIES.map((p) => p.padStart(7)).join('')}  Availability\n` +
  rows
    .map(
      (row) =>
        `${row.name.padEnd(28)} ${String(row.open).padStart(5)} ${PRIORITIES.map((p) => String(row.byPriority[p]).padStart(7)).join('')}  ${availability(row)}\n`,
    )
    .join('');
