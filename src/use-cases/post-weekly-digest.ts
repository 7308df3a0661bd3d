import type { WeeklyDigestReport } from '../domain/digest/report.js';
import {
  digestTargetKey,
  digestWeekAt,
  type DigestTarget,
  type DigestWeek,
} from '../domain/digest/schedule.js';
import type { Clock, IdGenerator } from '../ports/clock.js';
import type { DigestImage, DigestPost } from '../ports/notifier.js';
import { ONCE_KEY_STALE_MS, type OnceKeys } from '../ports/once-keys.js';

export interface PostWeeklyDigestDeps {
  readonly report: (
    target: DigestTarget & { readonly key: string },
    week: DigestWeek,
  ) => Promise<WeeklyDigestReport>;
  /** Draws the report's charts (src/charts); a digest without them still goes out. */
  readonly drawCharts: (report: WeeklyDigestReport) => Promise<readonly DigestImage[]>;
  /** Posts to the chat the channel is in; false when no configured chat has it. */
  readonly post: (digest: DigestPost) => Promise<boolean>;
  /** Each (target, week) key makes its digest go out once, and again if a run died. */
  readonly keys: OnceKeys;
  readonly clock: Clock;
  readonly newId: IdGenerator;
  readonly onChartFailure?: (error: unknown) => void;
}

export type DigestOutcome =
  | { readonly posted: true; readonly key: string }
  | { readonly posted: false; readonly key: string; readonly reason: 'already-posted' | 'no-chat' };

/**
 * Posts a target's weekly digest once per week, however many replicas or retries run it:
 * the (target, week) key is claimed first, like a contract notice (announce-expiring-
 * contracts.ts), and given back when posting failed, so the job's retry sends it again.
 */
export const makePostWeeklyDigest =
  (deps: PostWeeklyDigestDeps) =>
  async (target: DigestTarget): Promise<DigestOutcome> => {
    const week = digestWeekAt(deps.clock.now(), target.zone);
    const targetKey = digestTargetKey(target);
    const key = `digest:${targetKey}:${week.label}`;
    const runId = deps.newId();
    if (!(await deps.keys.claim(key, runId, ONCE_KEY_STALE_MS)))
      return { posted: false, key, reason: 'already-posted' };
    try {
      const report = await deps.report({ ...target, key: targetKey }, week);
      const images = await deps.drawCharts(report).catch((error: unknown) => {
        // The figures matter more than the pictures: post them without charts.
        deps.onChartFailure?.(error);
        return [];
      });
      const posted = await deps.post({ id: key, channel: target.channel, report, images });
      if (!posted) {
        await deps.keys.release(key, runId);
        return { posted: false, key, reason: 'no-chat' };
      }
      await deps.keys.complete(key, runId);
      return { posted: true, key };
    } catch (error) {
      await deps.keys.release(key, runId);
      throw error;
    }
  };
