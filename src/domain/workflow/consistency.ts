import type { Requirement, StatusCategory, Transition, Workflow } from './types.js';

export interface ConsistencyProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

type Check = (workflow: Workflow) => ConsistencyProblem[];

const FINAL: readonly StatusCategory[] = ['solved', 'closed'];

const uniqueStatusIds: Check = ({ statuses }) =>
  statuses.flatMap((status, index) =>
    statuses.findIndex((other) => other.id === status.id) < index
      ? [{ path: ['statuses', index, 'id'], message: `Status id "${status.id}" is used twice.` }]
      : [],
  );

const knownReferences: Check = ({ statuses, initial, reopenTo, transitions }) => {
  const ids = new Set(statuses.map((status) => status.id));
  const unknown = (path: ConsistencyProblem['path'], id: string): ConsistencyProblem[] =>
    ids.has(id) ? [] : [{ path, message: `Unknown status "${id}".` }];
  return [
    ...unknown(['initial'], initial),
    ...unknown(['reopenTo'], reopenTo),
    ...transitions.flatMap((transition, t) => [
      ...transition.from.flatMap((id, f) => unknown(['transitions', t, 'from', f], id)),
      ...unknown(['transitions', t, 'to'], transition.to),
    ]),
  ];
};

const categoriesPresent: Check = ({ statuses }) =>
  FINAL.flatMap((category) =>
    statuses.some((status) => status.category === category)
      ? []
      : [{ path: ['statuses'], message: `Add at least one status in category "${category}".` }],
  );

// A case must start and come back somewhere it can still be worked on.
const liveEntryPoints: Check = (workflow) =>
  (['initial', 'reopenTo'] as const).flatMap((key) => {
    const category = workflow.statuses.find((status) => status.id === workflow[key])?.category;
    return category && FINAL.includes(category)
      ? [
          {
            path: [key],
            message: `"${workflow[key]}" is ${category}; pick a status still in work.`,
          },
        ]
      : [];
  });

const wellFormedEdges: Check = ({ transitions }) =>
  transitions.flatMap((transition, t) =>
    transition.from.flatMap((from, f) => {
      const path = ['transitions', t, 'from', f];
      if (from === transition.to) return [{ path, message: `"${from}" cannot move to itself.` }];
      const first = transitions.findIndex((other) => isEdge(other, from, transition.to));
      return first < t
        ? [{ path, message: `"${from}" → "${transition.to}" is already transitions[${first}].` }]
        : [];
    }),
  );

const isEdge = (transition: Transition, from: string, to: string): boolean =>
  transition.to === to && transition.from.includes(from);

// The product promises these everywhere (PRODUCT.md, case lifecycle); a custom workflow may
// rename statuses but not quietly drop them. Closing straight from a `new` status is how
// spam and withdrawn requests leave, so it needs no resolution sent.
const requiredInto = (
  target: StatusCategory | undefined,
  sources: readonly (StatusCategory | undefined)[],
): readonly Requirement[] => {
  if (target === 'solved') return ['resolution', 'no-open-tasks'];
  if (target === 'closed' && sources.some((source) => source !== 'new')) return ['resolution-sent'];
  return [];
};

const productRules: Check = ({ statuses, transitions }) => {
  const categoryOf = (id: string): StatusCategory | undefined =>
    statuses.find((status) => status.id === id)?.category;
  return transitions.flatMap((transition, t) => {
    const target = categoryOf(transition.to);
    return requiredInto(target, transition.from.map(categoryOf))
      .filter((requirement) => !transition.requires.includes(requirement))
      .map((requirement) => ({
        path: ['transitions', t, 'requires'],
        message: `Moving to ${target} status "${transition.to}" must require "${requirement}".`,
      }));
  });
};

const reachable = ({ initial, transitions }: Workflow): Set<string> => {
  const seen = new Set([initial]);
  const queue = [initial];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    for (const transition of transitions) {
      if (transition.from.includes(current) && !seen.has(transition.to)) {
        seen.add(transition.to);
        queue.push(transition.to);
      }
    }
  }
  return seen;
};

const allReachable: Check = (workflow) => {
  // An unknown initial is reported once already; calling every status unreachable is noise.
  if (!workflow.statuses.some((status) => status.id === workflow.initial)) return [];
  const seen = reachable(workflow);
  return workflow.statuses.flatMap((status, index) =>
    seen.has(status.id)
      ? []
      : [
          {
            path: ['statuses', index, 'id'],
            message: `"${status.id}" cannot be reached from "${workflow.initial}".`,
          },
        ],
  );
};

// Only a closed case may end for good; anything else without a way out strands the case.
const noDeadEnds: Check = ({ statuses, transitions }) =>
  statuses.flatMap((status, index) =>
    status.category === 'closed' || transitions.some((t) => t.from.includes(status.id))
      ? []
      : [{ path: ['statuses', index, 'id'], message: `"${status.id}" has no way out.` }],
  );

const CHECKS: readonly Check[] = [
  uniqueStatusIds,
  knownReferences,
  categoriesPresent,
  liveEntryPoints,
  wellFormedEdges,
  productRules,
  allReachable,
  noDeadEnds,
];

/** Every cross-reference problem of a workflow whose shape is already valid, all at once. */
export const consistencyProblems = (workflow: Workflow): ConsistencyProblem[] =>
  CHECKS.flatMap((check) => check(workflow));
