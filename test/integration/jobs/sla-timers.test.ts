/**
 * SLA clocks end to end on the real database with real Agenda: targets of a few seconds
 * on a 24/7 calendar, the system clock, and timers polled every 200 ms. Each test waits
 * for what the timers record in the case history; none asserts how long anything took.
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

const SLA = {
  calendars: [{ name: 'always', timeZone: 'UTC', hours: '24/7' }],
  policies: [
    {
      name: 'fast',
      calendar: 'always',
      targets: { normal: { firstResponse: '4s', nextResponse: '4s', resolution: '1h' } },
      warningAt: 0.5,
    },
  ],
  defaultPolicy: 'fast',
};

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

/** Waits until the outbox worker has delivered everything the case owes. */
const delivered = (app: App, caseId: string) =>
  eventually(async () => {
    const state = await app.fixture.core.cases.findById(caseId);
    return state!.outbox.every((entry) => entry.state !== 'pending') || undefined;
  }, 'the outbox delivered');

/** The case's armed timers, once the outbox has carried out its `sla-timer` effects. */
const jobsOf = async (app: App, caseId: string) => {
  await delivered(app, caseId);
  return app.fixture.connection
    .collection(AGENDA_COLLECTION)
    .countDocuments({ _id: { $in: slotsOf(slaCaseTimerKey(caseId)) } });
};

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

  it('fires the warning, then the breach, once each, and tells the right people', async () => {
    const opened = await openAs(app.fixture);
    const events = await waitFor(app, opened.id, 'sla-breached', 'firstResponse');
    // Well past the breach: nothing is recorded twice (re-escalation is not configured).
    await sleep(1500);
    const after = await historyOf(app, opened.id);
    expect(slaEvents(after)).toEqual([
      { type: 'sla-warning', clock: 'firstResponse' },
      { type: 'sla-breached', clock: 'firstResponse' },
    ]);
    const warning = events.find((e) => e.type === 'sla-warning')!;
    const breach = events.find((e) => e.type === 'sla-breached')!;
    // Unassigned: the warning goes to the triage channel; the breach to manager + channel.
    expect(warning.data?.told).toBe('slack:C0TRIAGE (triage channel)');
    expect(breach.data?.told).toBe('Ben (queue manager), slack:C0ESCALATE (escalation channel)');
    expect(breach.visibility).toBe('internal');
    const state = await app.fixture.core.cases.findById(opened.id);
    expect(state!.escalationLevel).toBe(1);
    // Each alert queued one notification for the people it names.
    const alerts = state!.outbox.filter((entry) => entry.topic === 'sla-alert');
    expect(alerts).toHaveLength(2);
  });

  it('stops first response on an agent reply and runs next response from the customer', async () => {
    const opened = await openAs(app.fixture);
    const ana = await app.fixture.agent();
    const carol = await app.fixture.customer();
    const reply = await app.fixture.core.useCases.replyToCustomer({
      ref: { caseId: opened.id },
      actor: ana,
      text: 'Looking into it now.',
    });
    expect(reply.ok).toBe(true);
    const comment = await app.fixture.core.useCases.replyToCustomer({
      ref: { caseId: opened.id },
      actor: carol,
      text: 'Thanks, it still fails this morning.',
    });
    expect(comment.ok).toBe(true);
    await waitFor(app, opened.id, 'sla-warning', 'nextResponse');
    const events = await waitFor(app, opened.id, 'sla-breached', 'nextResponse');
    expect(slaEvents(events).filter((e) => e.clock === 'firstResponse')).toEqual([]);
    const sla = app.fixture.core.sla!.describe((await app.fixture.core.cases.findById(opened.id))!);
    expect(sla.clocks.find((c) => c.kind === 'firstResponse')?.state).toBe('met');
    expect(sla.clocks.find((c) => c.kind === 'nextResponse')?.state).toBe('breached');
  });

  it('pauses while waiting on the customer and resumes after', async () => {
    const opened = await openAs(app.fixture);
    const ana = await app.fixture.agent();
    const waiting = await app.fixture.core.useCases.transitionCase({
      ref: { caseId: opened.id },
      actor: ana,
      to: 'waiting-on-customer',
    });
    expect(waiting.ok).toBe(true);
    // Paused: no timer is armed and, past the first-response target, nothing fires.
    expect(await jobsOf(app, opened.id)).toBe(0);
    await sleep(5000);
    expect(slaEvents(await historyOf(app, opened.id))).toEqual([]);
    const paused = app.fixture.core.sla!.describe(
      (await app.fixture.core.cases.findById(opened.id))!,
    );
    expect(paused.clocks.find((c) => c.kind === 'firstResponse')?.state).toBe('paused');
    const back = await app.fixture.core.useCases.transitionCase({
      ref: { caseId: opened.id },
      actor: ana,
      to: 'on-hand',
    });
    expect(back.ok).toBe(true);
    expect(await jobsOf(app, opened.id)).toBe(1);
    await waitFor(app, opened.id, 'sla-breached', 'firstResponse');
  });

  it('cancels the timer when the case is solved, and for good when it is closed', async () => {
    const opened = await openAs(app.fixture);
    expect(await jobsOf(app, opened.id)).toBe(1);
    const lead = await app.fixture.agent('ben@desk.example');
    const solved = await app.fixture.core.useCases.resolveCase({
      ref: { caseId: opened.id },
      actor: lead,
      resolution: { type: 'workaround', text: 'Set the export path to the shared drive.' },
    });
    expect(solved.ok).toBe(true);
    expect(await jobsOf(app, opened.id)).toBe(0);
    // The resolution reaches the customer (the outbox), who closes the case.
    await delivered(app, opened.id);
    const closed = await app.fixture.core.useCases.closeCase({
      ref: { caseId: opened.id },
      actor: await app.fixture.customer(),
    });
    expect(closed.ok).toBe(true);
    expect(await jobsOf(app, opened.id)).toBe(0);
    await sleep(4500);
    expect(slaEvents(await historyOf(app, opened.id))).toEqual([]);
  });

  it('fires each reminder once with two app processes on one database', async () => {
    const second = await startApp('sla-second', app.fixture);
    try {
      const cases = await Promise.all(
        Array.from({ length: 4 }, (_, i) => openAs(app.fixture, { title: `Export ${i}` })),
      );
      for (const opened of cases) {
        await waitFor(app, opened.id, 'sla-breached', 'firstResponse');
      }
      await sleep(1500);
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
    await sleep(2600);
    expect(slaEvents(await historyOf(app, opened.id))).toEqual([]);
    const restarted = await startApp('sla-restart', app.fixture);
    try {
      const events = await waitFor(restarted, opened.id, 'sla-warning', 'firstResponse');
      expect(slaEvents(events)).toEqual([{ type: 'sla-warning', clock: 'firstResponse' }]);
      await waitFor(restarted, opened.id, 'sla-breached', 'firstResponse');
      await sleep(1000);
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
