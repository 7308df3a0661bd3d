/**
 * The SLA use cases on the real database with a hand-moved clock: what a timer run
 * records (languishing statuses, escalation), how each change re-arms the case's timer,
 * and the daily contract notice. Timers themselves (Agenda) are covered in
 * test/integration/jobs/sla-timers.test.ts; here a recording Scheduler shows what was armed.
 */
import { importDirectory } from '../../../src/import/index.js';
import type { Scheduler, SlaTimerData } from '../../../src/ports/scheduler.js';
import { slaCaseTimerKey } from '../../../src/ports/scheduler.js';
import { openAs } from '../../support/core-fixture.js';
import { startMemoryFixture, type MemoryFixture } from '../../support/in-memory/core.js';

class RecordingScheduler implements Scheduler {
  readonly armed = new Map<string, { at: Date; data: SlaTimerData }>();
  readonly calls: string[] = [];
  async schedule(key: string, at: Date, data: SlaTimerData) {
    this.calls.push(`schedule ${key} ${data.clock}/${data.decision}`);
    this.armed.set(key, { at, data });
  }
  async cancel(key: string) {
    this.calls.push(`cancel ${key}`);
    this.armed.delete(key);
  }
}

const SLA = {
  calendars: [{ name: 'always', timeZone: 'UTC', hours: '24/7' }],
  policies: [
    {
      name: 'standard',
      calendar: 'always',
      targets: {
        high: { firstResponse: '2h', resolution: '24h' },
        normal: { firstResponse: '4h', resolution: '40h' },
      },
      escalation: { reescalateEvery: '2h', raisePriorityOnBreach: true },
    },
  ],
  defaultPolicy: 'standard',
  languishing: [{ status: 'waiting-on-customer', after: '1h', askCustomer: true }],
};

const HOUR = 60 * 60 * 1000;

describe('SLA use cases (real database, manual clock)', () => {
  let fixture: MemoryFixture;
  let scheduler: RecordingScheduler;

  beforeEach(async () => {
    scheduler = new RecordingScheduler();
    fixture = await startMemoryFixture({ sla: SLA, scheduler });
  });
  afterEach(() => fixture.close());

  // Timers are armed from the outbox (the `sla-timer` effect each change writes).
  const drain = async () => {
    while (await fixture.core.deliverOutbox());
  };
  const evaluate = (caseId: string) =>
    fixture.core.sla!.evaluateTimer({ caseId, clock: 'firstResponse', decision: 'warning' });

  it('writes the arming with the change, and arms from the outbox', async () => {
    const opened = await openAs(fixture);
    const stored = (await fixture.core.cases.findById(opened.id))!;
    expect(stored.outbox.filter((e) => e.topic === 'sla-timer')).toMatchObject([
      { state: 'pending' },
    ]);
    expect(scheduler.calls).toEqual([]);
    await drain();
    expect(scheduler.calls).toEqual([
      `schedule ${slaCaseTimerKey(opened.id)} firstResponse/warning`,
    ]);
    const after = (await fixture.core.cases.findById(opened.id))!;
    expect(after.outbox.filter((e) => e.topic === 'sla-timer')).toMatchObject([
      { state: 'delivered' },
    ]);
  });

  it('arms the timer on opening and re-arms it on every change', async () => {
    const opened = await openAs(fixture);
    await drain();
    const key = slaCaseTimerKey(opened.id);
    // 24/7, 4 h first response warned at 75 %: 3 h after opening.
    expect(scheduler.armed.get(key)).toEqual({
      at: new Date(opened.createdAt.getTime() + 3 * HOUR),
      data: { caseId: opened.id, clock: 'firstResponse', decision: 'warning' },
    });
    await fixture.core.useCases.replyToCustomer({
      ref: { caseId: opened.id },
      actor: await fixture.agent(),
      text: 'On it.',
    });
    await drain();
    // First response met: the next decision is the resolution warning (75 % of 40 h).
    expect(scheduler.armed.get(key)?.data.clock).toBe('resolution');
    expect(scheduler.armed.get(key)?.at).toEqual(new Date(opened.createdAt.getTime() + 30 * HOUR));
  });

  it('escalates a breach once: level, priority raised by policy, re-escalation after the interval', async () => {
    const opened = await openAs(fixture);
    fixture.clock.advance(5 * HOUR);
    const first = await evaluate(opened.id);
    expect(first).toEqual({ ok: true, value: { recorded: 1 } });
    await drain();
    // Run again (a retry, a second replica): nothing more is recorded.
    expect(await evaluate(opened.id)).toEqual({ ok: true, value: { recorded: 0 } });
    let state = (await fixture.core.cases.findById(opened.id))!;
    expect(state.events.filter((e) => e.type.startsWith('sla-')).map((e) => e.type)).toEqual([
      'sla-breached',
    ]);
    expect(state.escalationLevel).toBe(1);
    expect(state.priority).toBe('high');
    // Judged by high's 2 h target now: 3 h over, recorded as level 1, so the raise itself
    // does not page again; the next re-escalation is at 6 h used (2 h + 2 × 2 h).
    expect(scheduler.armed.get(slaCaseTimerKey(opened.id))).toMatchObject({
      at: new Date(opened.createdAt.getTime() + 6 * HOUR),
      data: { clock: 'firstResponse', decision: 're-escalation' },
    });
    fixture.clock.advance(1 * HOUR);
    expect(await evaluate(opened.id)).toEqual({ ok: true, value: { recorded: 1 } });
    state = (await fixture.core.cases.findById(opened.id))!;
    expect(state.escalationLevel).toBe(2);
    expect(state.events.filter((e) => e.type.startsWith('sla-')).map((e) => e.type)).toEqual([
      'sla-breached',
      'sla-reescalated',
    ]);
  });

  it('asks the customer and tells the assignee when a status languishes', async () => {
    const opened = await openAs(fixture);
    const ana = await fixture.agent();
    await fixture.core.useCases.claimCase({ ref: { caseId: opened.id }, actor: ana });
    const asked = await fixture.core.useCases.transitionCase({
      ref: { caseId: opened.id },
      actor: ana,
      to: 'waiting-on-customer',
    });
    expect(asked.ok).toBe(true);
    await drain();
    expect(scheduler.armed.get(slaCaseTimerKey(opened.id))?.data).toMatchObject({
      clock: 'languishing',
      decision: 'languishing',
    });
    fixture.clock.advance(2 * HOUR);
    expect(await evaluate(opened.id)).toEqual({ ok: true, value: { recorded: 1 } });
    expect(await evaluate(opened.id)).toEqual({ ok: true, value: { recorded: 0 } });
    const state = (await fixture.core.cases.findById(opened.id))!;
    const languishing = state.events.filter((e) => e.type === 'status-languishing');
    expect(languishing.map((e) => [e.visibility, e.data?.told ?? null])).toEqual([
      ['internal', 'Ana (assignee)'],
      ['public', null],
    ]);
    // The customer gets the question as a milestone; the internal alert stays internal.
    const customerBound = state.outbox.filter((o) => o.audience === 'customer');
    expect(customerBound.at(-1)).toMatchObject({ topic: 'milestone', eventId: languishing[1]!.id });
    const view = await fixture.core.useCases.getCase({
      ref: { caseId: opened.id },
      actor: await fixture.customer(),
    });
    if (!view.ok || view.value.audience !== 'customer') throw new Error('customer view expected');
    expect(view.value.case.events.filter((e) => e.type === 'status-languishing')).toHaveLength(1);
  });

  it('announces a contract that expires within the notice period once, to the queue lead', async () => {
    await fixture.core.directory.upsertQueues([
      {
        key: 'general',
        name: 'General',
        managerEmail: 'ben@desk.example',
        members: [],
        routing: [],
        isDefault: true,
      },
    ]);
    const imported = await importDirectory({
      kind: 'contracts',
      target: fixture.core.directory.target,
      rows: [
        {
          key: 'C-GLBX-2026',
          organizationKey: 'globex',
          level: 'silver',
          slaPolicy: 'standard',
          startsOn: '2026-01-01',
          expiresOn: '2026-12-10',
          supportKeys: [],
        },
      ],
    });
    expect(imported.ok).toBe(true);
    const run = fixture.core.sla!.announceExpiringContracts;
    // Acme's contract runs to the end of 2027: only Globex's is due for a notice.
    expect(await run()).toEqual({ announced: ['C-GLBX-2026'] });
    expect(await run()).toEqual({ announced: [] });
    expect(fixture.notifier.announced).toEqual([
      expect.objectContaining({
        kind: 'contract-expiring',
        text: 'Globex: contract C-GLBX-2026 (silver) expires on 2026-12-10, in 17 days.',
        recipients: [expect.objectContaining({ kind: 'agent', name: 'Ben', as: 'queue lead' })],
      }),
    ]);
  });

  it('sends a contract notice that failed to post on the next run, and only that one', async () => {
    const imported = [
      await importDirectory({
        kind: 'organizations',
        target: fixture.core.directory.target,
        rows: [
          { key: 'initech', name: 'Initech' },
          { key: 'umbrella', name: 'Umbrella' },
        ],
      }),
      await importDirectory({
        kind: 'contracts',
        target: fixture.core.directory.target,
        rows: ['initech', 'umbrella'].map((org) => ({
          key: `C-${org}`,
          organizationKey: org,
          level: 'gold',
          slaPolicy: 'standard',
          startsOn: '2026-01-01',
          expiresOn: '2026-12-01',
          supportKeys: [],
        })),
      }),
    ];
    expect(imported.map((result) => result.ok)).toEqual([true, true]);
    const notifier = fixture.notifier;
    const deliver = notifier.announce.bind(notifier);
    notifier.announce = async (announcement) => {
      if (announcement.text.startsWith('Initech')) throw new Error('chat is down');
      await deliver(announcement);
    };
    const run = fixture.core.sla!.announceExpiringContracts;
    const before = notifier.announced.length;
    await expect(run()).rejects.toThrow(/not sent \(retried\): C-initech; sent: C-umbrella/);
    notifier.announce = deliver;
    expect(await run()).toEqual({ announced: ['C-initech'] });
    expect(await run()).toEqual({ announced: [] });
    expect(notifier.announced.slice(before).map((a) => a.text.split(':')[0])).toEqual([
      'Umbrella',
      'Initech',
    ]);
  });

  it('refuses timer data that does not validate', async () => {
    const result = await fixture.core.sla!.evaluateTimer({ caseId: '', clock: 'sometime' });
    expect(result.ok).toBe(false);
  });
});
