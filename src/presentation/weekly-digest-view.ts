import type { ClockTally } from '../domain/sla/index.js';
import type { WeeklyDigestReport } from '../domain/digest/report.js';

export interface DigestFact {
  readonly label: string;
  readonly value: string;
}

/** A chart as data, drawn to an image on the server (src/charts) and shown by each chat. */
export interface DigestChart {
  readonly id: 'intake-solved' | 'backlog-age';
  readonly title: string;
  /** Says what the image shows, for screen readers and clients that do not load it. */
  readonly alt: string;
  readonly categories: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
}

/** The weekly digest as every chat shows it: Slack and Teams only render this. */
export interface WeeklyDigestView {
  readonly title: string;
  /** One line for notifications and the chat list. */
  readonly summary: string;
  readonly facts: readonly DigestFact[];
  readonly backlog: readonly DigestFact[];
  readonly recurring: readonly string[];
  readonly charts: readonly DigestChart[];
  /** The whole digest as plain lines (logs, fallbacks). */
  readonly text: string;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

const attainment = (tally: ClockTally): string =>
  tally.compliance === undefined
    ? 'nothing decided yet'
    : `${percent(tally.compliance)} (${tally.met} of ${tally.met + tally.breached} met)`;

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** `23 Nov – 29 Nov 2026` from the week's local days (`yyyy-mm-dd`). */
const days = (report: WeeklyDigestReport): string => {
  const parts = (iso: string) => {
    const [year = '', month = '1', day = '1'] = iso.split('-');
    return { year, day: String(Number(day)), month: MONTHS[Number(month) - 1] ?? month };
  };
  const first = parts(report.week.firstDay);
  const last = parts(report.week.lastDay);
  const from = `${first.day} ${first.month}${first.year === last.year ? '' : ` ${first.year}`}`;
  return `${from} – ${last.day} ${last.month} ${last.year}`;
};

const factsOf = (report: WeeklyDigestReport): DigestFact[] => [
  { label: 'Intake', value: `${report.flow.intake} new cases` },
  { label: 'Solved', value: `${report.flow.solved} cases` },
  ...(report.sla
    ? [
        { label: 'First response', value: attainment(report.sla.clocks.firstResponse) },
        { label: 'Resolution', value: attainment(report.sla.clocks.resolution) },
        ...(report.sla.deflections > 0
          ? [{ label: 'Solved by the KB', value: `${report.sla.deflections} (not counted as met)` }]
          : []),
      ]
    : []),
  { label: 'Open backlog', value: `${report.backlog.open} cases` },
  {
    label: 'CSAT',
    value: report.csat
      ? `${report.csat.average.toFixed(2)} of 5, ${report.csat.satisfiedPercent}% satisfied (${report.csat.answers} answers)`
      : 'no answers this week',
  },
];

/** Words and chart data for one digest; the same for Slack and Teams. */
export const weeklyDigestView = (report: WeeklyDigestReport): WeeklyDigestView => {
  const title = `Weekly digest · ${report.target.name} · ${days(report)}`;
  const facts = factsOf(report);
  const backlog = report.backlog.buckets.map((b) => ({ label: b.bucket, value: String(b.cases) }));
  const recurring = report.recurring.map(
    (group) =>
      `${group.title} — ${group.cases} cases${group.articleSlug ? ` (article: ${group.articleSlug})` : ''}`,
  );
  const charts: DigestChart[] = [
    {
      id: 'intake-solved',
      title: `Intake and solved per day, ${report.week.label}`,
      alt: `Bar chart: ${report.flow.byDay.map((d) => `${d.day} ${d.intake} in, ${d.solved} solved`).join('; ')}`,
      categories: report.flow.byDay.map((d) => d.day),
      series: [
        { name: 'Intake', values: report.flow.byDay.map((d) => d.intake) },
        { name: 'Solved', values: report.flow.byDay.map((d) => d.solved) },
      ],
    },
    {
      id: 'backlog-age',
      title: `Open cases by age (${report.backlog.open} open)`,
      alt: `Bar chart: ${backlog.map((b) => `${b.label}: ${b.value}`).join('; ')}`,
      categories: backlog.map((b) => b.label),
      series: [{ name: 'Open cases', values: report.backlog.buckets.map((b) => b.cases) }],
    },
  ];
  const summary = `${report.target.name}, ${report.week.label}: ${report.flow.intake} new, ${report.flow.solved} solved, ${report.backlog.open} open`;
  const text = [
    title,
    ...facts.map((f) => `${f.label}: ${f.value}`),
    `Backlog by age: ${backlog.map((b) => `${b.label} ${b.value}`).join(', ')}`,
    ...(recurring.length > 0 ? ['Recurring problems:', ...recurring.map((r) => `  ${r}`)] : []),
  ].join('\n');
  return { title, summary, facts, backlog, recurring, charts, text };
};
