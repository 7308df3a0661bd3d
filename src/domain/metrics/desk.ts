import type { CaseMetrics } from './case-metrics.js';

/** Median and 90th percentile of a set of durations, in minutes (nearest rank). */
export interface Spread {
  readonly count: number;
  readonly medianMinutes?: number;
  readonly p90Minutes?: number;
}

const nearestRank = (sorted: readonly number[], p: number): number =>
  sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;

export const spreadOf = (minutes: readonly number[]): Spread => {
  if (minutes.length === 0) return { count: 0 };
  const sorted = [...minutes].sort((a, b) => a - b);
  return {
    count: sorted.length,
    medianMinutes: nearestRank(sorted, 0.5),
    p90Minutes: nearestRank(sorted, 0.9),
  };
};

/** A share: how many of how many, and the rate when there is a denominator. */
export interface Share {
  readonly count: number;
  readonly of: number;
  readonly rate?: number;
}

const share = (count: number, of: number): Share =>
  of > 0 ? { count, of, rate: count / of } : { count, of };

export interface AgentTime {
  readonly agentId: string;
  readonly name: string;
  readonly minutes: number;
}

/** The desk's figures over a period (see README "What each figure means"). */
export interface DeskMetrics {
  readonly since: Date;
  readonly until: Date;
  /** Cases opened in the period. */
  readonly opened: number;
  /** Cases solved (or closed) in the period and still so. */
  readonly solved: number;
  /** Of the cases first solved in the period, those reopened since. */
  readonly reopened: Share;
  /** Of the cases the desk solved in the period, those solved at first contact. */
  readonly firstContactResolution: Share;
  /** Of the cases opened in the period, those the customer solved with a KB article. */
  readonly deflected: Share;
  /** First answers given in the period, from the cases' opening. */
  readonly firstReply: Spread;
  /** Cases the desk solved in the period, from opening to the latest solve. */
  readonly resolution: Spread;
  /** Minutes logged in the period, by agent, most first. */
  readonly timeLogged: { readonly totalMinutes: number; readonly byAgent: readonly AgentTime[] };
}

/**
 * Adds cases one at a time so a report over many cases keeps only numbers, never the
 * cases. Each figure picks the cases its period applies to (see DeskMetrics). Pure.
 */
export const deskMetricsTally = (since: Date, until: Date) => {
  const inPeriod = (at: Date | undefined): at is Date =>
    at !== undefined && at.getTime() >= since.getTime() && at.getTime() <= until.getTime();
  let opened = 0;
  let deflected = 0;
  let firstSolved = 0;
  let reopened = 0;
  let solved = 0;
  let deskSolved = 0;
  let fcr = 0;
  const firstReplies: number[] = [];
  const resolutions: number[] = [];
  const agents = new Map<string, { name: string; minutes: number }>();
  return {
    add(m: CaseMetrics): void {
      if (inPeriod(m.openedAt)) {
        opened += 1;
        if (m.deflected) deflected += 1;
      }
      if (inPeriod(m.firstSolvedAt)) {
        firstSolved += 1;
        if (m.reopens > 0) reopened += 1;
      }
      if (inPeriod(m.solvedAt)) {
        solved += 1;
        // Self-service solutions are deflections, not the desk's resolutions.
        if (!m.deflected) {
          deskSolved += 1;
          if (m.firstContactResolution) fcr += 1;
          if (m.resolutionMinutes !== undefined) resolutions.push(m.resolutionMinutes);
        }
      }
      if (inPeriod(m.firstReplyAt) && m.firstReplyMinutes !== undefined)
        firstReplies.push(m.firstReplyMinutes);
      for (const t of m.timeLogged) {
        if (!inPeriod(t.at)) continue;
        const agent = agents.get(t.agentId) ?? { name: t.agentName, minutes: 0 };
        agents.set(t.agentId, { name: agent.name, minutes: agent.minutes + t.minutes });
      }
    },
    result(): DeskMetrics {
      const byAgent = [...agents]
        .map(([agentId, a]) => ({ agentId, name: a.name, minutes: a.minutes }))
        .sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name));
      return {
        since,
        until,
        opened,
        solved,
        reopened: share(reopened, firstSolved),
        firstContactResolution: share(fcr, deskSolved),
        deflected: share(deflected, opened),
        firstReply: spreadOf(firstReplies),
        resolution: spreadOf(resolutions),
        timeLogged: {
          totalMinutes: byAgent.reduce((sum, a) => sum + a.minutes, 0),
          byAgent,
        },
      };
    },
  };
};
