/**
 * SLA timers on the real database with real Agenda: what only Agenda can show, with
 * targets of a few seconds on a 24/7 calendar, the system clock, and timers polled every
 * 200 ms. The SLA decisions themselves (warn, breach, pause, cancel) are tested on a manual
 * clock in test/unit/jobs/sla-timers.test.ts. Each test waits for what the timers record
 * in the case history, or for the timer's own job document; none sleeps or asserts how
 * long anything took.
 */
import { pino } from 'pino';
import { eventually as poll } from '../../support/eventually.js';
import type { CaseEvent } from '../../../src/domain/case/types.js';
import {
  createAgendaScheduler,
  slotsOf,
  AGENDA_COLLECTION,
} from '../../../src/jobs/agenda-scheduler.js';
import type { AgendaSchedulerHandle } from '../../../src/jobs/agenda-scheduler.js';
import { startOutboxWorker } from '../../../src/jobs/outbox-worker.js';
import { slaCaseTimerKey } from '../../../src/ports/scheduler.js';
import { openAs, startCoreFixture, type CoreFixture } from '../../support/core-fixture.js';
import { FAST_SLA } from '../../support/fast-sla.js';

const SLA = FAST_SLA;

const log = pino({ level: 'silent' });

interface App {
  readonly fixture: CoreFixture;
  readonly timers: AgendaSchedulerHandle;
  stop(): Promise<void>;
}

/** One app process: a core and its Agenda, sharing `of`'s database when given. */
const startApp = async (name: string, of?: CoreFixture): Promise<App> => {
  let handle: AgendaSchedulerHandle | undefined;
  const late: { fixture?: CoreFixture } = {};
  const fixture = await startCoreFixture(name, {
    sla: SLA,
    realClock: true,
    ...(of ? { shareDatabaseOf: of } : {}),
    scheduler: (connection) => {
      handle = createAgendaScheduler({
        db: connection.db!,
        log,
        handler: async (data) => {
          const result = await late.fixture!.core.sla!.evaluateTimer(data);
          if (!result.ok) throw new Error(result.message);
        },
        options: { processEveryMs: 200, lockLifetimeMs: 10_000, drainTimeoutMs: 2_000 },
      });
      return handle.scheduler;
    },
  });
  late.fixture = fixture;
  await handle!.start();
  // Timers are armed from the outbox, as in the server (src/main.ts).
  const worker = startOutboxWorker({
    deliverOne: fixture.core.deliverOutbox,
    pollMs: 50,
    onError: (error) => log.error({ err: error }, 'outbox delivery failed'),
    // What a stopped app left undelivered is found by the sweep when one starts.
    recover: () => fixture.core.outbox.recover?.() ?? Promise.resolve(),
  });
  return {
    fixture,
    timers: handle!,
    stop: async () => {
      await worker.stop();
      await handle!.stop();
    },
  };
};

const eventually = <T>(probe: () => Promise<T | undefined>, what: string): Promise<T> =>
  poll(probe, 15_000, { everyMs: 100, what });

const slaEvents = (events: readonly CaseEvent[]) =>
  events
    .filter((event) => event.type.startsWith('sla-'))
    .map((event) => ({
      type: event.type,
      clock: event.data?.clock,
    }));

const historyOf = async (app: App, caseId: string) =>
  (await app.fixture.core.cases.findById(caseId))!.events;

const waitFor = (app: App, caseId: string, type: string, clock: string) =>
  eventually(async () => {
    const events = await historyOf(app, caseId);
    return events.some((e) => e.type === type && e.data?.clock === clock) ? events : undefined;
  }, `${type} on ${clock}`);

const jobOf = (app: App, caseId: string) =>
  app.fixture.connection
    .collection(AGENDA_COLLECTION)
    .findOne({ _id: { $in: slotsOf(slaCaseTimerKey(caseId)) } });

/**
 * Done with first response: the case's one timer is armed for its resolution clock (an
 * hour away) and no run holds it, so no first-response decision can still be recorded.
 */
const firstResponseDone = (app: App, caseId: string) =>
  eventually(async () => {
    const job = await jobOf(app, caseId);
    return job?.data?.clock === 'resolution' && !job.lockedAt ? job : undefined;
  }, 'the timer to move on to the resolution clock');

describe('SLA timers on Agenda (real database)', () => {
  let app: App;

  beforeEach(async () => {
    app = await startApp('sla');
    await app.fixture.core.directory.upsertQueues([
      {
        key: 'finance',
        name: 'Finance',
        managerEmail: 'ben@desk.example',
        members: [],
        escalationChannel: 'slack:C0ESCALATE',
        triageChannel: 'slack:C0TRIAGE',
        routing: [{ modules: ['Ledger'] }],
        isDefault: false,
      },
    ]);
  });

  afterEach(async () => {
    await app.stop();
    await app.fixture.close();
  });

  it('fires each reminder once with two app processes on one database', async () => {
    const second = await startApp('sla-second', app.fixture);
    try {
      const cases = await Promise.all(
        Array.from({ length: 4 }, (_, i) => openAs(app.fixture, { title: `Export ${i}` })),
      );
      for (const opened of cases) {
        await waitFor(app, opened.id, 'sla-breached', 'firstResponse');
        await firstResponseDone(app, opened.id);
      }
      for (const opened of cases) {
        expect(slaEvents(await historyOf(second, opened.id))).toEqual([
          { type: 'sla-warning', clock: 'firstResponse' },
          { type: 'sla-breached', clock: 'firstResponse' },
        ]);
      }
    } finally {
      await second.stop();
      await second.fixture.close();
    }
  });

  it('fires a reminder that fell due while the app was down, once, when it starts again', async () => {
    const opened = await openAs(app.fixture);
    await app.stop();
    // Down across the warning point (2 s): nobody polls, nothing is recorded.
    // (Half of the 4 s first-response target; the timer may not even be armed yet.)
    const warningAt = new Date(opened.createdAt.getTime() + 2_000);
    await eventually(
      async () => (Date.now() > warningAt.getTime() ? true : undefined),
      'the warning point to pass',
    );
    expect(slaEvents(await historyOf(app, opened.id))).toEqual([]);
    const restarted = await startApp('sla-restart', app.fixture);
    try {
      const events = await waitFor(restarted, opened.id, 'sla-warning', 'firstResponse');
      expect(slaEvents(events)).toEqual([{ type: 'sla-warning', clock: 'firstResponse' }]);
      await waitFor(restarted, opened.id, 'sla-breached', 'firstResponse');
      await firstResponseDone(restarted, opened.id);
      expect(slaEvents(await historyOf(restarted, opened.id))).toEqual([
        { type: 'sla-warning', clock: 'firstResponse' },
        { type: 'sla-breached', clock: 'firstResponse' },
      ]);
    } finally {
      await restarted.stop();
      await restarted.fixture.close();
      // afterEach stops `app` again: stopping twice is harmless.
    }
  });
});
