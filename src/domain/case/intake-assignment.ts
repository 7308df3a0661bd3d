import { pendingEntry } from './outbox-topics.js';
import { assignCase, type AssigneeRef } from './assignment.js';
import type { Actor, CaseState, DecisionContext } from './types.js';
import type { Workflow } from '../workflow/index.js';

/**
 * A new case with its automatic assignment in it, written by the case's first insert: the
 * same change `assignCase` makes later (owner, `assigned` event with its reason, the DM,
 * New → On hand), applied before the case exists, so intake pays no second write.
 */
export const withAssignment = (
  workflow: Workflow,
  opened: CaseState,
  assignment: { readonly to: AssigneeRef; readonly reason: string; readonly actor: Actor },
  ctx: DecisionContext,
): CaseState => {
  const decided = assignCase(
    workflow,
    { current: opened, actor: assignment.actor, ctx },
    assignment.to,
    assignment.reason,
  );
  if (!decided.ok || !decided.value) return opened;
  const change = decided.value;
  const next: Record<string, unknown> = { ...opened };
  for (const [key, value] of Object.entries(change.set)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return {
    ...(next as unknown as CaseState),
    events: [...opened.events, ...change.events],
    attachments: [...opened.attachments, ...change.attachments],
    outbox: [...opened.outbox, ...change.notify.map((draft) => pendingEntry(draft, ctx))],
  };
};
