/**
 * The case use cases and their SLA part, wired on any case store and directory: the
 * server and the CLI (src/composition.ts, on MongoDB) and the use-case tests (on the
 * in-memory ports) build them here, so a test runs the wiring the product runs.
 */
import type { OnceKeys } from './ports/once-keys.js';
import { makeAssignmentEffect } from './use-cases/assignment-effect.js';
import { makeAnnounceRotaTurn } from './use-cases/rota/announce-rota-turn.js';
import { makeShowRota } from './use-cases/rota/show-rota.js';
import type { Config } from './config.js';
import type { CaseState } from './domain/case/types.js';
import { summarizeSla } from './domain/sla/index.js';
import type { AgentAvailability } from './ports/agent-availability.js';
import type { AgentStatusStore } from './ports/agent-status.js';
import type { CaseRepository } from './ports/case-repository.js';
import type { Clock, IdGenerator } from './ports/clock.js';
import type { DirectoryRepository } from './ports/directory-repository.js';
import type { Announcement } from './ports/notifier.js';
import type { Scheduler } from './ports/scheduler.js';
import { makeAnswerCsat } from './use-cases/answer-csat.js';
import { makeSendCsatSurvey } from './use-cases/send-csat-survey.js';
import { makeReportCsat } from './use-cases/report-csat.js';
import {
  makeReportBacklog,
  makeReportDeskMetrics,
  makeReportSla,
} from './use-cases/reports/index.js';
import { makeReportWorkload } from './use-cases/report-workload.js';
import { makeAddInternalNote } from './use-cases/add-internal-note.js';
import { makeAssignCase } from './use-cases/assign-case.js';
import { makeClaimCase } from './use-cases/claim-case.js';
import { makeCloseCase } from './use-cases/close-case.js';
import { makeCompleteTask } from './use-cases/complete-task.js';
import { makeCreateTask } from './use-cases/create-task.js';
import { EffectHandlers } from './use-cases/deliver-outbox.js';
import { makeExplainRefusal } from './use-cases/explain-refusal.js';
import type { FindKbMatches } from './use-cases/find-kb-matches.js';
import { makeGetAccessNotes } from './use-cases/get-access-notes.js';
import { makeGetCase } from './use-cases/get-case.js';
import { makeLinkIssue } from './use-cases/link-issue.js';
import { makeListAvailability } from './use-cases/list-availability.js';
import { makeListCases } from './use-cases/list-cases.js';
import { makeLogTime } from './use-cases/log-time.js';
import { makeMoveCaseToQueue } from './use-cases/move-case-to-queue.js';
import { makeOpenCase } from './use-cases/open-case.js';
import { makeReopenCase } from './use-cases/reopen-case.js';
import { makeReplyToCustomer } from './use-cases/reply-to-customer.js';
import { makeResolveCase } from './use-cases/resolve-case.js';
import type { RecordKbEvidence } from './use-cases/shared/record-kb-evidence.js';
import { makeSetAvailability } from './use-cases/set-availability.js';
import { makeSetCasePriority } from './use-cases/set-case-priority.js';
import { makeTransitionCase } from './use-cases/transition-case.js';
import { makeAnnounceExpiringContracts } from './use-cases/sla/announce-expiring-contracts.js';
import {
  evaluateSla,
  makeArmSlaTimers,
  withSlaTimerEffects,
} from './use-cases/sla/arm-sla-timers.js';
import { makeEvaluateSlaTimer } from './use-cases/sla/evaluate-sla-timer.js';
import { makeAssignAtIntake, makeAutoAssign } from './use-cases/auto-assign.js';
import { makeReassignCasesOfAgent } from './use-cases/reassign-cases-of-agent.js';
import type { AssignmentStore } from './ports/assignment.js';
import { makeRearmOpenCases } from './use-cases/sla/rearm-open-cases.js';

export interface CaseCoreOptions {
  readonly config: Config;
  /** The case store as it is, before SLA effects are added to its writes. */
  readonly stored: CaseRepository;
  readonly directory: DirectoryRepository;
  readonly clock: Clock;
  readonly newId: IdGenerator;
  /** Durable timers for SLA clocks; without one (the CLI) no timers are armed here. */
  readonly scheduler?: Scheduler | undefined;
  readonly announce: (announcement: Announcement) => Promise<void>;
  /** Agents' away/back statuses, and who of them takes work at a moment. */
  readonly agentStatus: AgentStatusStore & AgentAvailability;
  /** Shared round-robin turns and open-case counts; without it every queue is manual. */
  readonly assignment?: AssignmentStore | undefined;
  /** Keys that make announcements about no single case go out once (and not never). */
  readonly onceKeys: OnceKeys;
}

/**
 * The case store every use case writes through, the effect handlers the outbox dispatches
 * to, and the SLA use cases. With an SLA configured every committed change carries an
 * `sla-timer` effect, whichever use case (or process: the CLI has no scheduler) made it;
 * the process with a scheduler arms the timer when it delivers that effect.
 */
export const composeCaseCore = (options: CaseCoreOptions) => {
  const { config, stored, directory, clock, newId } = options;
  const slaDeps = config.sla && { sla: config.sla, workflow: config.workflow, clock };
  const arm =
    slaDeps && options.scheduler
      ? makeArmSlaTimers({ ...slaDeps, scheduler: options.scheduler })
      : undefined;
  const effects = new EffectHandlers();
  if (arm) effects.on('sla-timer', (delivery) => arm(delivery.case));
  const cases = slaDeps ? withSlaTimerEffects(stored, { clock, newId }) : stored;
  const { agentStatus } = options;
  const base = { cases, clock, newId, workflow: config.workflow, directory, agentStatus };
  const assigning = options.assignment && {
    ...base,
    assignment: options.assignment,
    availability: agentStatus,
  };
  const deps = {
    ...base,
    ...(assigning
      ? { autoAssign: makeAutoAssign(assigning), assignAtIntake: makeAssignAtIntake(assigning) }
      : {}),
  };
  if (deps.autoAssign) {
    const assign = makeAssignmentEffect({ cases, autoAssign: deps.autoAssign });
    effects.on('auto-assign', (delivery) => assign(delivery.case.id, delivery.entry.eventId));
  }
  const sla = slaDeps && {
    evaluateTimer: makeEvaluateSlaTimer({
      ...deps,
      ...slaDeps,
      arm: arm ?? (async () => {}),
      availability: agentStatus,
    }),
    rearmOpenCases: arm ? makeRearmOpenCases({ cases, arm }) : undefined,
    announceExpiringContracts: makeAnnounceExpiringContracts({
      directory,
      keys: options.onceKeys,
      announce: options.announce,
      clock,
      newId,
      noticeDays: slaDeps.sla.contractNoticeDays,
    }),
    describe: (state: CaseState) =>
      summarizeSla(evaluateSla(slaDeps, state), state.escalationLevel ?? 0),
    reportCompliance: makeReportSla({ ...slaDeps, cases, directory }),
  };
  const announceRotaTurn = makeAnnounceRotaTurn({
    directory,
    keys: options.onceKeys,
    announce: options.announce,
    clock,
    newId,
  });
  return { cases, effects, deps, sla, announceRotaTurn };
};

export type CaseUseCaseDeps = ReturnType<typeof composeCaseCore>['deps'];

/** Every case use case, on the deps `composeCaseCore` made. */
export const composeCaseUseCases = (
  deps: CaseUseCaseDeps,
  config: Config,
  findKbMatches?: FindKbMatches,
  recordKbEvidence?: RecordKbEvidence,
) => ({
  openCase: makeOpenCase({
    ...deps,
    caseNumber: config.caseNumber,
    defaultPriority: config.priorities.default,
    routingOrder: config.queues.map((queue) => queue.key),
    ...(findKbMatches ? { findKbMatches } : {}),
  }),
  claimCase: makeClaimCase(deps),
  assignCase: makeAssignCase(deps),
  moveCaseToQueue: makeMoveCaseToQueue(deps),
  transitionCase: makeTransitionCase(deps),
  setCasePriority: makeSetCasePriority(deps),
  replyToCustomer: makeReplyToCustomer(deps),
  addInternalNote: makeAddInternalNote(deps),
  logTime: makeLogTime(deps),
  resolveCase: makeResolveCase({
    ...deps,
    ...(recordKbEvidence ? { recordEvidence: recordKbEvidence } : {}),
  }),
  closeCase: makeCloseCase(deps),
  reopenCase: makeReopenCase({ ...deps, reopenWithinDays: config.intake.reopenWithinDays }),
  createTask: makeCreateTask(deps),
  completeTask: makeCompleteTask(deps),
  linkIssue: makeLinkIssue(deps),
  getCase: makeGetCase(deps),
  listCases: makeListCases(deps),
  getAccessNotes: makeGetAccessNotes(deps),
  explainRefusal: makeExplainRefusal(deps),
  ...availabilityUseCases(deps, config),
  answerCsat: makeAnswerCsat({ ...deps, csat: config.csat }),
  sendCsatSurvey: makeSendCsatSurvey({ ...deps, csat: config.csat }),
  reportCsat: makeReportCsat(deps),
  reportWorkload: makeReportWorkload({ ...deps, availability: deps.agentStatus }),
  showRota: makeShowRota({ ...deps, availability: deps.agentStatus }),
  reportBacklog: makeReportBacklog({ ...deps, ...(config.sla ? { sla: config.sla } : {}) }),
  reportDeskMetrics: makeReportDeskMetrics(deps),
  /** For availability: hand an unavailable agent's open cases on (absent without a store). */
  ...(deps.autoAssign
    ? { reassignCasesOfAgent: makeReassignCasesOfAgent({ ...deps, autoAssign: deps.autoAssign }) }
    : {}),
});

const availabilityUseCases = (deps: CaseUseCaseDeps, config: Config) => {
  const reassign = deps.autoAssign
    ? makeReassignCasesOfAgent({ ...deps, autoAssign: deps.autoAssign })
    : undefined;
  const shared = {
    ...deps,
    statuses: deps.agentStatus,
    calendars: config.sla?.calendars ?? [],
    ...(reassign
      ? {
          handOn: async (agentId: string) => {
            const result = await reassign({ agentId });
            return result.ok ? result.value.reassigned : 0;
          },
        }
      : {}),
  };
  return {
    setAvailability: makeSetAvailability(shared),
    listAvailability: makeListAvailability(shared),
  };
};
