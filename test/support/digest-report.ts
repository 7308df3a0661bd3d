import type { WeeklyDigestReport } from '../../src/domain/digest/report.js';
import { digestWeekAt } from '../../src/domain/digest/schedule.js';
import { BACKLOG_AGE_BUCKETS } from '../../src/domain/digest/backlog-age.js';
import { DAY_NAMES } from '../../src/domain/digest/weekly-flow.js';
import type { DigestImage } from '../../src/ports/notifier.js';
import { renderDigestChart } from '../../src/charts/render-chart.js';
import { weeklyDigestView } from '../../src/presentation/weekly-digest-view.js';

const tally = (met: number, breached: number) => ({
  met,
  breached,
  running: 2,
  paused: 0,
  deflected: 0,
  compliance: met / (met + breached),
});

/** A week of a busy queue, hand-built: the figures every digest renderer shows. */
export const sampleDigestReport = (): WeeklyDigestReport => {
  const intake = [14, 11, 9, 12, 8, 2, 1];
  const solved = [9, 12, 10, 8, 11, 1, 0];
  const backlog = [6, 7, 5, 4, 1];
  return {
    target: { key: 'queue-billing', queueKey: 'billing', name: 'Billing' },
    week: digestWeekAt(new Date('2026-11-30T08:00:00Z'), 'Europe/Berlin'),
    flow: {
      intake: 57,
      solved: 51,
      byDay: DAY_NAMES.map((day, i) => ({ day, intake: intake[i]!, solved: solved[i]! })),
    },
    sla: { clocks: { firstResponse: tally(46, 4), resolution: tally(38, 6) }, deflections: 3 },
    backlog: {
      open: 23,
      buckets: BACKLOG_AGE_BUCKETS.map((bucket, i) => ({ bucket, cases: backlog[i]! })),
    },
    csat: { answers: 31, average: 4.35, satisfiedPercent: 87.1 },
    recurring: [
      { title: 'Invoice PDF is empty', cases: 5, articleSlug: 'invoice-pdf' },
      { title: 'VAT number rejected', cases: 3 },
    ],
  };
};

export const sampleDigestImages = async (): Promise<DigestImage[]> =>
  Promise.all(weeklyDigestView(sampleDigestReport()).charts.map(renderDigestChart));
