import { Option, type Command } from 'commander';
import {
  ATTAINMENT_DIMENSIONS,
  type AttainmentDimension,
  type SlaAttainment,
} from '../domain/metrics/index.js';
import { CLOCK_KINDS, type ClockTally, type SlaComplianceReport } from '../domain/sla/index.js';
import type { RecurringGroup } from '../use-cases/report-recurring-problems.js';
import { registerDeskReports } from './desk-report-commands.js';
import { registerTimeReport } from './time-report-command.js';
import { registerMetricsReports } from './metrics-report-commands.js';
import { CLI_ACTOR, fail, printReport, valueOr, withCore } from './with-core.js';

/**
 * `caseline report recurring`: cases that look alike, grouped, largest first.
 * `caseline report sla`: how the SLA promises were kept, by priority and organization (or
 * `--by` agent, queue, organization or priority); cases the customer solved with an
 * article (deflections) are counted apart.
 */
export const registerReportCommands = (program: Command): void => {
  const report = program.command('report').description('reports for leads');
  report
    .command('recurring')
    .description('groups of cases that look alike (opened in the last N days, or still open)')
    .addOption(new Option('--days <n>', 'how far back').default('7'))
    .addOption(new Option('--json', 'print JSON'))
    .action(async (options: { days: string; json?: boolean }) => {
      const groups = await withCore(async (core) => {
        await core.kb.follower.load();
        return valueOr(
          await core.kb.useCases.reportRecurringProblems({
            actor: CLI_ACTOR,
            days: Number(options.days),
          }),
        );
      });
      printReport(groups, options.json, formatGroups);
    });
  report
    .command('sla')
    .description(
      'SLA compliance: promises kept, broken, running (cases of the last N days, or open)',
    )
    .addOption(new Option('--days <n>', 'how far back').default('30'))
    .addOption(
      new Option('--by <dimension>', 'one breakdown instead of priority and organization').choices(
        ATTAINMENT_DIMENSIONS,
      ),
    )
    .addOption(new Option('--json', 'print JSON'))
    .action(async (options: { days: string; by?: AttainmentDimension; json?: boolean }) => {
      const compliance = await withCore(async (core) => {
        if (!core.sla) return fail('No SLA is configured: add an `sla` section to caseline.yaml.');
        return valueOr(
          await core.sla.reportCompliance({
            actor: CLI_ACTOR,
            days: Number(options.days),
          }),
        );
      });
      printReport(compliance, options.json, (value) => formatCompliance(value, options.by));
    });
  registerDeskReports(report);
  registerTimeReport(report);
  registerMetricsReports(report);
};

const CLOCK_LABELS = {
  firstResponse: 'First response',
  nextResponse: 'Next response',
  resolution: 'Resolution',
} as const;

const percent = (tally: ClockTally): string =>
  tally.compliance === undefined ? '—' : `${(tally.compliance * 100).toFixed(1)} %`;

// Deflections only where there are some: most clocks (next response always) never have one.
const tallyLine = (label: string, tally: ClockTally): string =>
  `  ${label.padEnd(16)} ${percent(tally).padStart(7)}  kept ${tally.met}, broken ${tally.breached}, running ${tally.running}, paused ${tally.paused}${tally.deflected > 0 ? `, deflected ${tally.deflected}` : ''}\n`;

const deflectionLine = (deflections: number): string =>
  `  ${'Deflected'.padEnd(16)} ${String(deflections).padStart(7)}  solved by the customer with a knowledge-base article; not in the rates\n`;

type Breakdown = 'byAgent' | 'byQueue' | 'byOrganization' | 'byPriority';
const SECTIONS: Record<AttainmentDimension, { title: string; key: Breakdown }> = {
  agent: { title: 'By agent (who owned the case when the clock stopped)', key: 'byAgent' },
  queue: { title: 'By queue (where the case was when the clock stopped)', key: 'byQueue' },
  organization: { title: 'By organization', key: 'byOrganization' },
  priority: { title: 'By priority', key: 'byPriority' },
};

// A report over a whole desk may owe hundreds; the JSON has them all.
const LISTED = 20;
const listed = <T>(items: readonly T[], line: (item: T) => string): string =>
  items.slice(0, LISTED).map(line).join('') +
  (items.length > LISTED ? `  … and ${items.length - LISTED} more (--json lists them all)\n` : '');

export const formatCompliance = (
  report: SlaComplianceReport &
    Partial<Pick<SlaAttainment, 'byAgent' | 'byQueue'>> & { readonly days: number },
  by?: AttainmentDimension,
): string => {
  if (report.cases === 0) return `No cases opened in the last ${report.days} days or open.\n`;
  const section = (title: string, groups: SlaComplianceReport['byPriority']) =>
    `\n${title}\n` +
    groups
      .map(
        (group) =>
          `  ${group.name}\n` +
          CLOCK_KINDS.map((kind) => `  ${tallyLine(CLOCK_LABELS[kind], group.clocks[kind])}`).join(
            '',
          ),
      )
      .join('');
  const lines = [
    `SLA compliance: ${report.cases} cases (opened in the last ${report.days} days, or open)\n`,
    ...CLOCK_KINDS.map((kind) => tallyLine(CLOCK_LABELS[kind], report.clocks[kind])),
    deflectionLine(report.deflections),
    ...(by ? [by] : (['priority', 'organization'] as const)).map((dimension) =>
      section(SECTIONS[dimension].title, report[SECTIONS[dimension].key] ?? []),
    ),
    report.overdue.length > 0
      ? `\nBroken and still owed\n${listed(
          report.overdue,
          (o) => `  ${o.caseNumber}  ${CLOCK_LABELS[o.clock]}, ${o.byMinutes} business min over\n`,
        )}`
      : '',
    report.atRisk.length > 0
      ? `\nAt risk (past the warning point)\n${listed(
          report.atRisk,
          (r) => `  ${r.caseNumber}  ${CLOCK_LABELS[r.clock]} due ${r.due.toISOString()}\n`,
        )}`
      : '',
  ];
  return lines.join('');
};

const formatGroups = (groups: readonly RecurringGroup[]): string =>
  groups.length === 0
    ? 'No recurring problems.\n'
    : groups
        .map(
          (group) =>
            `${group.cases.length} cases${group.articleSlug ? ` · KB: ${group.articleSlug}` : ' · no KB article yet'}\n` +
            group.cases
              .map(
                (c) =>
                  `  ${c.number}  ${c.title}  (${c.status}, ${c.createdAt.toISOString().slice(0, 10)})\n`,
              )
              .join(''),
        )
        .join('\n');
