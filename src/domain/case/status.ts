import { resolutionSchema, type Resolution } from '../resolution.js';
import { fail, ok, type Result } from '../result.js';
import {
  availableTransitions,
  checkTransition,
  statusById,
  type StatusCategory,
  type Workflow,
} from '../workflow/index.js';
import { ChangeBuilder, factsOf, workflowRole, type ActionInput } from './change.js';
import type { Role } from '../roles.js';
import type { CaseChange, CaseState } from './types.js';

// The customer hears about these moves as a thread message, not only a card update.
const MILESTONE_CATEGORIES: readonly StatusCategory[] = ['pending-customer', 'solved', 'closed'];

/**
 * Moves the case inside `builder` after the workflow agrees. Shared by transition,
 * resolve, close, reopen, claim (New → On hand) and customer replies (→ reopenTo).
 */
export const moveStatus = (
  builder: ChangeBuilder,
  workflow: Workflow,
  input: ActionInput,
  to: string,
  /** Whose edge this is when a desk rule, not the actor's role, grants it. */
  asRole?: Role,
): Result<null> => {
  const { current } = input;
  const checked = checkTransition(workflow, {
    from: current.status,
    to,
    role: asRole ?? workflowRole(input.actor),
    facts: factsOf(current, workflow.taskStatuses, builder.pendingSet),
  });
  if (!checked.ok) return checked;
  const target = statusById(workflow, to)!;
  const reopening =
    ['solved', 'closed'].includes(current.statusCategory) &&
    !['solved', 'closed'].includes(target.category);
  const now = input.ctx.now;
  builder.fields({
    status: target.id,
    statusCategory: target.category,
    ...(target.category === 'solved' ? { solvedAt: now } : {}),
    ...(target.category === 'closed' ? { closedAt: now } : {}),
    ...(reopening
      ? { solvedAt: null, closedAt: null, resolution: null, resolutionSentAt: null }
      : {}),
  });
  const event = builder.event({
    type: reopening ? 'reopened' : 'status-changed',
    visibility: 'public',
    data: { from: current.status, to: target.id },
  });
  if (reopening || MILESTONE_CATEGORIES.includes(target.category)) {
    builder.notify({ topic: 'milestone', audience: 'customer', eventId: event.id });
  }
  // Whether and when to ask is the survey's own decision (caseline.yaml `csat`), at delivery.
  if (target.category === 'closed') {
    builder.notify({ topic: 'csat-survey', audience: 'customer', eventId: event.id });
  }
  builder.refreshCards(true);
  return ok(null);
};

export const transitionCase = (
  workflow: Workflow,
  input: ActionInput,
  to: string,
  asRole?: Role,
): Result<CaseChange | null> => {
  if (input.current.status === to) return ok(null);
  const builder = new ChangeBuilder(input);
  const moved = moveStatus(builder, workflow, input, to, asRole);
  return moved.ok ? builder.build() : moved;
};

/** The first solved-category status this role can reach from here. */
const solvedTarget = (workflow: Workflow, input: ActionInput): string | undefined =>
  availableTransitions(workflow, input.current.status, workflowRole(input.actor)).find(
    (t) => statusById(workflow, t.to)?.category === 'solved',
  )?.to;

export const resolveCase = (
  workflow: Workflow,
  input: ActionInput,
  resolution: Resolution,
): Result<CaseChange | null> => {
  const parsed = resolutionSchema.safeParse(resolution);
  if (!parsed.success) {
    return fail('invalid-input', parsed.error.issues.map((issue) => issue.message).join(' '), {
      fields: parsed.error.issues.map((issue) => issue.path.join('.')),
    });
  }
  const to = solvedTarget(workflow, input);
  if (!to) {
    const status = statusById(workflow, input.current.status)?.name ?? input.current.status;
    return fail('invalid-transition', `A case in ${status} cannot be solved from here.`);
  }
  const builder = new ChangeBuilder(input);
  builder.fields({ resolution: parsed.data });
  builder.event({
    type: 'resolved',
    visibility: 'public',
    text: parsed.data.text,
    data: { resolutionType: parsed.data.type, docLink: parsed.data.docLink ?? null },
  });
  const moved = moveStatus(builder, workflow, input, to);
  return moved.ok ? builder.build() : moved;
};

/**
 * Close or reopen: the first edge into a status of that category the role may take.
 * `granted`: a desk rule, not the actor's role, allows the move (the edge's own role acts).
 */
export const moveToCategory = (
  workflow: Workflow,
  input: ActionInput,
  categories: readonly StatusCategory[],
  preferred?: string,
  granted = false,
): Result<CaseChange | null> => {
  if (categories.includes(input.current.statusCategory) && !preferred) return ok(null);
  const role = workflowRole(input.actor);
  const edges = workflow.transitions.filter(
    (t) =>
      t.from.includes(input.current.status) &&
      categories.includes(statusById(workflow, t.to)!.category),
  );
  const edge =
    edges.find((t) => t.to === preferred) ?? edges.find((t) => t.roles.includes(role)) ?? edges[0];
  if (!edge) {
    const status = statusById(workflow, input.current.status)?.name ?? input.current.status;
    return fail(
      'invalid-transition',
      `A case in ${status} cannot be ${categories.includes('closed') ? 'closed' : 'reopened'} from here.`,
    );
  }
  return transitionCase(workflow, input, edge.to, granted ? edge.roles[0] : undefined);
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a customer may still reopen their closed case themselves. */
export const customerMayReopen = (
  state: Pick<CaseState, 'statusCategory' | 'closedAt' | 'updatedAt'>,
  now: Date,
  windowDays: number,
): boolean =>
  state.statusCategory !== 'closed' ||
  now.getTime() - (state.closedAt ?? state.updatedAt).getTime() <= windowDays * DAY_MS;

/**
 * Reopen. A customer may reopen their closed case for `customerWindowDays` after it closed
 * (the desk's promise, whatever roles the workflow's edge out of Closed names); after that
 * they open a new case that refers to it. Staff reopen as the workflow allows.
 */
export const reopenCase = (
  workflow: Workflow,
  input: ActionInput,
  customerWindowDays: number,
): Result<CaseChange | null> => {
  const { current, actor, ctx } = input;
  if (!['solved', 'closed'].includes(current.statusCategory)) return ok(null);
  const reopened: readonly StatusCategory[] = ['open', 'new', 'pending-internal'];
  if (actor.kind !== 'customer' || current.statusCategory !== 'closed')
    return moveToCategory(workflow, input, reopened, workflow.reopenTo);
  if (!customerMayReopen(current, ctx.now, customerWindowDays))
    return fail(
      'not-allowed',
      `${current.number} was closed more than ${customerWindowDays} days ago, so it cannot be reopened; open a new case that refers to it.`,
      { closedAt: (current.closedAt ?? current.updatedAt).toISOString() },
    );
  return moveToCategory(workflow, input, reopened, workflow.reopenTo, true);
};
