/**
 * Wires the core: stores on one mongoose connection, the use cases on top. `main.ts`
 * (the server) and the CLI both start from here, so they cannot drift apart.
 */
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { Config } from './config.js';
import type { Logger } from './infra/logger.js';
import type { Clock, IdGenerator } from './ports/clock.js';
import type { Notifier } from './ports/notifier.js';
import { cacheDirectory } from './store/cached-directory.js';
import { createCaseModels, ensureCaseIndexes } from './store/cases/models.js';
import { MongoCaseRepository } from './store/cases/mongo-case-repository.js';
import { MongoOutboxStore } from './store/cases/mongo-outbox-store.js';
import {
  createDirectoryModels,
  createMongoDirectoryRepository,
  ensureDirectoryIndexes,
} from './store/directory/index.js';
import { makeAddInternalNote } from './use-cases/add-internal-note.js';
import { makeAssignCase } from './use-cases/assign-case.js';
import { makeClaimCase } from './use-cases/claim-case.js';
import { makeCloseCase } from './use-cases/close-case.js';
import { makeCompleteTask } from './use-cases/complete-task.js';
import { makeCreateTask } from './use-cases/create-task.js';
import { EffectHandlers, makeDeliverOutbox } from './use-cases/deliver-outbox.js';
import { makeExplainRefusal } from './use-cases/explain-refusal.js';
import { makeGetAccessNotes } from './use-cases/get-access-notes.js';
import { makeGetCase } from './use-cases/get-case.js';
import { makeLinkIssue } from './use-cases/link-issue.js';
import { makeListCases } from './use-cases/list-cases.js';
import { makeLogTime } from './use-cases/log-time.js';
import { makeMoveCaseToQueue } from './use-cases/move-case-to-queue.js';
import { makeOpenCase } from './use-cases/open-case.js';
import { makeReopenCase } from './use-cases/reopen-case.js';
import { makeReplyToCustomer } from './use-cases/reply-to-customer.js';
import { makeResolveCase } from './use-cases/resolve-case.js';
import { makeSetCasePriority } from './use-cases/set-case-priority.js';
import { makeTransitionCase } from './use-cases/transition-case.js';
import { makeAnnounceExpiringContracts } from './use-cases/sla/announce-expiring-contracts.js';
import { makeReportSlaCompliance } from './use-cases/sla/report-sla-compliance.js';
import {
  evaluateSla,
  makeArmSlaTimers,
  withSlaTimerEffects,
} from './use-cases/sla/arm-sla-timers.js';
import { makeEvaluateSlaTimer } from './use-cases/sla/evaluate-sla-timer.js';
import { makeRearmOpenCases } from './use-cases/sla/rearm-open-cases.js';
import { summarizeSla } from './domain/sla/index.js';
import type { CaseState } from './domain/case/types.js';
import type { Scheduler } from './ports/scheduler.js';
import { composeKb } from './kb/compose-kb.js';

export const systemClock: Clock = { now: () => new Date() };

export interface CoreOptions {
  readonly config: Config;
  readonly connection: Connection;
  readonly log: Logger;
  readonly notifier: Notifier;
  readonly clock?: Clock;
  readonly newId?: IdGenerator;
  /** How long intake may reuse directory lookups; imports show up after at most this. */
  readonly directoryCacheMs?: number;
  /** Durable timers for SLA clocks; without one (the CLI) no timers are armed. */
  readonly scheduler?: Scheduler;
}

export const composeCore = async (options: CoreOptions) => {
  const { config, connection, log } = options;
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? randomUUID;
  const caseModels = createCaseModels(connection);
  const directoryModels = createDirectoryModels(connection);
  await Promise.all([ensureCaseIndexes(caseModels), ensureDirectoryIndexes(directoryModels)]);
  const directory = cacheDirectory(
    createMongoDirectoryRepository(directoryModels),
    options.directoryCacheMs ?? 10_000,
  );
  if (config.queues.length > 0) await directory.upsertQueues(config.queues);
  const stored = new MongoCaseRepository(caseModels);
  const outbox = new MongoOutboxStore(caseModels);
  const slaDeps = config.sla && { sla: config.sla, workflow: config.workflow, clock };
  const arm =
    slaDeps && options.scheduler
      ? makeArmSlaTimers({ ...slaDeps, scheduler: options.scheduler })
      : undefined;
  // Every effect of a change travels in the case's outbox, written with the change, and is
  // carried out from there by topic: chat notifications by the notifier, the rest by the
  // handlers added here and by the chat adapters (their KB suggestions).
  const effects = new EffectHandlers();
  if (arm) effects.on('sla-timer', (delivery) => arm(delivery.case));
  // With an SLA configured every committed change re-arms its case's timer, whichever use
  // case (or process: the CLI has no scheduler) made it.
  const cases = slaDeps ? withSlaTimerEffects(stored, { clock, newId }) : stored;
  const deps = { cases, clock, newId, workflow: config.workflow, directory };
  const sla = slaDeps && {
    evaluateTimer: makeEvaluateSlaTimer({ ...deps, ...slaDeps, arm: arm ?? (async () => {}) }),
    rearmOpenCases: arm ? makeRearmOpenCases({ cases, arm }) : undefined,
    announceExpiringContracts: makeAnnounceExpiringContracts({
      directory,
      cases,
      announce: (announcement) => options.notifier.announce?.(announcement) ?? Promise.resolve(),
      clock,
      newId,
      noticeDays: slaDeps.sla.contractNoticeDays,
    }),
    describe: (state: CaseState) =>
      summarizeSla(evaluateSla(slaDeps, state), state.escalationLevel ?? 0),
    reportCompliance: makeReportSlaCompliance({ ...slaDeps, cases, directory }),
  };
  const kb = composeKb({
    connection,
    log,
    clock,
    cases,
    newId,
    workflow: config.workflow,
    settings: config.kb,
  });
  const useCases = {
    openCase: makeOpenCase({
      ...deps,
      caseNumber: config.caseNumber,
      defaultPriority: config.priorities.default,
      routingOrder: config.queues.map((queue) => queue.key),
      findKbMatches: kb.findKbMatches,
    }),
    claimCase: makeClaimCase(deps),
    assignCase: makeAssignCase(deps),
    moveCaseToQueue: makeMoveCaseToQueue(deps),
    transitionCase: makeTransitionCase(deps),
    setCasePriority: makeSetCasePriority(deps),
    replyToCustomer: makeReplyToCustomer(deps),
    addInternalNote: makeAddInternalNote(deps),
    logTime: makeLogTime(deps),
    resolveCase: makeResolveCase(deps),
    closeCase: makeCloseCase(deps),
    reopenCase: makeReopenCase({ ...deps, reopenWithinDays: config.intake.reopenWithinDays }),
    createTask: makeCreateTask(deps),
    completeTask: makeCompleteTask(deps),
    linkIssue: makeLinkIssue(deps),
    getCase: makeGetCase(deps),
    listCases: makeListCases(deps),
    getAccessNotes: makeGetAccessNotes(deps),
    explainRefusal: makeExplainRefusal(deps),
  };
  const deliverOutbox = makeDeliverOutbox({
    outbox,
    notifier: options.notifier,
    effects,
    clock,
    owner: `${process.pid}-${newId()}`,
    maxAttempts: config.outbox.maxAttempts,
    leaseMs: config.outbox.leaseSeconds * 1000,
    onDead: (entry, state, error) =>
      log.error({ err: error, entryId: entry.id, case: state.number }, 'outbox entry given up'),
    ...(sla ? { describeSla: sla.describe } : {}),
  });
  return {
    config,
    connection,
    directory,
    cases,
    outbox,
    useCases,
    effects,
    deliverOutbox,
    clock,
    newId,
    sla,
    kb,
  };
};

export type Core = Awaited<ReturnType<typeof composeCore>>;
