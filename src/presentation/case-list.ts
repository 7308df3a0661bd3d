/**
 * Case lists in chat-neutral words, for every place that lists cases: Slack's App Home,
 * the `list` answers of `/support` and of the Teams bot. One line per case (names, never
 * keys or ids), the groups a person's home shows, and what an empty group says.
 * A customer reads the status labels written for customers; an agent the desk's names.
 */
import type { Actor } from '../domain/case/types.js';
import { priorityRank, type Priority } from '../domain/priority.js';
import type { Result } from '../domain/result.js';
import { statusById, type StatusCategory, type Workflow } from '../domain/workflow/index.js';
import type { CaseSummary } from '../ports/case-repository.js';
import type { CaseList } from '../use-cases/list-cases.js';
import {
  availabilityBoard,
  type AvailabilityBoard,
  type ListAvailability,
} from './availability-view.js';

export interface CaseListLine {
  readonly caseId: string;
  readonly number: string;
  readonly title: string;
  readonly priority: Priority;
  readonly urgent: boolean;
  /** The status, then whose and who is on it, in the reader's words. */
  readonly details: readonly string[];
}

export interface CaseListGroup {
  readonly title: string;
  readonly lines: readonly CaseListLine[];
  /** How many match in all; more than `lines` when the group shows only the first few. */
  readonly total: number;
  /** What the group says when it has no cases. */
  readonly empty: string;
}

export interface CaseHome {
  readonly heading: string;
  readonly note?: string;
  /** Tell the reader how to open a new case (customers, who have no work list). */
  readonly offerNewCase: boolean;
  readonly groups: readonly CaseListGroup[];
  /** Staff: who in each queue takes work now. */
  readonly availability?: AvailabilityBoard | undefined;
}

/** A list chat can still take in at a glance; the rest is "and N more". */
export const HOME_LIST_LIMIT = 15;
export const WORKED_ON: readonly StatusCategory[] = [
  'new',
  'open',
  'pending-customer',
  'pending-internal',
];

// When a case's status is no longer in the workflow (renamed since), a customer still
// reads plain words, never the desk's id for it.
const CATEGORY_WORDS: Readonly<Record<StatusCategory, string>> = {
  new: 'Received',
  open: 'In progress',
  'pending-customer': 'Waiting for your reply',
  'pending-internal': 'In progress',
  solved: 'Solved',
  closed: 'Closed',
};

/** Urgent first, then the oldest, as every list in Caseline. */
export const byUrgency = <T extends Pick<CaseSummary, 'priority' | 'createdAt'>>(
  cases: readonly T[],
): T[] =>
  [...cases].sort(
    (a, b) =>
      priorityRank(a.priority) - priorityRank(b.priority) ||
      a.createdAt.getTime() - b.createdAt.getTime(),
  );

/** Organization names by id, looked up once per list. */
export type OrganizationNames = (ids: readonly string[]) => Promise<ReadonlyMap<string, string>>;

export const makeOrganizationNames =
  (getOrganization: (id: string) => Promise<{ readonly name: string } | undefined>) =>
  async (ids: readonly string[]): Promise<ReadonlyMap<string, string>> => {
    const unique = [...new Set(ids)];
    const found = await Promise.all(unique.map((id) => getOrganization(id)));
    return new Map(unique.flatMap((id, i) => (found[i] ? [[id, found[i].name] as const] : [])));
  };

export const statusWords = (
  workflow: Workflow,
  reader: 'customer' | 'staff',
  c: Pick<CaseSummary, 'status' | 'statusCategory'>,
): string => {
  const status = statusById(workflow, c.status);
  if (reader === 'staff') return status?.name ?? c.status;
  return status?.customerLabel ?? CATEGORY_WORDS[c.statusCategory];
};

const ownerWords = (c: CaseSummary): string[] => {
  if (c.assigneeName) return [`${c.assigneeName} is on it`];
  const done = c.statusCategory === 'solved' || c.statusCategory === 'closed';
  return done ? [] : ['Waiting for an agent'];
};

/** One case as a line of a list, for this reader. */
export const caseListLine = (
  c: CaseSummary,
  reader: 'customer' | 'staff',
  workflow: Workflow,
  organizations: ReadonlyMap<string, string>,
): CaseListLine => ({
  caseId: c.id,
  number: c.number,
  title: c.title,
  priority: c.priority,
  urgent: c.priority === 'urgent',
  details:
    reader === 'staff'
      ? [
          statusWords(workflow, reader, c),
          organizations.get(c.organizationId) ?? c.organizationKey,
          c.contactName,
          c.assigneeName ?? 'Unassigned',
        ]
      : [statusWords(workflow, reader, c), `opened by ${c.contactName}`, ...ownerWords(c)],
});

export interface CaseHomeDeps {
  readonly listCases: (input: unknown) => Promise<Result<CaseList>>;
  readonly organizationNames: OrganizationNames;
  readonly workflow: Workflow;
  readonly listAvailability?: ListAvailability;
}

type Query = Record<string, unknown> & { readonly title: string; readonly empty: string };

/**
 * A person's home: an agent's own cases, the unowned ones and each worked-on status with
 * cases in it; a customer's organization's cases still being worked on. Each group is its
 * own query, so its total is true and no group is starved by another's cases.
 */
export const makeCaseHome =
  (deps: CaseHomeDeps) =>
  async (actor: Actor): Promise<CaseHome | undefined> => {
    if (actor.kind === 'system') return undefined;
    const reader = actor.kind === 'customer' ? 'customer' : 'staff';
    const queries: Query[] =
      actor.kind === 'customer'
        ? [{ title: 'Your cases', empty: 'You have no cases yet.' }]
        : [
            {
              title: 'Assigned to me',
              empty: 'Nothing assigned to you.',
              assigneeId: actor.agentId,
            },
            { title: 'Unassigned', empty: 'Every case has an owner.', unassigned: true },
            ...deps.workflow.statuses
              .filter((s) => WORKED_ON.includes(s.category))
              .map((s) => ({ title: s.name, empty: '', status: s.id, byStatus: true })),
          ];
    const found = await Promise.all(
      queries.map(async ({ title: _t, empty: _e, byStatus: _b, ...filter }) => {
        const listed = await deps.listCases({
          actor,
          categories: [...WORKED_ON],
          limit: HOME_LIST_LIMIT,
          ...filter,
        });
        return listed.ok ? listed.value : { cases: [], total: 0 };
      }),
    );
    const names = await deps.organizationNames([
      ...(actor.kind === 'customer' ? [actor.organizationId] : []),
      ...found.flatMap((f) => f.cases.map((c) => c.organizationId)),
    ]);
    const groups = queries
      .map((q, i) => ({ q, list: found[i]! }))
      // A status with nothing in it is not worth a heading; the fixed groups always show.
      .filter(({ q, list }) => !q.byStatus || list.cases.length > 0)
      .map(({ q, list }) => ({
        title: q.title,
        empty: q.empty,
        total: Math.max(list.total, list.cases.length),
        lines: byUrgency(list.cases).map((c) => caseListLine(c, reader, deps.workflow, names)),
      }));
    const organization = actor.kind === 'customer' ? names.get(actor.organizationId) : undefined;
    return {
      heading:
        actor.kind === 'customer'
          ? `Support cases for ${organization ?? 'your organization'}`
          : 'Support desk',
      ...(actor.kind === 'staff' ? { note: 'Urgent cases first, then the oldest.' } : {}),
      offerNewCase: actor.kind === 'customer',
      groups,
      availability: await availabilityBoard(deps.listAvailability, actor),
    };
  };
