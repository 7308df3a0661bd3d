/**
 * The agent card as facts and actions, for any chat: who asked, under which contract and
 * SLA, what is wrong, what the knowledge base found, and what this viewer may do now.
 * Built from the case and the names looked up for it (load-card-views.ts); renderers only
 * draw it. All texts are plain (user words included): each renderer escapes them.
 */
import type { CaseFlag } from '../domain/case/types.js';
import type { StaffCaseView } from '../domain/case/view.js';
import { latestKbMatches, looksLike, reasonText } from '../domain/kb/matches.js';
import { PRIORITIES, type Priority } from '../domain/priority.js';
import type { Role } from '../domain/roles.js';
import { slaCoverage, type SlaSummary } from '../domain/sla/index.js';
import { statusById, type Workflow } from '../domain/workflow/index.js';
import { agentActions, type ActionChoice, type CaseAction } from './case-actions.js';
import { citableArticles } from './resolve-form.js';
import { outcomeLine, slaLines, type SlaLine, type Timed } from './card-parts.js';
import { FLAG_LABELS, RESOLUTION_LABELS, fullTextNote } from './card-words.js';

export interface CardFact {
  readonly label: string;
  readonly value: string;
}

export interface CardResolution {
  readonly typeLabel: string;
  readonly text: string;
  readonly docLink?: string;
}

export interface CardIssue {
  readonly url: string;
  readonly title?: string;
}

export interface AgentCardView {
  readonly audience: 'staff';
  readonly caseId: string;
  readonly version: number;
  readonly number: string;
  readonly title: string;
  readonly priority: { readonly id: Priority; readonly label: string };
  /** Urgency and contract problems: what an agent must not overlook. */
  readonly warnings: readonly { readonly kind: 'urgent' | CaseFlag; readonly text: string }[];
  readonly facts: readonly CardFact[];
  /** How a finished case ended: "Closed by Grace Okafor," + when. */
  readonly outcome?: Timed;
  readonly problem: {
    readonly description?: string;
    /** Where the whole description is kept when the card holds only its start. */
    readonly fullTextNote?: string;
    readonly impact?: string;
    readonly expectation?: string;
  };
  readonly resolution?: CardResolution;
  readonly kb: {
    /** Titles of the articles offered to the customer at intake. */
    readonly suggested: readonly string[];
    /**
     * Why each was suggested, one line per article that has a reason: "“Put an order on
     * hold”: matched: hold, upgrade; solved 7 similar questions".
     */
    readonly why: readonly string[];
    /** "Looks like CASE-1040 and 2 others", when there are look-alike cases. */
    readonly lookAlike?: string;
  };
  readonly issues: readonly CardIssue[];
  readonly opened: Timed;
  readonly sla: readonly SlaLine[];
  /** Work in numbers: open tasks, time logged. */
  readonly work: readonly string[];
  readonly actions: readonly CaseAction[];
  /** The zone a chat without per-reader times writes them in. */
  readonly timeZone: string;
  /** Why the reader sees the card again (a refused action). */
  readonly notice?: string;
  /** One plain line for notifications and screen readers. */
  readonly summary: string;
}

export interface AgentCardFacts {
  readonly case: StaffCaseView;
  readonly workflow: Workflow;
  readonly priorityLabels: Readonly<Record<Priority, string>>;
  readonly organizationName: string;
  readonly contactEmail?: string | undefined;
  /** The product's name from the directory; its key when it is not on file. */
  readonly productName?: string | undefined;
  readonly queues: readonly ActionChoice[];
  readonly agents: readonly ActionChoice[];
  readonly sla?: SlaSummary | undefined;
  /** The viewer's role: a channel card is drawn for any agent. */
  readonly role: Role;
  readonly now: Date;
  readonly timeZone: string;
  readonly notice?: string | undefined;
}

const factList = (f: AgentCardFacts): CardFact[] => {
  const c = f.case;
  const coverage = slaCoverage(c, f.sla);
  const product = [
    [f.productName ?? c.productKey, c.productVersion].filter(Boolean).join(' '),
    c.module,
  ]
    .filter(Boolean)
    .join(' · ');
  const queue = f.queues.find((q) => q.value === c.queueKey)?.label ?? c.queueKey;
  const facts: (CardFact | false)[] = [
    { label: 'Status', value: statusById(f.workflow, c.status)?.name ?? c.status },
    { label: 'Priority', value: f.priorityLabels[c.priority] },
    { label: 'Owner', value: c.assigneeName ?? 'Unassigned' },
    { label: 'Queue', value: queue },
    {
      label: 'Customer',
      value: f.contactEmail ? `${c.contactName} (${f.contactEmail})` : c.contactName,
    },
    { label: 'Organization', value: f.organizationName },
    { label: 'Contract', value: coverage.contract },
    { label: 'SLA', value: coverage.sla },
    Boolean(product) && { label: 'Product', value: product },
  ];
  return facts.filter((fact): fact is CardFact => fact !== false);
};

const workLines = (c: StaffCaseView): string[] => {
  const open = c.tasks.filter((task) => !task.completedAt).length;
  return [
    ...(open > 0 ? [`${open} open task${open === 1 ? '' : 's'}`] : []),
    ...(c.minutesLogged > 0 ? [`${c.minutesLogged} min logged`] : []),
  ];
};

const problemOf = (c: StaffCaseView): AgentCardView['problem'] => {
  const full = c.attachments.find((a) => a.field === 'description');
  return {
    ...(c.description.trim() ? { description: c.description } : {}),
    ...(full ? { fullTextNote: fullTextNote(full) } : {}),
    ...(c.impact ? { impact: c.impact } : {}),
    ...(c.expectation ? { expectation: c.expectation } : {}),
  };
};

export const resolutionOf = (resolution: StaffCaseView['resolution']): CardResolution | undefined =>
  resolution && {
    typeLabel: RESOLUTION_LABELS[resolution.type],
    text: resolution.text,
    ...(resolution.docLink ? { docLink: resolution.docLink } : {}),
  };

export const issuesOf = (issues: StaffCaseView['linkedIssues']): CardIssue[] =>
  issues.map((issue) => ({ url: issue.url, ...(issue.title ? { title: issue.title } : {}) }));

export const buildAgentCardView = (f: AgentCardFacts): AgentCardView => {
  const c = f.case;
  const priorityLabel = f.priorityLabels[c.priority];
  const matches = latestKbMatches(c.events);
  const outcome = outcomeLine({ ...c, category: c.statusCategory }, f.workflow);
  const resolution = resolutionOf(c.resolution);
  return {
    audience: 'staff',
    caseId: c.id,
    version: c.version,
    number: c.number,
    title: c.title,
    priority: { id: c.priority, label: priorityLabel },
    warnings: [
      ...(c.priority === 'urgent' ? [{ kind: 'urgent' as const, text: 'Urgent' }] : []),
      ...c.flags.map((flag) => ({ kind: flag, text: FLAG_LABELS[flag] })),
    ],
    facts: factList(f),
    ...(outcome ? { outcome } : {}),
    problem: problemOf(c),
    ...(resolution ? { resolution } : {}),
    kb: {
      suggested: matches?.articles.map((a) => a.title) ?? [],
      why: (matches?.articles ?? []).flatMap((a) => {
        const reason = reasonText(a.why);
        return reason ? [`“${a.title}”: ${reason}`] : [];
      }),
      ...(matches && matches.similarCases.length > 0
        ? { lookAlike: `${looksLike(matches.similarCases)} this week` }
        : {}),
    },
    issues: issuesOf(c.linkedIssues),
    opened: { text: 'Opened', at: c.createdAt },
    sla: slaLines(f.sla, f.now),
    work: workLines(c),
    actions: agentActions({
      role: f.role,
      workflow: f.workflow,
      status: c.status,
      category: c.statusCategory,
      assigned: Boolean(c.assigneeId),
      hasResolution: Boolean(c.resolution),
      priority: c.priority,
      priorities: PRIORITIES.map((p) => ({ value: p, label: f.priorityLabels[p] })),
      queueKey: c.queueKey,
      queues: f.queues,
      agents: f.agents,
      citable: citableArticles(c.events),
    }),
    timeZone: f.timeZone,
    ...(f.notice ? { notice: f.notice } : {}),
    summary: `${c.number} [${priorityLabel}] ${c.title} (${f.organizationName}, ${c.contactName})`,
  };
};
