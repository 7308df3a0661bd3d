/**
 * SLA clocks through their timers, on in-memory ports: a manual clock and a scheduler that
 * fires what is due only when the test says `runDue(now)`. What Agenda adds (locks across
 * processes, runs after a restart) is tested on the real database in
 * test/integration/jobs/sla-timers.test.ts.
 */
import type { CaseEvent } from '../../../src/domain/case/types.js';
import { slaCaseTimerKey } from '../../../src/ports/scheduler.js';
import { openAs } from '../../support/core-fixture.js';
import { startMemoryFixture, type MemoryFixture } from '../../support/in-memory/core.js';
import { FakeScheduler } from '../../support/in-memory/scheduler.js';
import { FAST_SLA } from '../../support/fast-sla.js';

const SLA = FAST_SLA;

const slaEvents = (events: readonly CaseEvent[]) =>
  events
    .filter((event) => event.type.startsWith('sla-'))
    .map((event) => ({ type: event.type, clock: event.data?.clock }));

describe('SLA timers (manual clock, timers fired by runDue)', () => {
  let fx: MemoryFixture;
  let timers: FakeScheduler;

  beforeEach(async () => {
    timers = new FakeScheduler();
    fx = await startMemoryFixture({ sla: SLA, scheduler: timers });
    timers.handle(async (data) => {
      const result = await fx.core.sla!.evaluateTimer(data);
      if (!result.ok) throw new Error(result.message);
    });
    await fx.core.directory.upsertQueues([
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

  /**
   * Moves the clock on and fires what fell due, as a poll at that instant would, until
   * nothing more is due: a timer's decision re-arms the case through its outbox.
   * Returns how many timers ran.
   */
  const after = async (ms: number) => {
    const now = fx.clock.advance(ms);
    let runs = 0;
    await fx.drainOutbox();
    for (let ran = await timers.runDue(now); ran > 0; ran = await timers.runDue(now)) {
      runs += ran;
      await fx.drainOutbox();
    }
    return runs;
  };
  const historyOf = async (caseId: string) => (await fx.core.cases.findById(caseId))!.events;
  /** The case's timer once its outbox (which arms it) is delivered. */
  const armed = async (caseId: string) => {
    await fx.drainOutbox();
    return timers.timerFor(slaCaseTimerKey(caseId));
  };

  it('fires the warning, then the breach, once each, and tells the right people', async () => {
    const opened = await openAs(fx);
    expect(await armed(opened.id)).toMatchObject({
      data: { clock: 'firstResponse', decision: 'warning' },
    });
    await after(2_000);
    await after(2_000);
    // Past the breach only the resolution clock is left: first response records no more.
    expect((await armed(opened.id))?.data.clock).toBe('resolution');
    expect(await after(25 * 60_000)).toBe(0);
    const events = await historyOf(opened.id);
    expect(slaEvents(events)).toEqual([
      { type: 'sla-warning', clock: 'firstResponse' },
      { type: 'sla-breached', clock: 'firstResponse' },
    ]);
    const warning = events.find((e) => e.type === 'sla-warning')!;
    const breach = events.find((e) => e.type === 'sla-breached')!;
    // Unassigned: the warning goes to the triage channel; the breach to manager + channel.
    expect(warning.data?.told).toBe('slack:C0TRIAGE (triage channel)');
    expect(breach.data?.told).toBe('Ben (queue manager), slack:C0ESCALATE (escalation channel)');
    expect(breach.visibility).toBe('internal');
    const state = await fx.core.cases.findById(opened.id);
    expect(state!.escalationLevel).toBe(1);
    // Each alert queued one notification for the people it names.
    expect(state!.outbox.filter((entry) => entry.topic === 'sla-alert')).toHaveLength(2);
  });

  it('stops first response on an agent reply and runs next response from the customer', async () => {
    const opened = await openAs(fx);
    const reply = await fx.core.useCases.replyToCustomer({
      ref: { caseId: opened.id },
      actor: await fx.agent(),
      text: 'Looking into it now.',
    });
    expect(reply.ok).toBe(true);
    const comment = await fx.core.useCases.replyToCustomer({
      ref: { caseId: opened.id },
      actor: await fx.customer(),
      text: 'Thanks, it still fails this morning.',
    });
    expect(comment.ok).toBe(true);
    expect((await armed(opened.id))?.data.clock).toBe('nextResponse');
    await after(2_000);
    await after(2_000);
    const events = await historyOf(opened.id);
    expect(slaEvents(events)).toEqual([
      { type: 'sla-warning', clock: 'nextResponse' },
      { type: 'sla-breached', clock: 'nextResponse' },
    ]);
    const sla = fx.core.sla!.describe((await fx.core.cases.findById(opened.id))!);
    expect(sla.clocks.find((c) => c.kind === 'firstResponse')?.state).toBe('met');
    expect(sla.clocks.find((c) => c.kind === 'nextResponse')?.state).toBe('breached');
  });

  it('pauses while waiting on the customer and resumes after', async () => {
    const opened = await openAs(fx);
    const ana = await fx.agent();
    const waiting = await fx.core.useCases.transitionCase({
      ref: { caseId: opened.id },
      actor: ana,
      to: 'waiting-on-customer',
    });
    expect(waiting.ok).toBe(true);
    // Paused: no timer is armed and, well past the first-response target, nothing fires.
    expect(await armed(opened.id)).toBeUndefined();
    expect(await after(10_000)).toBe(0);
    expect(slaEvents(await historyOf(opened.id))).toEqual([]);
    const paused = fx.core.sla!.describe((await fx.core.cases.findById(opened.id))!);
    expect(paused.clocks.find((c) => c.kind === 'firstResponse')?.state).toBe('paused');
    const back = await fx.core.useCases.transitionCase({
      ref: { caseId: opened.id },
      actor: ana,
      to: 'on-hand',
    });
    expect(back.ok).toBe(true);
    // The paused time does not count: the clock resumes where it stopped.
    expect((await armed(opened.id))?.at).toEqual(new Date(fx.clock.now().getTime() + 2_000));
    await after(2_000);
    await after(2_000);
    expect(slaEvents(await historyOf(opened.id))).toEqual([
      { type: 'sla-warning', clock: 'firstResponse' },
      { type: 'sla-breached', clock: 'firstResponse' },
    ]);
  });

  it('cancels the timer when the case is solved, and for good when it is closed', async () => {
    const opened = await openAs(fx);
    expect(await armed(opened.id)).toBeDefined();
    const solved = await fx.core.useCases.resolveCase({
      ref: { caseId: opened.id },
      actor: await fx.agent('ben@desk.example'),
      resolution: { type: 'workaround', text: 'Set the export path to the shared drive.' },
    });
    expect(solved.ok).toBe(true);
    expect(await armed(opened.id)).toBeUndefined();
    // The resolution reaches the customer (the outbox), who closes the case.
    await fx.drainOutbox();
    const closed = await fx.core.useCases.closeCase({
      ref: { caseId: opened.id },
      actor: await fx.customer(),
    });
    expect(closed.ok).toBe(true);
    await fx.drainOutbox();
    expect(timers.pending()).toEqual([]);
    expect(await after(60 * 60_000)).toBe(0);
    expect(slaEvents(await historyOf(opened.id))).toEqual([]);
  });

  it('records only the breach when a warning timer runs after the breach point (late)', async () => {
    const opened = await openAs(fx);
    // Nobody polled between the warning and the breach (the app was down).
    expect(await after(4_000)).toBe(1);
    expect(slaEvents(await historyOf(opened.id))).toEqual([
      { type: 'sla-breached', clock: 'firstResponse' },
    ]);
  });

  it('records a timer that runs again (a redelivery) only once', async () => {
    const opened = await openAs(fx);
    await after(2_000);
    const [warning] = timers.runs;
    // Agenda may run a job twice after a crash: the handler decides afresh from the case.
    await fx.core.sla!.evaluateTimer(warning!.data);
    expect(slaEvents(await historyOf(opened.id))).toEqual([
      { type: 'sla-warning', clock: 'firstResponse' },
    ]);
  });
});
