import { Option, type Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import {
  formatMinorUnits,
  minorDigitsOf,
  parseBillingMonth,
  type InvoiceLine,
  type TimeTotals,
} from '../domain/billing/index.js';
import type { TimeReport } from '../use-cases/report-time.js';
import { usageError, usageExitCodes } from './usage.js';
import { CLI_ACTOR, fail, withCore } from './with-core.js';

interface TimeOptions {
  readonly org?: string;
  readonly month: string;
  readonly csv?: boolean;
  readonly json?: boolean;
}

/**
 * `caseline report time --month 2026-11 [--org O] [--csv | --json]`: minutes per case and
 * action with their amount; `--csv` writes the month's invoice lines, one per time entry.
 */
export const registerTimeReport = (report: Command): void => {
  const command = report
    .command('time')
    .description('time logged in a month per organization, case and action, with the amount')
    .requiredOption('--month <YYYY-MM>', 'the month, in UTC, e.g. 2026-11')
    .addOption(new Option('--org <organization>', 'one organization (key); default every one'))
    .addOption(new Option('--csv', 'write the invoice lines as CSV, one row per time entry'))
    .addOption(new Option('--json', 'print JSON').conflicts('csv'))
    .action(async (options: TimeOptions) => {
      // Before the database: a mistyped month should not wait for a server to start.
      if (!parseBillingMonth(options.month))
        usageError(`--month takes a month as YYYY-MM, such as 2026-11, not "${options.month}".`);
      const report = await withCore(async (core) => {
        const result = await core.records.reportTime({
          actor: CLI_ACTOR,
          month: options.month,
          ...(options.org ? { organizationKey: options.org } : {}),
        });
        if (result.ok) return result.value;
        return result.code === 'invalid-input' || result.code === 'not-found'
          ? usageError(result.message)
          : fail(result.message);
      });
      process.stdout.write(
        options.csv
          ? invoiceCsv(report)
          : options.json
            ? `${JSON.stringify(report)}\n`
            : formatTimeReport(report, options.org),
      );
    });
  usageExitCodes(command);
};

/** The columns of the invoice lines CSV, in order (README "Billing"). */
export const INVOICE_COLUMNS = [
  'month',
  'organization',
  'organizationName',
  'contract',
  'caseNumber',
  'caseTitle',
  'product',
  'priority',
  'at',
  'agent',
  'action',
  'minutesLogged',
  'minutesBilled',
  'minutesIncluded',
  'minutesCharged',
  'currency',
  'ratePerHour',
  'rateRule',
  'amount',
  'eventId',
] as const;

const money = (minor: number | undefined, currency: string | undefined): string =>
  minor === undefined || currency === undefined
    ? ''
    : formatMinorUnits(minor, minorDigitsOf(currency));

const invoiceRow = (
  line: InvoiceLine,
  month: string,
  names: ReadonlyMap<string, string>,
): Record<(typeof INVOICE_COLUMNS)[number], string | number> => ({
  month,
  organization: line.organizationKey,
  organizationName: names.get(line.organizationKey) ?? '',
  contract: line.contractKey ?? '',
  caseNumber: line.caseNumber,
  caseTitle: line.caseTitle,
  product: line.productKey ?? '',
  priority: line.priority,
  at: line.at.toISOString(),
  agent: line.agentName,
  action: line.action,
  minutesLogged: line.minutes,
  minutesBilled: line.billedMinutes,
  minutesIncluded: line.includedMinutes,
  minutesCharged: line.chargedMinutes,
  currency: line.currency ?? '',
  ratePerHour: money(line.perHourMinor, line.currency),
  rateRule: line.rateRule ?? '',
  amount: money(line.amountMinor, line.currency),
  eventId: line.eventId,
});

export const invoiceCsv = (report: TimeReport): string => {
  const names = new Map(report.organizations.map((o) => [o.organizationKey, o.name]));
  return stringify(
    report.lines.map((line) => invoiceRow(line, report.month.key, names)),
    { header: true, columns: [...INVOICE_COLUMNS] },
  );
};

const amounts = (totals: TimeTotals): string => {
  const entries = Object.entries(totals.amounts);
  return entries.length === 0
    ? 'no rates'
    : entries.map(([currency, minor]) => `${currency} ${money(minor, currency)}`).join(' + ');
};

const LABEL = 56;
const row = (label: string, totals: TimeTotals): string =>
  `${label.slice(0, LABEL).padEnd(LABEL)}${[totals.minutes, totals.billedMinutes, totals.includedMinutes, totals.chargedMinutes].map((n) => String(n).padStart(9)).join('')}  ${amounts(totals)}\n`;

export const formatTimeReport = (report: TimeReport, org?: string): string => {
  if (report.organizations.length === 0)
    return `No time logged${org ? ` for ${org}` : ''} in ${report.month.key}.\n`;
  const header = `${'Minutes'.padEnd(LABEL)}${['logged', 'billed', 'included', 'charged'].map((h) => h.padStart(9)).join('')}  amount\n`;
  return [
    `Time logged in ${report.month.key} (UTC), ${report.lines.length} entries\n`,
    ...report.organizations.map(
      (organization) =>
        `\n${header}${row(`${organization.name} (${organization.organizationKey})`, organization)}` +
        organization.cases
          .map(
            (c) =>
              row(`  ${c.caseNumber} ${c.caseTitle}`, c) +
              c.actions.map((action) => row(`    ${action.action}`, action)).join(''),
          )
          .join(''),
    ),
  ].join('');
};
