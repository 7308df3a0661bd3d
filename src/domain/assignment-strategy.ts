/**
 * Who gets a case when a queue assigns automatically: the pure choice, from the queue's
 * members and facts gathered by the caller (who is available, how loaded each agent is,
 * whose turn it is). No I/O; ties are broken by pool order (agents sorted by email).
 */
import { z } from 'zod';
import type { Priority } from './priority.js';

export const ASSIGNMENT_STRATEGIES = ['manual', 'round-robin', 'least-loaded'] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

/** A queue's `assignment` in caseline.yaml (or an import); absent means `manual`. */
export const queueAssignmentSchema = z.strictObject({
  strategy: z.enum(ASSIGNMENT_STRATEGIES).default('manual'),
  /** Only agents whose skills name the case's product or module take it. */
  skills: z.boolean().default(false),
  /** Most open cases (any priority) an agent holds before automatic assignment skips them. */
  capacity: z.number().int().min(1).max(10_000).optional(),
  /**
   * When an owner says `/support away`, their open cases in this queue go to someone
   * available by the strategy (off: they wait for the owner, SLA reminders to the queue).
   */
  handOnWhenAway: z.boolean().default(false),
});
export type QueueAssignment = z.output<typeof queueAssignmentSchema>;

/**
 * How much an open case weighs in `least-loaded`: an urgent case keeps an agent as busy
 * as four normal ones, a low one as half of one.
 */
export const PRIORITY_WEIGHTS: Readonly<Record<Priority, number>> = {
  urgent: 4,
  high: 2,
  normal: 1,
  low: 0.5,
};

export interface AgentSkills {
  readonly products?: readonly string[] | undefined;
  readonly modules?: readonly string[] | undefined;
}

export interface AssignmentCandidate {
  readonly id: string;
  readonly name: string;
  readonly skills?: AgentSkills | undefined;
}

/** Open cases an agent owns, by priority. */
export type OpenLoad = Readonly<Partial<Record<Priority, number>>>;

/** What the case asks for when the queue uses skills; the label is what history names. */
export interface SkillNeed {
  readonly productKey?: string | undefined;
  readonly productLabel?: string | undefined;
  readonly module?: string | undefined;
}

export interface AssignmentFacts {
  readonly available: ReadonlySet<string>;
  readonly load?: ReadonlyMap<string, OpenLoad>;
  readonly capacity?: number | undefined;
  /** Set when the queue uses skills. */
  readonly need?: SkillNeed | undefined;
  /** The queue's shared round-robin counter, taken for this case. */
  readonly turn?: number;
  /** Agents who must not get it (the owner it is taken from). */
  readonly exclude?: readonly string[];
}

export type AssignmentChoice =
  | { readonly kind: 'assign'; readonly agent: AssignmentCandidate; readonly reason: string }
  | { readonly kind: 'leave'; readonly reason: string };

export const openCount = (load: OpenLoad | undefined): number =>
  Object.values(load ?? {}).reduce((sum, n) => sum + n, 0);

export const weightedLoad = (load: OpenLoad | undefined): number =>
  (Object.entries(load ?? {}) as [Priority, number][]).reduce(
    (sum, [priority, n]) => sum + PRIORITY_WEIGHTS[priority] * n,
    0,
  );

/** The skill a candidate matches the need with (module first: it is the narrower one). */
const skillMatch = (candidate: AssignmentCandidate, need: SkillNeed): string | undefined => {
  if (need.module && candidate.skills?.modules?.includes(need.module)) return need.module;
  if (need.productKey && candidate.skills?.products?.includes(need.productKey)) {
    return need.productLabel ?? need.productKey;
  }
  return undefined;
};

const needsNothing = (need: SkillNeed | undefined): boolean =>
  !need || (!need.module && !need.productKey);

/** The candidates who may take the case now, in pool order, with the skill that let them. */
export const eligibleCandidates = (
  candidates: readonly AssignmentCandidate[],
  facts: AssignmentFacts,
): { readonly agent: AssignmentCandidate; readonly skill?: string }[] =>
  candidates.flatMap((agent) => {
    if (facts.exclude?.includes(agent.id) || !facts.available.has(agent.id)) return [];
    if (facts.capacity !== undefined && openCount(facts.load?.get(agent.id)) >= facts.capacity) {
      return [];
    }
    if (needsNothing(facts.need)) return [{ agent }];
    const skill = skillMatch(agent, facts.need ?? {});
    return skill ? [{ agent, skill }] : [];
  });

const leaveReason = (facts: AssignmentFacts): string => {
  const what = needsNothing(facts.need)
    ? 'no available agent'
    : `no available agent with the skill ${facts.need?.module ?? facts.need?.productLabel ?? facts.need?.productKey}`;
  return facts.capacity === undefined ? what : `${what} under capacity ${facts.capacity}`;
};

/** Picks the assignee for one case, or says why it stays in the queue. */
export const chooseAssignee = (
  strategy: AssignmentStrategy,
  candidates: readonly AssignmentCandidate[],
  facts: AssignmentFacts,
): AssignmentChoice => {
  if (strategy === 'manual') return { kind: 'leave', reason: 'the queue assigns manually' };
  const eligible = eligibleCandidates(candidates, facts);
  if (eligible.length === 0) return { kind: 'leave', reason: leaveReason(facts) };
  let pick = eligible[0];
  if (strategy === 'round-robin') {
    pick = eligible[(facts.turn ?? 0) % eligible.length];
  } else {
    // The lightest weighted load; then fewer open cases; then pool order (a stable tie-break).
    for (const entry of eligible) {
      const a = facts.load?.get(entry.agent.id);
      const b = pick && facts.load?.get(pick.agent.id);
      const lighter = weightedLoad(a) - weightedLoad(b) || openCount(a) - openCount(b);
      if (lighter < 0) pick = entry;
    }
  }
  if (!pick) return { kind: 'leave', reason: leaveReason(facts) };
  const reason = [strategy, ...(pick.skill ? [`skill: ${pick.skill}`] : [])].join('; ');
  return { kind: 'assign', agent: pick.agent, reason };
};
