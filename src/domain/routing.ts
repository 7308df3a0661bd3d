import type { RoutingRule } from './directory.js';
import type { Priority } from './priority.js';

export interface RoutableQueue {
  readonly key: string;
  readonly routing: readonly RoutingRule[];
  readonly isDefault?: boolean;
}

export interface RoutingFacts {
  readonly organizationKey: string;
  readonly productKey?: string;
  readonly module?: string;
  readonly priority: Priority;
  /** Title and description: keywords are looked for here. */
  readonly text: string;
}

export interface RoutingDecision {
  readonly queueKey: string;
  /** Said in the case history so anyone can see why it landed here. */
  readonly reason: string;
}

const words = (text: string): Set<string> =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}_-]+/u)
      .filter(Boolean),
  );

const lower = (values: readonly string[] | undefined): string[] | undefined =>
  values?.map((v) => v.toLowerCase());

// Within a field any listed value matches; across fields all given criteria must hold.
const matches = (
  rule: RoutingRule,
  facts: RoutingFacts,
  text: Set<string>,
  raw: string,
): boolean => {
  const module = facts.module?.toLowerCase();
  const keywords = lower(rule.keywords);
  return (
    (!rule.products?.length ||
      (facts.productKey !== undefined && rule.products.includes(facts.productKey))) &&
    (!rule.modules?.length || (module !== undefined && lower(rule.modules)!.includes(module))) &&
    (!rule.organizations?.length || rule.organizations.includes(facts.organizationKey)) &&
    (!rule.priorities?.length || rule.priorities.includes(facts.priority)) &&
    (!keywords?.length || keywords.some((k) => (k.includes(' ') ? raw.includes(k) : text.has(k))))
  );
};

const describe = (rule: RoutingRule): string =>
  Object.entries(rule)
    .filter(([, values]) => Array.isArray(values) && values.length > 0)
    .map(([field, values]) => `${field} ${(values as string[]).join('/')}`)
    .join(', ');

/**
 * First queue (in configured order) with a matching rule wins; otherwise the default
 * queue; otherwise the first queue. The reason is kept for the history.
 */
export const routeCase = (
  queues: readonly RoutableQueue[],
  facts: RoutingFacts,
): RoutingDecision => {
  const raw = facts.text.toLowerCase();
  const text = words(facts.text);
  for (const queue of queues) {
    const rule = queue.routing.find((r) => matches(r, facts, text, raw));
    if (rule) return { queueKey: queue.key, reason: `Routed to ${queue.key}: ${describe(rule)}` };
  }
  const fallback = queues.find((q) => q.isDefault) ?? queues[0];
  if (!fallback) return { queueKey: 'support', reason: 'No queues configured; using "support"' };
  return {
    queueKey: fallback.key,
    reason: `No routing rule matched; default queue ${fallback.key}`,
  };
};
