/**
 * The core's use cases on in-memory ports, wired as src/composition.ts wires them on the
 * Mongo stores, with the same seed as core-fixture.ts: use-case tests run in milliseconds,
 * and the contract suites (test/contracts) prove the in-memory stores behave like Mongo.
 * Search (KB) is not part of it: tests of the KB run on the real database.
 */
import type { Config } from '../../../src/config.js';
import type { Actor, CaseState } from '../../../src/domain/case/types.js';
import type { Agent, Contact } from '../../../src/domain/directory.js';
import { summarizeSla } from '../../../src/domain/sla/index.js';
import type { Scheduler } from '../../../src/ports/scheduler.js';
import { makeAddInternalNote } from '../../../src/use-cases/add-internal-note.js';
import { makeAssignCase } from '../../../src/use-cases/assign-case.js';
import { makeClaimCase } from '../../../src/use-cases/claim-case.js';
import { makeCloseCase } from '../../../src/use-cases/close-case.js';
import { makeCompleteTask } from '../../../src/use-cases/complete-task.js';
import { makeCreateTask } from '../../../src/use-cases/create-task.js';
import { EffectHandlers, makeDeliverOutbox } from '../../../src/use-cases/deliver-outbox.js';
import { makeExplainRefusal } from '../../../src/use-cases/explain-refusal.js';
import { makeGetAccessNotes } from '../../../src/use-cases/get-access-notes.js';
import { makeGetCase } from '../../../src/use-cases/get-case.js';
import { makeLinkIssue } from '../../../src/use-cases/link-issue.js';
import { makeListCases } from '../../../src/use-cases/list-cases.js';
import { makeLogTime } from '../../../src/use-cases/log-time.js';
import { makeMoveCaseToQueue } from '../../../src/use-cases/move-case-to-queue.js';
import { makeOpenCase } from '../../../src/use-cases/open-case.js';
import { makeReopenCase } from '../../../src/use-cases/reopen-case.js';
import { makeReplyToCustomer } from '../../../src/use-cases/reply-to-customer.js';
import { makeResolveCase } from '../../../src/use-cases/resolve-case.js';
import { makeSetCasePriority } from '../../../src/use-cases/set-case-priority.js';
import { makeTransitionCase } from '../../../src/use-cases/transition-case.js';
import {
  evaluateSla,
  makeArmSlaTimers,
  withSlaTimerEffects,
} from '../../../src/use-cases/sla/arm-sla-timers.js';
import { makeEvaluateSlaTimer } from '../../../src/use-cases/sla/evaluate-sla-timer.js';
import { makeRearmOpenCases } from '../../../src/use-cases/sla/rearm-open-cases.js';
import { makeAnnounceExpiringContracts } from '../../../src/use-cases/sla/announce-expiring-contracts.js';
import { makeReportSlaCompliance } from '../../../src/use-cases/sla/report-sla-compliance.js';
import { coreFixtureConfig, RecordingNotifier, SEED } from '../core-fixture.js';
import type { CoreFixtureOptions } from '../core-fixture.js';
import { InMemoryCases } from './cases.js';
import { ManualClock, sequentialIds } from './clock.js';
import { InMemoryDirectory, seedDirectory } from './directory.js';

export type MemoryCoreOptions = Pick<CoreFixtureOptions, 'workflow' | 'failFirst' | 'sla'> & {
  /** Durable timers (a FakeScheduler, or one that records what is armed). */
  readonly scheduler?: Scheduler;
};

const composeMemoryCore = (
  config: Config,
  directory: InMemoryDirectory,
  clock: ManualClock,
  notifier: RecordingNotifier,
  scheduler: Scheduler | undefined,
) => {
  const newId = sequentialIds('mem');
  const stored = new InMemoryCases();
  const slaDeps = config.sla && { sla: config.sla, workflow: config.workflow, clock };
  const arm = slaDeps && scheduler ? makeArmSlaTimers({ ...slaDeps, scheduler }) : undefined;
  // As in the composition root: a change's SLA timer is (re)armed by its outbox effect.
  const effects = new EffectHandlers();
  if (arm) effects.on('sla-timer', (delivery) => arm(delivery.case));
  const cases = slaDeps ? withSlaTimerEffects(stored, { clock, newId }) : stored;
  const deps = { cases, clock, newId, workflow: config.workflow, directory };
  const sla = slaDeps && {
    evaluateTimer: makeEvaluateSlaTimer({ ...deps, ...slaDeps, arm: arm ?? (async () => {}) }),
    rearmOpenCases: arm ? makeRearmOpenCases({ cases, arm }) : undefined,
    announceExpiringContracts: makeAnnounceExpiringContracts({
      directory,
      cases,
      announce: (announcement) => notifier.announce(announcement),
      clock,
      newId,
      noticeDays: slaDeps.sla.contractNoticeDays,
    }),
    describe: (state: CaseState) =>
      summarizeSla(evaluateSla(slaDeps, state), state.escalationLevel ?? 0),
    reportCompliance: makeReportSlaCompliance({ ...slaDeps, cases, directory }),
  };
  const useCases = {
    openCase: makeOpenCase({
      ...deps,
      caseNumber: config.caseNumber,
      defaultPriority: config.priorities.default,
      routingOrder: config.queues.map((queue) => queue.key),
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
    outbox: stored,
    notifier,
    effects,
    clock,
    owner: 'memory-worker',
    maxAttempts: config.outbox.maxAttempts,
    ...(sla ? { describeSla: sla.describe } : {}),
  });
  return {
    config,
    directory,
    cases,
    store: stored,
    outbox: stored,
    useCases,
    effects,
    deliverOutbox,
    sla,
  };
};

export type MemoryCore = ReturnType<typeof composeMemoryCore>;

export interface MemoryFixture {
  readonly core: MemoryCore;
  readonly clock: ManualClock;
  readonly notifier: RecordingNotifier;
  readonly customer: (email?: string) => Promise<Actor & { kind: 'customer' }>;
  readonly agent: (email?: string) => Promise<Actor & { kind: 'staff' }>;
  readonly contact: (email?: string) => Promise<Contact>;
  /** Delivers everything due now, as the outbox worker's loop would. */
  drainOutbox(): Promise<number>;
  close(): Promise<void>;
}

/** The core-fixture's desk (same seed and config) on in-memory ports and a manual clock. */
export const startMemoryFixture = async (
  options: MemoryCoreOptions = {},
): Promise<MemoryFixture> => {
  const directory = await seedDirectory(SEED);
  const config = coreFixtureConfig(options);
  if (config.queues.length > 0) await directory.upsertQueues(config.queues);
  const clock = new ManualClock();
  const notifier = new RecordingNotifier(options.failFirst ?? 0);
  const core = composeMemoryCore(config, directory, clock, notifier, options.scheduler);
  const contact = async (email = 'carol@acme.example') =>
    (await directory.findContactByEmail(email))!;
  const agent = async (email = 'ana@desk.example') => {
    const a: Agent = (await directory.findAgentByEmail(email))!;
    return {
      kind: 'staff' as const,
      agentId: a.id,
      role: a.roles.includes('lead') ? ('lead' as const) : ('agent' as const),
      name: a.name,
    };
  };
  return {
    core,
    clock,
    notifier,
    contact,
    agent,
    customer: async (email?: string) => {
      const c = await contact(email);
      return { kind: 'customer', contactId: c.id, organizationId: c.organizationId, name: c.name };
    },
    drainOutbox: async () => {
      let delivered = 0;
      while (await core.deliverOutbox()) delivered += 1;
      return delivered;
    },
    close: async () => undefined,
  };
};
