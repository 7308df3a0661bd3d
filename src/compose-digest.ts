/**
 * The weekly digests (README "Weekly digest"): figures from the report use cases, charts
 * drawn on the server, posted through whichever chat's notifier has the channel.
 */
import { renderDigestChart } from './charts/render-chart.js';
import type { Core } from './composition.js';
import { digestCron, digestTargetKey, type DigestTarget } from './domain/digest/schedule.js';
import type { Logger } from './infra/logger.js';
import type { WeeklyJob } from './jobs/agenda-scheduler.js';
import type { Notifier } from './ports/notifier.js';
import { weeklyDigestView } from './presentation/weekly-digest-view.js';
import { makePostWeeklyDigest } from './use-cases/post-weekly-digest.js';
import { makeReportWeeklyDigest } from './use-cases/report-weekly-digest.js';

export const makeDigestPoster = (core: Core, notifier: Notifier, log: Logger) => {
  const { config, clock } = core;
  const report = makeReportWeeklyDigest({
    cases: core.cases,
    directory: core.directory,
    clock,
    sla: config.sla && { sla: config.sla, workflow: config.workflow, clock },
    reportCsat: core.useCases.reportCsat,
    reportRecurring: core.kb.useCases.reportRecurringProblems,
  });
  return makePostWeeklyDigest({
    report,
    drawCharts: (figures) => Promise.all(weeklyDigestView(figures).charts.map(renderDigestChart)),
    post: (digest) => notifier.postDigest?.(digest) ?? Promise.resolve(false),
    keys: core.cases,
    clock,
    newId: core.newId,
    onChartFailure: (error) => log.error({ err: error }, 'digest charts could not be drawn'),
  });
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
