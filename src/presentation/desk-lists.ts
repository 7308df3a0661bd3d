/**
 * The desk page's views (read only, for leads and admins): "call up a list of items with a
 * particular status", by status, queue, assignee or organization, narrowed by any of them;
 * and one case with its whole history, internal notes included. Names, never ids or keys,
 * except in the filter values a page links with.
 */
import { z } from 'zod';
import type { Actor } from '../domain/case/types.js';
import type { CaseView } from '../domain/case/view.js';
import type { Agent, Organization, Queue } from '../domain/directory.js';
import type { Priority } from '../domain/priority.js';
import type { Result } from '../domain/result.js';
import { statusById, type Workflow } from '../domain/workflow/index.js';
import type { CaseSummary } from '../ports/case-repository.js';
import type { CaseList } from '../use-cases/list-cases.js';
import { byUrgency, WORKED_ON } from './case-list.js';
import { utcMinute } from './support-answers.js';

export const DESK_GROUPINGS = ['status', 'queue', 'assignee', 'organization'] as const;
export type DeskGrouping = (typeof DESK_GROUPINGS)[number];
/** `assignee=none`: the cases nobody owns. */
export const UNASSIGNED = 'none';
/** More cases than this on one page is an export, not a list. */
export const DESK_LIST_LIMIT = 1000;

const word = z.string().trim().min(1).max(100).optional();
/** The query string of a list page; anything else in it is ignored. */
export const deskListQuery = z.object({
  by: z.enum(DESK_GROUPINGS).catch('status').default('status'),
  status: word,
  queue: word,
  assignee: word,
  org: word,
  all: z.literal('1').optional(),
});
export type DeskListQuery = z.infer<typeof deskListQuery>;
/** The query key that narrows a list to one value of a grouping. */
export const FILTER_KEY = {
  status: 'status',
  queue: 'queue',
  assignee: 'assignee',
  organization: 'org',
} as const satisfies Record<DeskGrouping, keyof DeskListQuery>;

export interface DeskCaseRow {
  readonly number: string;
  readonly title: string;
  readonly status: string;
  readonly priority: string;
  readonly urgent: boolean;
  readonly queue: string;
  readonly organization: string;
  readonly contact: string;
  readonly assignee: string;
  /** Whole days since opened ("3 d", "today"). */
  readonly age: string;
}

export interface DeskOption {
  readonly value: string;
  readonly label: string;
  readonly count: number;
}

export interface DeskGroup {
  readonly title: string;
  /** The value that narrows the list to this group (FILTER_KEY[by]). */
  readonly value: string;
  readonly rows: readonly DeskCaseRow[];
}

export interface DeskListView {
  readonly heading: string;
  readonly query: DeskListQuery;
  readonly total: number;
  readonly shown: number;
  readonly groups: readonly DeskGroup[];
  /** Per grouping, the values present in this list with their counts (the filter links). */
  readonly options: Readonly<Record<DeskGrouping, readonly DeskOption[]>>;
}

export interface DeskListDeps {
  readonly listCases: (input: unknown) => Promise<Result<CaseList>>;
  readonly listQueues: () => Promise<Queue[]>;
  readonly listAgents: () => Promise<Agent[]>;
  readonly listOrganizations: () => Promise<Organization[]>;
  readonly workflow: Workflow;
  readonly priorityLabels: Readonly<Record<Priority, string>>;
  readonly now: () => Date;
}

const DAY_MS = 86_400_000;
const ageWords = (from: Date, now: Date): string => {
  const days = Math.floor((now.getTime() - from.getTime()) / DAY_MS);
  return days < 1 ? 'today' : `${days} d`;
};

const keyOf = (c: CaseSummary, by: DeskGrouping): string =>
  by === 'status'
    ? c.status
    : by === 'queue'
      ? c.queueKey
      : by === 'assignee'
        ? (c.assigneeId ?? UNASSIGNED)
        : c.organizationKey;

const names = async (deps: DeskListDeps) => {
  const [queues, agents, organizations] = await Promise.all([
    deps.listQueues(),
    deps.listAgents(),
    deps.listOrganizations(),
  ]);
  return {
    queue: new Map(queues.map((q) => [q.key, q.name])),
    assignee: new Map([[UNASSIGNED, 'Unassigned'], ...agents.map((a) => [a.id, a.name] as const)]),
    organization: new Map(organizations.map((o) => [o.key, o.name])),
  };
};

export const makeDeskList = (deps: DeskListDeps) => {
  const statusName = (id: string) => statusById(deps.workflow, id)?.name ?? id;
  return async (actor: Actor, query: DeskListQuery): Promise<Result<DeskListView>> => {
    const found = await deps.listCases({
      actor,
      ...(query.status
        ? { status: query.status }
        : query.all
          ? {}
          : { categories: [...WORKED_ON] }),
      ...(query.queue ? { queueKey: query.queue } : {}),
      ...(query.org ? { organizationKey: query.org } : {}),
      ...(query.assignee === UNASSIGNED
        ? { unassigned: true }
        : query.assignee
          ? { assigneeId: query.assignee }
          : {}),
      limit: DESK_LIST_LIMIT,
    });
    if (!found.ok) return found;
    const named = await names(deps);
    const label = (by: DeskGrouping, key: string): string =>
      by === 'status' ? statusName(key) : (named[by].get(key) ?? key);
    const now = deps.now();
    const cases = byUrgency(found.value.cases);
    const row = (c: CaseSummary): DeskCaseRow => ({
      number: c.number,
      title: c.title,
      status: statusName(c.status),
      priority: deps.priorityLabels[c.priority],
      urgent: c.priority === 'urgent',
      queue: label('queue', c.queueKey),
      organization: label('organization', c.organizationKey),
      contact: c.contactName,
      assignee: c.assigneeName ?? 'Unassigned',
      age: ageWords(c.createdAt, now),
    });
    const groupsOf = (by: DeskGrouping) => {
      const groups = new Map<string, CaseSummary[]>();
      for (const c of cases) groups.set(keyOf(c, by), [...(groups.get(keyOf(c, by)) ?? []), c]);
      return groups;
    };
    const statusOrder = (key: string) => deps.workflow.statuses.findIndex((s) => s.id === key);
    const sorted = (by: DeskGrouping) =>
      [...groupsOf(by).entries()].sort(([a], [b]) =>
        by === 'status'
          ? statusOrder(a) - statusOrder(b)
          : label(by, a).localeCompare(label(by, b)),
      );
    const options = Object.fromEntries(
      DESK_GROUPINGS.map((by) => [
        by,
        sorted(by).map(([value, list]) => ({ value, label: label(by, value), count: list.length })),
      ]),
    ) as Record<DeskGrouping, DeskOption[]>;
    const narrowed = DESK_GROUPINGS.filter((by) => query[FILTER_KEY[by]]).map(
      (by) => `${by} ${label(by, query[FILTER_KEY[by]]!)}`,
    );
    return {
      ok: true,
      value: {
        heading: `${query.all || query.status ? 'Cases' : 'Cases still being worked on'}${narrowed.length ? `: ${narrowed.join(', ')}` : ''}`,
        query,
        total: found.value.total,
        shown: cases.length,
        groups: sorted(query.by).map(([value, list]) => ({
          title: label(query.by, value),
          value,
          rows: list.map(row),
        })),
        options,
      },
    };
  };
};

export interface DeskHistoryLine {
  readonly when: string;
  readonly who: string;
  readonly internal: boolean;
  readonly what: string;
  readonly text?: string | undefined;
  readonly minutes?: number | undefined;
}

export interface DeskCaseView {
  readonly number: string;
  readonly title: string;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly description: string;
  /** Oldest first, every event, internal ones marked. */
  readonly history: readonly DeskHistoryLine[];
}

export const makeDeskCase =
  (deps: {
    readonly getCase: (input: unknown) => Promise<Result<CaseView>>;
    readonly listQueues: () => Promise<Queue[]>;
    readonly listOrganizations: () => Promise<Organization[]>;
    readonly workflow: Workflow;
    readonly priorityLabels: Readonly<Record<Priority, string>>;
  }) =>
  async (actor: Actor, caseNumber: string): Promise<Result<DeskCaseView>> => {
    const found = await deps.getCase({ ref: { caseNumber: caseNumber.toUpperCase() }, actor });
    if (!found.ok) return found;
    if (found.value.audience !== 'staff')
      return { ok: false, code: 'not-allowed', message: 'The desk page is for staff.' };
    const c = found.value.case;
    const [queues, organizations] = await Promise.all([
      deps.listQueues(),
      deps.listOrganizations(),
    ]);
    const queue = queues.find((q) => q.key === c.queueKey)?.name ?? c.queueKey;
    const organization =
      organizations.find((o) => o.id === c.organizationId)?.name ?? c.organizationKey;
    return {
      ok: true,
      value: {
        number: c.number,
        title: c.title,
        facts: [
          { label: 'Status', value: statusById(deps.workflow, c.status)?.name ?? c.status },
          { label: 'Priority', value: deps.priorityLabels[c.priority] },
          { label: 'Queue', value: queue },
          { label: 'Organization', value: organization },
          { label: 'Requester', value: c.contactName },
          { label: 'Assignee', value: c.assigneeName ?? 'Unassigned' },
          { label: 'Opened', value: utcMinute(c.createdAt) },
          { label: 'Updated', value: utcMinute(c.updatedAt) },
          { label: 'Time logged', value: `${c.minutesLogged} min` },
        ],
        description: c.description,
        history: c.events.map((e) => ({
          when: utcMinute(e.at),
          who: e.actor.name,
          internal: e.visibility === 'internal',
          what: e.type.replace(/-/g, ' '),
          text: e.text,
          minutes: e.minutes,
        })),
      },
    };
  };
