/**
 * The weekly digests (README "Weekly digest"): figures from the report use cases, charts
 * drawn on the server, posted through whichever chat's notifier has the channel.
 */
import { renderDigestChart, type ChartImage } from './charts/render-chart.js';
import type { Core } from './composition.js';
import type { WeeklyDigestReport } from './domain/digest/report.js';
import {
  digestCron,
  digestTargetKey,
  digestWeekAt,
  type DigestTarget,
} from './domain/digest/schedule.js';
import type { Logger } from './infra/logger.js';
import type { WeeklyJob } from './jobs/agenda-scheduler.js';
import type { Notifier } from './ports/notifier.js';
import { weeklyDigestView } from './presentation/weekly-digest-view.js';
import { makePostWeeklyDigest } from './use-cases/post-weekly-digest.js';
import { makeReportWeeklyDigest } from './use-cases/report-weekly-digest.js';

const digestReport = (core: Core) =>
  makeReportWeeklyDigest({
    cases: core.cases,
    directory: core.directory,
    clock: core.clock,
    sla: core.config.sla && {
      sla: core.config.sla,
      workflow: core.config.workflow,
      clock: core.clock,
    },
    reportCsat: core.useCases.reportCsat,
    reportRecurring: core.kb.useCases.reportRecurringProblems,
  });

const drawCharts = (figures: WeeklyDigestReport) =>
  Promise.all(weeklyDigestView(figures).charts.map(renderDigestChart));

export const makeDigestPoster = (core: Core, notifier: Notifier, log: Logger) => {
  const { clock } = core;
  return makePostWeeklyDigest({
    report: digestReport(core),
    drawCharts,
    post: (digest) => notifier.postDigest?.(digest) ?? Promise.resolve(false),
    keys: core.onceKeys,
    clock,
    newId: core.newId,
    onChartFailure: (error) => log.error({ err: error }, 'digest charts could not be drawn'),
  });
};

/** How long the desk page shows the same charts before drawing them again. */
const DESK_CHARTS_MS = 5 * 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The desk digest's charts over the last seven days, today included (in the desk digest's
 * zone, else UTC), for the desk page; drawn at most every five minutes, as drawing takes
 * a while.
 */
export const makeDeskCharts = (core: Core, log: Logger) => {
  const report = digestReport(core);
  const desk = core.config.digests.find((target) => !target.queueKey);
  const zone = desk?.zone ?? 'UTC';
  let drawn: { at: number; charts: Promise<readonly ChartImage[]> } | undefined;
  return (): Promise<readonly ChartImage[]> => {
    const now = core.clock.now();
    if (!drawn || now.getTime() - drawn.at > DESK_CHARTS_MS) {
      const target = {
        channel: desk?.channel ?? 'desk',
        weekday: 'monday',
        time: '00:00',
        zone,
      } as const;
      drawn = {
        at: now.getTime(),
        // The seven days up to tomorrow's start: the digest's week, moved on to include today.
        charts: report(
          { ...target, key: 'desk' },
          digestWeekAt(new Date(now.getTime() + DAY_MS), zone),
        ).then(drawCharts),
      };
    }
    return drawn.charts.catch((error: unknown) => {
      log.error({ err: error }, 'desk charts could not be drawn');
      drawn = undefined;
      return [];
    });
  };
};

/** One Agenda job per digest target, at its weekday and time in its zone. */
export const digestJobs = (
  targets: readonly DigestTarget[],
  post: () => ((target: DigestTarget) => Promise<unknown>) | undefined,
): WeeklyJob[] =>
  targets.map((target) => ({
    name: `weekly-digest:${digestTargetKey(target)}`,
    cron: digestCron(target),
    timezone: target.zone,
    run: async () => {
      await post()?.(target);
    },
  }));

/** Runs a target's digest and logs what came of it; a failure is thrown for Agenda's retry. */
export const logDigestOutcome =
  (poster: ReturnType<typeof makeDigestPoster>, log: Logger) => async (target: DigestTarget) => {
    const outcome = await poster(target);
    if (outcome.posted) log.info({ digest: outcome.key, channel: target.channel }, 'digest posted');
    else if (outcome.reason === 'no-chat')
      log.warn(
        { digest: outcome.key, channel: target.channel },
        'digest not posted: no chat has this channel (or Teams has no conversation reference for it yet)',
      );
  };
