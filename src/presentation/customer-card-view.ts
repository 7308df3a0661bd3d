/**
 * The customer card as facts and actions, for any chat: what the case is, where it stands,
 * what happens next and who has it. Built from the customer view only, so the desk's
 * internals cannot reach it even by mistake. Texts are plain: each renderer escapes them.
 */
import { customerMayReopen } from '../domain/case/status.js';
import type { CustomerCaseView } from '../domain/case/view.js';
import type { SlaSummary } from '../domain/sla/index.js';
import { renderCustomerSentence, type Status, type Workflow } from '../domain/workflow/index.js';
import { issuesOf, resolutionOf, type CardIssue, type CardResolution } from './agent-card-view.js';
import { customerActions, type CaseAction } from './case-actions.js';
import { customerOwnerLine, promiseLine, type OwnerTone, type Timed } from './card-parts.js';

export interface CustomerCardView {
  readonly audience: 'customer';
  readonly caseId: string;
  readonly number: string;
  readonly title: string;
  /** The status in the customer's words ("Waiting for your reply") and what happens next. */
  readonly statusLabel: string;
  readonly sentence: string;
  /** When they will hear from us; only while the case is being worked. */
  readonly promise?: Timed;
  readonly resolution?: CardResolution;
  /** Who has it, or how it ended; agrees with `sentence`. */
  readonly owner?: Timed & { readonly tone: OwnerTone };
  readonly issues: readonly CardIssue[];
  readonly actions: readonly CaseAction[];
  readonly timeZone: string;
  readonly notice?: string;
  readonly summary: string;
}

export interface CustomerCardFacts {
  readonly case: CustomerCaseView;
  readonly status: Status;
  readonly workflow: Workflow;
  readonly sla?: SlaSummary | undefined;
  readonly reopenWithinDays: number;
  readonly now: Date;
  readonly timeZone: string;
  readonly notice?: string | undefined;
}

export const buildCustomerCardView = (f: CustomerCardFacts): CustomerCardView => {
  const c = f.case;
  const category = f.status.category;
  const done = category === 'solved' || category === 'closed';
  const sentence = renderCustomerSentence(f.status);
  const promise = done ? undefined : promiseLine(f.sla, f.now);
  const resolution = done ? resolutionOf(c.resolution) : undefined;
  const owner = customerOwnerLine({ ...c, category }, f.workflow);
  const mayReopen = customerMayReopen(
    { statusCategory: category, closedAt: c.closedAt, updatedAt: c.updatedAt },
    f.now,
    f.reopenWithinDays,
  );
  return {
    audience: 'customer',
    caseId: c.id,
    number: c.number,
    title: c.title,
    statusLabel: f.status.customerLabel,
    sentence,
    ...(promise ? { promise } : {}),
    ...(resolution ? { resolution } : {}),
    ...(owner ? { owner } : {}),
    issues: issuesOf(c.linkedIssues),
    actions: customerActions({ category, mayReopen }),
    timeZone: f.timeZone,
    ...(f.notice ? { notice: f.notice } : {}),
    summary: `${c.number} ${c.title}: ${f.status.customerLabel}. ${sentence}`,
  };
};
