/**
 * The core's use cases on in-memory ports, wired as src/composition.ts wires them on the
 * Mongo stores, with the same seed as core-fixture.ts: use-case tests run in milliseconds,
 * and the contract suites (test/contracts) prove the in-memory stores behave like Mongo.
 * Search (KB) is not part of it: tests of the KB run on the real database.
 */
import { InMemoryOnceKeys } from './once-keys.js';
import type { Config } from '../../../src/config.js';
import type { Actor } from '../../../src/domain/case/types.js';
import type { Contact } from '../../../src/domain/directory.js';
import type { Scheduler } from '../../../src/ports/scheduler.js';
import { composeCaseCore, composeCaseUseCases } from '../../../src/compose-use-cases.js';
import { makeDeliverOutbox } from '../../../src/use-cases/deliver-outbox.js';
import { makeWorkingCalendars } from '../../../src/use-cases/list-availability.js';
import { actorsOf, coreFixtureConfig, RecordingNotifier, SEED } from '../core-fixture.js';
import type { CoreFixtureOptions } from '../core-fixture.js';
import { InMemoryAgentStatus } from './agent-status.js';
import { InMemoryCases } from './cases.js';
import { ManualClock, sequentialIds } from './clock.js';
import { InMemoryDirectory, seedDirectory } from './directory.js';

export type MemoryCoreOptions = Pick<
  CoreFixtureOptions,
  'workflow' | 'failFirst' | 'sla' | 'csat'
> & {
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
  const agentStatus = new InMemoryAgentStatus(
    makeWorkingCalendars(directory, config.sla?.calendars ?? []),
  );
  // The composition root's own wiring, on the in-memory store.
  const { cases, effects, deps, sla } = composeCaseCore({
    config,
    stored,
    directory,
    clock,
    newId,
    scheduler,
    announce: (announcement) => notifier.announce(announcement),
    agentStatus,
    onceKeys: new InMemoryOnceKeys(clock.now),
  });
  const useCases = composeCaseUseCases(deps, config);
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
    agentStatus,
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
  const { contact, customer, agent } = actorsOf(directory);
  return {
    core,
    clock,
    notifier,
    contact,
    agent,
    customer,
    drainOutbox: async () => {
      let delivered = 0;
      while (await core.deliverOutbox()) delivered += 1;
      return delivered;
    },
    close: async () => undefined,
  };
};
