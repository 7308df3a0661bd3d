import { Option, type Command } from 'commander';
import { AGE_BUCKETS, type AgeBucket, type Share, type Spread } from '../domain/metrics/index.js';
import type { BacklogReportValue, DeskMetricsReport } from '../use-cases/reports/index.js';
import { CLI_ACTOR, printReport, valueOr, withCore } from './with-core.js';

/**
 * `caseline report backlog`: open cases by status and age, the languishing highlighted.
 * `caseline report metrics`: reopen rate, first-contact resolution, deflection rate, reply
 * and resolution times, time logged — the figures README "What each figure means" defines.
 */
export const registerMetricsReports = (report: Command): void => {
  report
    .command('backlog')
    .description('open cases by status and age; statuses past their languishing limit marked')
    .addOption(
      new Option('--days <n>', 'accepted like the other reports; the backlog is now').default('30'),
    )
    .addOption(new Option('--json', 'print JSON'))
    .action(async (options: { days: string; json?: boolean }) => {
      const backlog = await withCore(async (core) => {
        return valueOr(
          await core.useCases.reportBacklog({
            actor: CLI_ACTOR,
            days: Number(options.days),
          }),
        );
      });
      printReport(backlog, options.json, formatBacklog);
    });
  report
    .command('metrics')
    .description(
      'reopen rate, first-contact resolution, KB deflection, reply and resolution times, time logged',
    )
    .addOption(new Option('--days <n>', 'how far back').default('30'))
    .addOption(new Option('--json', 'print JSON'))
    .action(async (options: { days: string; json?: boolean }) => {
      const metrics = await withCore(async (core) => {
        return valueOr(
          await core.useCases.reportDeskMetrics({
            actor: CLI_ACTOR,
            days: Number(options.days),
          }),
        );
      });
      printReport(metrics, options.json, formatDeskMetrics);
    });
};

const AGE_LABELS: Record<AgeBucket, string> = {
  under1d: '<1 d',
  '1to3d': '1–3 d',
  '3to7d': '3–7 d',
  '7to30d': '7–30 d',
  over30d: '>30 d',
};

// Business time is told in hours: a business day is whatever the calendar says it is.
const businessHours = (minutes: number): string =>
  `${Number((minutes / 60).toFixed(1))} business hour${minutes === 60 ? '' : 's'}`;

/** Minutes as a person reads them: 45 min, 3.5 h, 2.1 d. */
export const duration = (minutes: number): string =>
  minutes < 60
    ? `${Math.round(minutes)} min`
    : minutes < 1440
      ? `${(minutes / 60).toFixed(1)} h`
      : `${(minutes / 1440).toFixed(1)} d`;

const row = (label: string, open: number, ages: Readonly<Record<AgeBucket, number>>) =>
  `  ${label.padEnd(26)} ${String(open).padStart(5)}${AGE_BUCKETS.map((b) => String(ages[b]).padStart(8)).join('')}`;

export const formatBacklog = (report: BacklogReportValue): string => {
  if (report.open === 0) return 'No open cases.\n';
  const languishing =
    report.languishing > 0 ? `, ${report.languishing} languishing (marked !)` : '';
  const lines = [
    `Backlog: ${report.open} open cases by status and age since opening${languishing}\n`,
    `  ${''.padEnd(26)} ${'Open'.padStart(5)}${AGE_BUCKETS.map((b) => AGE_LABELS[b].padStart(8)).join('')}\n`,
    ...report.byStatus.map((r) => {
      const name = report.statusNames[r.status] ?? r.status;
      const limit =
        r.languishingAfterMinutes === undefined
          ? ''
          : `  ${r.languishing > 0 ? '! ' : ''}${r.languishing} past its limit of ${businessHours(r.languishingAfterMinutes)}`;
      return `${row(name, r.open, r.ages)}${limit}\n`;
    }),
    `${row('All', report.open, report.ages)}\n`,
    `\nOldest open\n${report.oldest.map((o) => `  ${o.caseNumber}  opened ${o.createdAt.toISOString().slice(0, 10)}\n`).join('')}`,
  ];
  return lines.join('');
};

const rate = (share: Share, of: string): string =>
  share.rate === undefined
    ? `—  (no ${of})`
    : `${(share.rate * 100).toFixed(1)} %  (${share.count} of ${share.of} ${of})`;

const spread = (s: Spread, of: string): string =>
  s.medianMinutes === undefined || s.p90Minutes === undefined
    ? `—  (no ${of})`
    : `median ${duration(s.medianMinutes)}, 90th percentile ${duration(s.p90Minutes)}  (${s.count} ${of})`;

const line = (label: string, value: string) => `  ${label.padEnd(26)} ${value}\n`;

export const formatDeskMetrics = (m: DeskMetricsReport): string =>
  [
    `Desk metrics, last ${m.days} days (${m.since.toISOString().slice(0, 10)} to ${m.until.toISOString().slice(0, 10)})\n`,
    line('Cases opened', String(m.opened)),
    line('Cases solved', String(m.solved)),
    line('Reopen rate', rate(m.reopened, 'first solved')),
    line('First-contact resolution', rate(m.firstContactResolution, 'solved by the desk')),
    line('KB deflection rate', rate(m.deflected, 'opened')),
    line('First reply time', spread(m.firstReply, 'first replies')),
    line('Resolution time', spread(m.resolution, 'solved by the desk')),
    line('Time logged', `${m.timeLogged.totalMinutes} min`),
    ...m.timeLogged.byAgent.map(
      (a) => `    ${a.name.padEnd(24)} ${String(a.minutes).padStart(6)} min\n`,
    ),
  ].join('');
