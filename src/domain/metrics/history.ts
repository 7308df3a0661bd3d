import type { CaseEvent, CaseState } from '../case/types.js';
import type { Priority } from '../priority.js';
import { isPriority } from '../sla/clock-walk.js';
import { initialValue } from '../sla/clocks.js';
import type { StatusCategory } from '../workflow/types.js';

/** The history a metric reads: the case's events, oldest first. */
export type MetricCase = Pick<
  CaseState,
  | 'number'
  | 'events'
  | 'status'
  | 'statusCategory'
  | 'priority'
  | 'queueKey'
  | 'assigneeId'
  | 'assigneeName'
  | 'organizationId'
  | 'organizationKey'
  | 'createdAt'
  | 'resolution'
>;

export const MINUTE_MS = 60_000;

export const byTime = (events: readonly CaseEvent[]): readonly CaseEvent[] =>
  events.every((event, i) => i === 0 || events[i - 1]!.at.getTime() <= event.at.getTime())
    ? events
    : [...events].sort((a, b) => a.at.getTime() - b.at.getTime());

const textData = (event: CaseEvent, key: string): string | undefined => {
  const value = event.data?.[key];
  return typeof value === 'string' ? value : undefined;
};

/** A stretch of time the case spent in one status category. */
export interface CategorySpan {
  readonly category: StatusCategory;
  readonly from: number;
  readonly to: number;
}

/**
 * The case's life as status-category spans from its opening up to `now`, replayed from the
 * status changes and reopens in its history (the first change's `from` is where it began).
 */
export const categorySpans = (
  c: MetricCase,
  categoryOf: (statusId: string) => StatusCategory,
  now: Date,
): CategorySpan[] => {
  const spans: CategorySpan[] = [];
  let category = categoryOf(initialValue(c, ['status-changed', 'reopened'], c.status));
  let from = c.createdAt.getTime();
  for (const event of byTime(c.events)) {
    const to = textData(event, 'to');
    if ((event.type !== 'status-changed' && event.type !== 'reopened') || !to) continue;
    const at = Math.min(Math.max(event.at.getTime(), from), now.getTime());
    if (at > from) spans.push({ category, from, to: at });
    category = categoryOf(to);
    from = at;
  }
  if (now.getTime() > from) spans.push({ category, from, to: now.getTime() });
  return spans;
};

/** Who owned the case, where it was queued and how urgent it was at one instant. */
export interface Placement {
  readonly agentId?: string;
  readonly agentName?: string;
  readonly queueKey: string;
  readonly priority: Priority;
}

/**
 * The case's owner, queue and priority as of `at`, replayed from its claims, assignments,
 * queue moves and priority changes; at or after the last event it is the case as it is now.
 */
export const placementAt = (c: MetricCase, at: Date): Placement => {
  const events = byTime(c.events);
  const last = events.at(-1);
  if (!last || last.at.getTime() <= at.getTime())
    return {
      ...(c.assigneeId ? { agentId: c.assigneeId, agentName: c.assigneeName ?? c.assigneeId } : {}),
      queueKey: c.queueKey,
      priority: c.priority,
    };
  let agent: { agentId: string; agentName: string } | undefined;
  let queueKey = initialValue(c, ['queue-changed'], c.queueKey);
  const first = initialValue(c, ['priority-changed'], c.priority);
  let priority: Priority = isPriority(first) ? first : c.priority;
  for (const event of events) {
    if (event.at.getTime() > at.getTime()) break;
    const to = textData(event, 'to');
    if (event.type === 'claimed' || event.type === 'assigned') {
      const agentId = textData(event, 'assigneeId');
      agent = agentId ? { agentId, agentName: textData(event, 'assigneeName') ?? agentId } : agent;
    } else if (event.type === 'queue-changed' && to) queueKey = to;
    else if (event.type === 'priority-changed' && isPriority(to)) priority = to;
  }
  return { ...agent, queueKey, priority };
};
