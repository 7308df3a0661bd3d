import { PRIORITIES, type Priority } from '../priority.js';
import { SATISFIED_FROM } from './csat.js';
import type { CaseState } from './types.js';

/** One row of the CSAT report: answers, their average and the share of 4s and 5s. */
export interface CsatTally {
  readonly key: string;
  readonly name: string;
  readonly answers: number;
  readonly average: number;
  /** Answers of 4 or 5, in percent (one decimal). */
  readonly satisfiedPercent: number;
}

export interface CsatReport {
  readonly days: number;
  readonly total: Omit<CsatTally, 'key' | 'name'>;
  readonly byAgent: readonly CsatTally[];
  readonly byQueue: readonly CsatTally[];
  readonly byOrganization: readonly CsatTally[];
}

interface Answer {
  readonly score: number;
  readonly agents: readonly { readonly id: string; readonly name: string }[];
  readonly queueKey: string;
  readonly organizationKey: string;
}

const split = (value: unknown, separator: string): string[] =>
  typeof value === 'string' && value ? value.split(separator) : [];

/** The answers given since `since`, with the agents recorded with them. */
export const csatAnswersSince = (states: readonly CaseState[], since: Date): Answer[] =>
  states.flatMap((state) =>
    state.events
      .filter((e) => e.type === 'csat-answered' && e.at >= since)
      .flatMap((e) => {
        const score = e.data?.['score'];
        if (typeof score !== 'number') return [];
        const ids = split(e.data?.['agentIds'], ',');
        const names = split(e.data?.['agentNames'], ', ');
        const agents = ids.map((id, i) => ({ id, name: names[i] ?? id }));
        return [
          { score, agents, queueKey: state.queueKey, organizationKey: state.organizationKey },
        ];
      }),
  );

const round1 = (value: number): number => Math.round(value * 10) / 10;

const tally = (scores: readonly number[]) => ({
  answers: scores.length,
  average: scores.length
    ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100
    : 0,
  satisfiedPercent: scores.length
    ? round1((scores.filter((s) => s >= SATISFIED_FROM).length / scores.length) * 100)
    : 0,
});

const groupBy = (
  entries: readonly (readonly [key: string, name: string, score: number])[],
): CsatTally[] => {
  const groups = new Map<string, { name: string; scores: number[] }>();
  for (const [key, name, score] of entries) {
    const group = groups.get(key) ?? { name, scores: [] };
    group.scores.push(score);
    groups.set(key, group);
  }
  return [...groups]
    .map(([key, group]) => ({ key, name: group.name, ...tally(group.scores) }))
    .sort((a, b) => b.answers - a.answers || a.name.localeCompare(b.name));
};

/**
 * Satisfaction by agent (an answer counts for every agent who worked the case), queue and
 * organization. `names` turns queue and organization keys into names where known.
 */
export const summarizeCsat = (
  answers: readonly Answer[],
  days: number,
  names: { queues: ReadonlyMap<string, string>; organizations: ReadonlyMap<string, string> },
): CsatReport => ({
  days,
  total: tally(answers.map((a) => a.score)),
  byAgent: groupBy(answers.flatMap((a) => a.agents.map((g) => [g.id, g.name, a.score] as const))),
  byQueue: groupBy(
    answers.map((a) => [a.queueKey, names.queues.get(a.queueKey) ?? a.queueKey, a.score] as const),
  ),
  byOrganization: groupBy(
    answers.map(
      (a) =>
        [
          a.organizationKey,
          names.organizations.get(a.organizationKey) ?? a.organizationKey,
          a.score,
        ] as const,
    ),
  ),
});

/** One agent's open cases by priority, and whether they can take work now. */
export interface WorkloadRow {
  readonly agentId: string | null;
  readonly name: string;
  readonly available: boolean | null;
  readonly open: number;
  readonly byPriority: Readonly<Record<Priority, number>>;
}

const zero = (): Record<Priority, number> =>
  Object.fromEntries(PRIORITIES.map((p) => [p, 0])) as Record<Priority, number>;

/**
 * Open cases per active agent (every agent listed, idle ones too), busiest first, and the
 * unassigned ones last (`agentId: null`).
 */
export const summarizeWorkload = (
  open: readonly { readonly assigneeId?: string; readonly priority: Priority }[],
  agents: readonly { readonly id: string; readonly name: string }[],
  available: ReadonlySet<string>,
): WorkloadRow[] => {
  const counts = new Map<string | null, Record<Priority, number>>();
  for (const c of open) {
    const key = c.assigneeId ?? null;
    const row = counts.get(key) ?? zero();
    row[c.priority] += 1;
    counts.set(key, row);
  }
  const known = new Set(agents.map((a) => a.id));
  const row = (agentId: string | null, name: string, isAvailable: boolean | null): WorkloadRow => {
    const byPriority = counts.get(agentId) ?? zero();
    const total = PRIORITIES.reduce((sum, p) => sum + byPriority[p], 0);
    return { agentId, name, available: isAvailable, open: total, byPriority };
  };
  const rows = agents.map((a) => row(a.id, a.name, available.has(a.id)));
  // Owners no longer in the directory's active list still hold cases: show them.
  for (const id of counts.keys()) if (id !== null && !known.has(id)) rows.push(row(id, id, false));
  rows.sort((a, b) => b.open - a.open || a.name.localeCompare(b.name));
  return [...rows, row(null, 'Unassigned', null)];
};
