import { addAssignmentEffect } from '../assignment-effect.js';
import type { CaseState } from '../../domain/case/types.js';
import { ok, type Result } from '../../domain/result.js';
import { recordSlaAlerts, type AlertRecipient, type SlaAlert } from '../../domain/sla/index.js';
import type { AgentAvailability } from '../../ports/agent-availability.js';
import type { DirectoryRepository } from '../../ports/directory-repository.js';
import { SlaTimerDataSchema } from '../../ports/scheduler.js';
import { invalid, runCaseAction, type CaseDeps } from '../shared/case-action.js';
import type { AutoAssign } from '../auto-assign.js';
import { evaluateSla, type ArmSlaTimers, type SlaDeps } from './arm-sla-timers.js';

export interface EvaluateSlaTimerDeps extends CaseDeps, SlaDeps {
  readonly directory: Pick<DirectoryRepository, 'findQueueByKey' | 'findAgentByEmail'>;
  /** Re-arms a case whose timer found nothing to record (a committed change re-arms itself). */
  readonly arm: ArmSlaTimers;
  /** Whether the assignee takes work now; without it every assignee is told. */
  readonly availability?: AgentAvailability;
  /** The queue's strategy, for policies that reassign at a breach. */
  readonly autoAssign?: AutoAssign;
}

const SLA_ACTOR = { kind: 'system', name: 'Caseline SLA' } as const;

/**
 * Who hears of an alert. A warning or a languishing status goes to the assignee (the
 * queue's triage channel while nobody owns the case, or while its owner is away or off
 * hours: a reminder nobody reads helps no customer); a breach or re-escalation to the
 * queue's manager and escalation channel (the triage channel when neither is set up).
 */
const recipientsFor = async (
  deps: EvaluateSlaTimerDeps,
  state: CaseState,
  alert: SlaAlert,
): Promise<AlertRecipient[]> => {
  const queue = await deps.directory.findQueueByKey(state.queueKey);
  const triage: AlertRecipient[] = queue?.triageChannel
    ? [{ kind: 'channel', address: queue.triageChannel, as: 'triage channel' }]
    : [];
  if (alert.kind === 'warning' || alert.kind === 'languishing') {
    const { assigneeId, assigneeName } = state;
    if (!assigneeId || !assigneeName) return triage;
    const available = deps.availability
      ? (await deps.availability.availableAmong([assigneeId], deps.clock.now())).has(assigneeId)
      : true;
    return available
      ? [{ kind: 'agent', id: assigneeId, name: assigneeName, as: 'assignee' }]
      : triage;
  }
  const told: AlertRecipient[] = [];
  const manager = queue?.managerEmail
    ? await deps.directory.findAgentByEmail(queue.managerEmail)
    : undefined;
  if (manager?.active) {
    told.push({ kind: 'agent', id: manager.id, name: manager.name, as: 'queue manager' });
  }
  if (queue?.escalationChannel) {
    told.push({ kind: 'channel', address: queue.escalationChannel, as: 'escalation channel' });
  }
  return told.length > 0 ? told : triage;
};

/**
 * What an SLA timer runs: re-read the case, work out which warnings, breaches,
 * re-escalations and languishing statuses are due and not yet recorded, and record them
 * with who is told — in one version-checked write, so a timer that runs twice (a retry,
 * two replicas) records each alert once. The data is only a hint; the case decides.
 */
export const makeEvaluateSlaTimer =
  (deps: EvaluateSlaTimerDeps) =>
  async (input: unknown): Promise<Result<{ recorded: number }>> => {
    const data = SlaTimerDataSchema.safeParse(input);
    if (!data.success) return invalid(data.error);
    let recorded = 0;
    let reassign = false;
    const outcome = await runCaseAction(
      deps,
      { ref: { caseId: data.data.caseId }, actor: SLA_ACTOR },
      'case::view',
      async (action) => {
        const sla = evaluateSla(deps, action.current);
        const alerts = await Promise.all(
          sla.due.map(async (alert) => ({
            alert,
            told: await recipientsFor(deps, action.current, alert),
          })),
        );
        recorded = alerts.length;
        reassign =
          sla.policy?.escalation.reassignOnBreach === true &&
          sla.due.some((alert) => alert.kind === 'breach');
        // The hand-on is written with the breach (an outbox effect), so a crash before the
        // reassignment below still hands the case on.
        return addAssignmentEffect(
          recordSlaAlerts({ action, alerts, policy: sla.policy, calendar: sla.calendar }),
          'sla-breached',
          reassign && Boolean(deps.autoAssign),
        );
      },
    );
    if (!outcome.ok) {
      // A case deleted since the timer was armed has nothing left to remind anyone of.
      return outcome.code === 'not-found' ? ok({ recorded: 0 }) : outcome;
    }
    if (!outcome.value.changed) await deps.arm(outcome.value.case);
    // After the write that recorded the breach: a timer that runs twice records it once,
    // so the case is handed on once.
    else if (reassign && deps.autoAssign) {
      await deps.autoAssign(
        {
          caseId: outcome.value.case.id,
          trigger: 'sla-breach',
          ...(outcome.value.case.assigneeId ? { from: outcome.value.case.assigneeId } : {}),
        },
        outcome.value.case,
      );
    }
    return ok({ recorded: outcome.value.changed ? recorded : 0 });
  };
