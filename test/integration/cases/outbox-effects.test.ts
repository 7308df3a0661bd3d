/**
 * Effects other than chat notifications, dispatched from the outbox by topic: each lane
 * keeps its own order, a customer-bound effect sees the customer's view only, and one
 * delivery of the case arms its SLA timer once however many changes asked for it.
 */
import type { Scheduler, SlaTimerData } from '../../../src/ports/scheduler.js';
import type { Notification } from '../../../src/ports/notifier.js';
import { articleDraft } from '../../support/kb-article.js';
import { openAs, startCoreFixture, type CoreFixture } from '../../support/core-fixture.js';

class RecordingScheduler implements Scheduler {
  readonly calls: string[] = [];
  async schedule(key: string, _at: Date, data: SlaTimerData) {
    this.calls.push(`schedule ${key} ${data.clock}`);
  }
  async cancel(key: string) {
    this.calls.push(`cancel ${key}`);
  }
}

const SLA = {
  calendars: [{ name: 'always', timeZone: 'UTC', hours: '24/7' }],
  policies: [
    {
      name: 'standard',
      calendar: 'always',
      targets: { normal: { firstResponse: '4h', resolution: '40h' } },
    },
  ],
  defaultPolicy: 'standard',
};

describe('effects through the outbox', () => {
  let fx: CoreFixture;
  let scheduler: RecordingScheduler;
  const offered: Notification[] = [];
  beforeAll(async () => {
    scheduler = new RecordingScheduler();
    // The chat fails its first two tries of every notification.
    fx = await startCoreFixture('outbox_effects', {
      sla: SLA,
      scheduler: () => scheduler,
      failFirst: 2,
    });
    await fx.core.kb.articles.save(
      articleDraft({
        slug: 'ledger-export',
        title: 'Ledger export fails at month-end',
        problem: 'The month-end ledger export stops with an error.',
      }),
      fx.clock.now(),
    );
    await fx.core.kb.follower.load();
    fx.core.effects.on('kb-suggestions', async (delivery) => {
      offered.push(delivery);
    });
  });
  afterAll(() => fx.close());
  beforeEach(() => {
    scheduler.calls.length = 0;
    offered.length = 0;
  });

  const outboxOf = async (caseId: string) =>
    (await fx.core.cases.findById(caseId))!.outbox.map((e) => `${e.topic} ${e.state}`);

  it('arms the SLA timer and offers the suggestions while the chat is down', async () => {
    const opened = await openAs(fx, { title: 'Ledger export fails at month-end' });
    while (await fx.core.deliverOutbox());
    expect(scheduler.calls).toEqual([`schedule sla:${opened.id} firstResponse`]);
    expect(offered.map((d) => d.case.id)).toEqual([opened.id]);
    // The cards wait for their retry; the other lanes did not wait for them.
    expect(await outboxOf(opened.id)).toEqual([
      'case-opened pending',
      'case-opened pending',
      'kb-suggestions delivered',
      'sla-timer delivered',
    ]);
  });

  it('gives a customer-bound effect the customer’s view of the case', async () => {
    const opened = await openAs(fx, { title: 'Ledger export fails at month-end' });
    while (await fx.core.deliverOutbox());
    const [delivery] = offered;
    expect(delivery?.audience).toBe('customer');
    // The KB matches are internal history: the customer's view leaves them out.
    expect(delivery?.case.events.map((e) => e.visibility)).toEqual(['public']);
    expect(delivery?.case).not.toHaveProperty('queueKey');
    const stored = (await fx.core.cases.findById(opened.id))!;
    expect(stored.events.map((e) => e.type)).toContain('kb-matched');
  });

  it('arms once for all the changes a delivery finds pending', async () => {
    const opened = await openAs(fx, { title: 'Payroll stops at the tax step' });
    const ana = await fx.agent();
    await fx.core.useCases.claimCase({ ref: { caseId: opened.id }, actor: ana });
    await fx.core.useCases.addInternalNote({
      ref: { caseId: opened.id },
      actor: ana,
      text: 'Looks like the tax table.',
    });
    while (await fx.core.deliverOutbox());
    expect(scheduler.calls).toEqual([`schedule sla:${opened.id} firstResponse`]);
    const stored = (await fx.core.cases.findById(opened.id))!;
    expect(stored.outbox.filter((e) => e.topic === 'sla-timer').map((e) => e.state)).toEqual([
      'delivered',
      'delivered',
      'delivered',
    ]);
  });
});
