import { z } from 'zod';
import type { ActionInput } from '../../domain/case/change.js';
import {
  roleOf,
  type CaseChange,
  type CaseState,
  type OutboxEntry,
} from '../../domain/case/types.js';
import { canSee } from '../../domain/case/view.js';
import { hasPermission, type Permission } from '../../domain/permissions.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { Workflow } from '../../domain/workflow/index.js';
import type { CaseRepository } from '../../ports/case-repository.js';
import type { Clock, IdGenerator } from '../../ports/clock.js';
import { caseRefSchema, describeIssues, issuesOf, type CaseRef } from './commands.js';

export interface CaseDeps {
  readonly cases: CaseRepository;
  readonly clock: Clock;
  readonly newId: IdGenerator;
  readonly workflow: Workflow;
}

export interface ActionOutcome {
  readonly case: CaseState;
  /** False when the action was already in effect (a double click): nothing was written. */
  readonly changed: boolean;
}

// Each retry re-reads and re-decides, so a lost race becomes a fresh, correct answer
// ("already claimed by Ana") rather than an overwrite.
const MAX_ATTEMPTS = 8;

export const findCase = (cases: CaseRepository, ref: CaseRef): Promise<CaseState | undefined> =>
  'caseId' in ref ? cases.findById(ref.caseId) : cases.findByNumber(ref.caseNumber);

export const toOutbox = (change: CaseChange, now: Date, newId: IdGenerator): OutboxEntry[] =>
  change.notify.map((draft) => ({
    id: newId(),
    ...draft,
    createdAt: now,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: now,
  }));

/** A command that failed its schema; `issues` marks the message as the schema's wording. */
export const invalid = (error: z.ZodError) =>
  fail('invalid-input', describeIssues(error), { issues: issuesOf(error) });

/**
 * The shape of every case action: load, authorize, decide (pure domain), then commit the
 * state, its history and its notifications in one version-checked update.
 */
export const runCaseAction = async (
  deps: CaseDeps,
  command: {
    readonly ref: unknown;
    readonly actor: ActionInput['actor'];
    readonly minutes?: number | undefined;
  },
  permission: Permission,
  decide: (input: ActionInput) => Result<CaseChange | null> | Promise<Result<CaseChange | null>>,
): Promise<Result<ActionOutcome>> => {
  const ref = caseRefSchema.safeParse(command.ref);
  if (!ref.success) return invalid(ref.error);
  const role = roleOf(command.actor);
  if (role !== 'system' && !hasPermission(role, permission)) {
    return fail('not-allowed', `A ${role} may not do that (${permission}).`, { permission });
  }
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const current = await findCase(deps.cases, ref.data);
    if (!current || !canSee(current, command.actor)) return fail('not-found', 'No such case.');
    const now = deps.clock.now();
    const input: ActionInput = {
      current,
      actor: command.actor,
      ctx: { now, newId: deps.newId },
      ...(command.minutes ? { minutes: command.minutes } : {}),
    };
    const decision = await decide(input);
    if (!decision.ok) return decision;
    if (decision.value === null) return ok({ case: current, changed: false });
    const after = await deps.cases.commit(
      current.id,
      current.version,
      decision.value,
      toOutbox(decision.value, now, deps.newId),
    );
    if (after) return ok({ case: after, changed: true });
  }
  return fail('conflict', 'The case kept changing while we saved; please try again.');
};
