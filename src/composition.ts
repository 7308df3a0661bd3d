/**
 * Wires the core: stores on one mongoose connection, the use cases on top. `main.ts`
 * (the server) and the CLI both start from here, so they cannot drift apart.
 */
import { MongoOnceKeys } from './store/once-keys/mongo-once-keys.js';
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { Config } from './config.js';
import type { Logger } from './infra/logger.js';
import type { Clock, IdGenerator } from './ports/clock.js';
import type { Notifier } from './ports/notifier.js';
import type { AgentAvailability } from './ports/agent-availability.js';
import { MongoAgentStatus } from './store/agents/mongo-agent-status.js';
import { cacheDirectory } from './store/cached-directory.js';
import { createCaseModels, ensureCaseIndexes } from './store/cases/models.js';
import { MongoCaseRepository } from './store/cases/mongo-case-repository.js';
import { MongoAssignmentStore } from './store/assignment/mongo-assignment-store.js';
import { MongoOutboxStore } from './store/cases/mongo-outbox-store.js';
import {
  createDirectoryModels,
  createMongoDirectoryRepository,
  ensureDirectoryIndexes,
} from './store/directory/index.js';
import { makeDeliverOutbox } from './use-cases/deliver-outbox.js';
import { makeWorkingCalendars } from './use-cases/list-availability.js';
import type { Scheduler } from './ports/scheduler.js';
import { composeKb } from './kb/compose-kb.js';
import { composeCaseCore, composeCaseUseCases } from './compose-use-cases.js';
import { composeRecords } from './compose-records.js';

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
  const agentStatus = new MongoAgentStatus(
    connection,
    makeWorkingCalendars(directory, config.sla?.calendars ?? []),
  );
  // Every effect of a change travels in the case's outbox, written with the change, and is
  // carried out from there by topic: chat notifications by the notifier, the rest by the
  // handlers composeCaseCore adds and by the chat adapters (their KB suggestions).
  const onceKeys = new MongoOnceKeys(connection);
  const { cases, effects, deps, sla, announceRotaTurn } = composeCaseCore({
    config,
    stored,
    directory,
    clock,
    newId,
    scheduler: options.scheduler,
    assignment: new MongoAssignmentStore(connection, caseModels),
    onceKeys,
    announce: (announcement) => options.notifier.announce?.(announcement) ?? Promise.resolve(),
    agentStatus,
  });
  const kb = composeKb({
    connection,
    log,
    clock,
    cases,
    newId,
    workflow: config.workflow,
    settings: config.kb,
  });
  const useCases = composeCaseUseCases(deps, config, kb.findKbMatches, kb.recordEvidence);
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
    /** Tells a queue's channel and the person on duty whose turn it is (once per turn). */
    announceRotaTurn,
    onceKeys,
    kb,
    /** Time and billing, exports: read every case of a period through a cursor. */
    records: composeRecords(caseModels, directory),
    /** Who takes work at a moment: automatic assignment and the lists ask it. */
    availability: agentStatus as AgentAvailability,
  };
};

export type Core = Awaited<ReturnType<typeof composeCore>>;
