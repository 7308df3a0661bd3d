/**
 * `report sla|backlog|csat|workload` as a card with the key figures, decided once for every
 * place that shows it (Slack, Teams and the playground, the desk page): who may see it,
 * which figures lead, and a few short tables. Adapters only render a `ReportCard`.
 */
import type { Actor } from '../domain/case/types.js';
import type { CsatReport } from '../domain/case/csat-report.js';
import type { WorkloadRow } from '../domain/case/csat-report.js';
import { hasPermission } from '../domain/permissions.js';
import { PRIORITIES, type Priority } from '../domain/priority.js';
import type { Result } from '../domain/result.js';
import { CLOCK_KINDS, type ClockTally, type SlaComplianceReport } from '../domain/sla/index.js';
import { AGE_BUCKETS, AGE_BUCKET_LABELS } from '../domain/metrics/index.js';
import type { BacklogReportValue } from '../use-cases/reports/report-backlog.js';
import { REPORT_KINDS, type ReportKind } from './support-commands.js';

export interface ReportFigure {
  readonly label: string;
  readonly value: string;
}

export interface ReportTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Set when rows were left out: "and 4 more". */
  readonly more?: string | undefined;
}

export interface ReportCard {
  readonly report: ReportKind;
  readonly title: string;
  /** "Last 30 days", "Now": what the figures cover. */
  readonly period: string;
  readonly figures: readonly ReportFigure[];
  readonly tables: readonly ReportTable[];
  /** One line under the figures (how a rate is counted), or what an empty report says. */
  readonly note?: string | undefined;
}

export type ReportAnswer =
  | { readonly kind: 'report'; readonly card: ReportCard }
  | { readonly kind: 'refused'; readonly text: string };

type Report<T> = (input: unknown) => Promise<Result<T>>;

export interface ReportCardDeps {
  /** Absent when no SLA is configured. */
  readonly reportSla?: Report<SlaComplianceReport & { readonly days: number }> | undefined;
  readonly reportBacklog: Report<BacklogReportValue>;
  readonly reportCsat: Report<CsatReport>;
  readonly reportWorkload: Report<WorkloadRow[]>;
  readonly priorityLabels: Readonly<Record<Priority, string>>;
}

/** Rows a card shows per table; a chat card stays readable at this size. */
export const TABLE_ROWS = 8;
const DEFAULT_DAYS = 30;

const CLOCK_LABELS = {
  firstResponse: 'First response',
  nextResponse: 'Next response',
  resolution: 'Resolution',
} as const;

const percent = (share: number | undefined): string =>
  share === undefined ? '—' : `${(share * 100).toFixed(1)} %`;

const table = (
  title: string,
  columns: readonly string[],
  rows: readonly (readonly string[])[],
): ReportTable => ({
  title,
  columns,
  rows: rows.slice(0, TABLE_ROWS),
  more: rows.length > TABLE_ROWS ? `and ${rows.length - TABLE_ROWS} more` : undefined,
});

const clockCells = (clocks: Readonly<Record<string, ClockTally>>) =>
  CLOCK_KINDS.map((kind) => percent(clocks[kind]?.compliance));

const slaCard = (
  r: SlaComplianceReport & { readonly days: number },
  labels: ReportCardDeps['priorityLabels'],
): ReportCard => ({
  report: 'sla',
  title: 'SLA attainment',
  period: `Cases opened in the last ${r.days} days, or still open`,
  figures: [
    { label: 'Cases', value: String(r.cases) },
    ...CLOCK_KINDS.map((kind) => ({
      label: CLOCK_LABELS[kind],
      value: `${percent(r.clocks[kind].compliance)} (${r.clocks[kind].met} kept, ${r.clocks[kind].breached} broken)`,
    })),
    { label: 'Deflected', value: String(r.deflections) },
    { label: 'Broken, still owed', value: String(r.overdue.length) },
    { label: 'At risk', value: String(r.atRisk.length) },
  ],
  tables: [
    table(
      'By priority',
      ['Priority', ...CLOCK_KINDS.map((k) => CLOCK_LABELS[k])],
      r.byPriority.map((g) => [labels[g.name as Priority] ?? g.name, ...clockCells(g.clocks)]),
    ),
    table(
      'Broken and still owed',
      ['Case', 'Clock', 'Over by'],
      r.overdue.map((o) => [o.caseNumber, CLOCK_LABELS[o.clock], `${o.byMinutes} business min`]),
    ),
  ].filter((t) => t.rows.length > 0),
  note:
    r.cases === 0
      ? 'No cases in this period.'
      : 'Kept ÷ (kept + broken); cases the customer solved with an article are deflections, not in the rates.',
});

const backlogCard = (r: BacklogReportValue): ReportCard => ({
  report: 'backlog',
  title: 'Backlog',
  period: 'Open cases now, by age since opened',
  figures: [
    { label: 'Open', value: String(r.open) },
    ...AGE_BUCKETS.map((bucket) => ({
      label: AGE_BUCKET_LABELS[bucket],
      value: String(r.ages[bucket]),
    })),
    ...(r.languishing > 0 ? [{ label: 'Languishing', value: String(r.languishing) }] : []),
    ...(r.oldest[0]
      ? [
          {
            label: 'Oldest',
            value: `${r.oldest[0].caseNumber}, opened ${r.oldest[0].createdAt.toISOString().slice(0, 10)}`,
          },
        ]
      : []),
  ],
  tables: [
    table(
      'By status',
      ['Status', 'Open', ...AGE_BUCKETS.map((b) => AGE_BUCKET_LABELS[b]), 'Languishing'],
      r.byStatus.map((row) => [
        r.statusNames[row.status] ?? row.status,
        String(row.open),
        ...AGE_BUCKETS.map((b) => String(row.ages[b])),
        row.languishingAfterMinutes === undefined ? '—' : String(row.languishing),
      ]),
    ),
  ].filter((t) => t.rows.length > 0),
  note: r.open === 0 ? 'No open cases.' : undefined,
});

const csatCard = (r: CsatReport): ReportCard => {
  const rows = (tallies: CsatReport['byAgent']) =>
    tallies.map((t) => [
      t.name,
      String(t.answers),
      t.average.toFixed(2),
      `${t.satisfiedPercent.toFixed(1)} %`,
    ]);
  const columns = ['Answers', 'Average', 'Satisfied'];
  return {
    report: 'csat',
    title: 'Customer satisfaction',
    period: `Answers of the last ${r.days} days`,
    figures: [
      { label: 'Answers', value: String(r.total.answers) },
      { label: 'Average (of 5)', value: r.total.answers ? r.total.average.toFixed(2) : '—' },
      {
        label: 'Satisfied (4 or 5)',
        value: r.total.answers ? `${r.total.satisfiedPercent.toFixed(1)} %` : '—',
      },
    ],
    tables: [
      table('By agent', ['Agent', ...columns], rows(r.byAgent)),
      table('By queue', ['Queue', ...columns], rows(r.byQueue)),
    ].filter((t) => t.rows.length > 0),
    note: r.total.answers === 0 ? `No satisfaction answers in the last ${r.days} days.` : undefined,
  };
};

const workloadCard = (
  rows: readonly WorkloadRow[],
  labels: ReportCardDeps['priorityLabels'],
): ReportCard => {
  const agents = rows.filter((row) => row.agentId !== null);
  const unassigned = rows.find((row) => row.agentId === null)?.open ?? 0;
  const availability = (row: WorkloadRow) =>
    row.available === null ? '' : row.available ? 'available' : 'not available';
  return {
    report: 'workload',
    title: 'Workload',
    period: 'Open cases now, per agent',
    figures: [
      { label: 'Open', value: String(rows.reduce((sum, row) => sum + row.open, 0)) },
      { label: 'Unassigned', value: String(unassigned) },
      {
        label: 'Agents available',
        value: `${agents.filter((a) => a.available).length} of ${agents.length}`,
      },
    ],
    tables: [
      table(
        'By agent, busiest first',
        ['Agent', 'Open', ...PRIORITIES.map((p) => labels[p]), 'Now'],
        agents.map((row) => [
          row.name,
          String(row.open),
          ...PRIORITIES.map((p) => String(row.byPriority[p])),
          availability(row),
        ]),
      ),
    ],
  };
};

const REFUSED = {
  customer: 'Reports are for the support desk’s leads and admins.',
  agent:
    'Reports are for leads and admins: ask an admin to give you the lead role if you need them.',
};

/** Who may see reports: leads and admins (they span every queue, organization and agent). */
export const reportRefusal = (actor: Actor): string | undefined => {
  if (actor.kind === 'customer') return REFUSED.customer;
  if (actor.kind === 'staff' && !hasPermission(actor.role, 'report::view')) return REFUSED.agent;
  return undefined;
};

export const reportWordsHelp = (): string =>
  `Reports: ${REPORT_KINDS.join(', ')}; add --days N (1–365) for sla and csat, e.g. report csat --days 7.`;

export const makeAnswerReport =
  (deps: ReportCardDeps) =>
  async (
    actor: Actor,
    request: {
      readonly report: ReportKind;
      readonly days?: number;
      readonly unknown?: readonly string[];
    },
  ): Promise<ReportAnswer> => {
    const refusal = reportRefusal(actor);
    if (refusal) return { kind: 'refused', text: refusal };
    if (request.unknown && request.unknown.length > 0)
      return { kind: 'refused', text: reportWordsHelp() };
    const days = request.days ?? DEFAULT_DAYS;
    const card = async <T>(report: Report<T>, input: object, draw: (value: T) => ReportCard) => {
      const result = await report({ actor, ...input });
      return result.ok
        ? ({ kind: 'report', card: draw(result.value) } as const)
        : ({
            kind: 'refused',
            text: result.code === 'invalid-input' ? reportWordsHelp() : result.message,
          } as const);
    };
    switch (request.report) {
      case 'sla':
        if (!deps.reportSla)
          return {
            kind: 'refused',
            text: 'No SLA is configured: add an `sla` section to caseline.yaml.',
          };
        return card(deps.reportSla, { days }, (r) => slaCard(r, deps.priorityLabels));
      case 'backlog':
        return card(deps.reportBacklog, {}, backlogCard);
      case 'csat':
        return card(deps.reportCsat, { days }, csatCard);
      case 'workload':
        return card(deps.reportWorkload, {}, (rows) => workloadCard(rows, deps.priorityLabels));
    }
  };

export type AnswerReport = ReturnType<typeof makeAnswerReport>;
