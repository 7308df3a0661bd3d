import { DeliveryDeferred } from '../../../src/ports/notifier.js';
import { makeDeliverOutbox } from '../../../src/use-cases/deliver-outbox.js';
import { MongoOutboxStore } from '../../../src/store/cases/mongo-outbox-store.js';
import { createCaseModels } from '../../../src/store/cases/models.js';
import { connectTestDatabase } from '../../support/db.js';
import {
  openAs,
  RecordingNotifier,
  startCoreFixture,
  type CoreFixture,
} from '../../support/core-fixture.js';

describe('the outbox worker', () => {
  let fx: CoreFixture;
  beforeAll(async () => {
    fx = await startCoreFixture('outbox', { failFirst: 2 });
  });
  afterAll(() => fx.close());

  const drain = async (deliver: () => Promise<boolean>) => {
    for (let round = 0; round < 20; round += 1) {
      while (await deliver());
      fx.clock.advance(60_000);
    }
  };

  it('delivers each entry exactly once even when the notifier fails twice first', async () => {
    const opened = await openAs(fx);
    await drain(fx.core.deliverOutbox);
    const stored = (await fx.core.cases.findById(opened.id))!;
    expect(stored.outbox).toHaveLength(2);
    for (const entry of stored.outbox) {
      expect(entry).toMatchObject({ state: 'delivered', attempts: 3 });
      expect(fx.notifier.calls.get(entry.id)).toBe(3);
      expect(fx.notifier.delivered.filter((n) => n.entry.id === entry.id)).toHaveLength(1);
    }
    expect(stored.outbox[0]?.lastError).toBe('chat is down (call 2)');
  });

  it('delivers only the new entries after a later change to the same case', async () => {
    const opened = await openAs(fx);
    await drain(fx.core.deliverOutbox);
    await fx.core.useCases.claimCase({ ref: { caseId: opened.id }, actor: await fx.agent() });
    await drain(fx.core.deliverOutbox);
    const stored = (await fx.core.cases.findById(opened.id))!;
    expect(stored.outbox.length).toBeGreaterThan(2);
    for (const entry of stored.outbox) {
      expect(entry.state).toBe('delivered');
      expect(fx.notifier.delivered.filter((n) => n.entry.id === entry.id)).toHaveLength(1);
    }
  });

  it('never delivers an entry twice when two workers race for the same cases', async () => {
    const cases = await Promise.all(Array.from({ length: 10 }, () => openAs(fx)));
    const notifier = new RecordingNotifier();
    const store = new MongoOutboxStore(createCaseModels(fx.connection));
    const worker = (owner: string) =>
      makeDeliverOutbox({ outbox: store, notifier, clock: fx.clock, owner });
    const [a, b] = [worker('a'), worker('b')];
    // Everything is due now, so the clock stays put: advancing it past the lease while
    // a worker still delivers would hand that case to the other worker by design.
    const run = async (deliver: () => Promise<boolean>) => {
      while (await deliver());
    };
    await Promise.all([run(a), run(b), run(a), run(b)]);
    const ids = notifier.delivered.map((n) => n.entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(cases.length * 2);
  });

  it('gives up after the configured attempts and keeps the entry as dead', async () => {
    const opened = await openAs(fx);
    const dead: string[] = [];
    const deliver = makeDeliverOutbox({
      outbox: new MongoOutboxStore(createCaseModels(fx.connection)),
      notifier: { deliver: () => Promise.reject(new Error('token revoked')) },
      clock: fx.clock,
      owner: 'c',
      maxAttempts: 3,
      onDead: (entry) => dead.push(entry.id),
    });
    await drain(deliver);
    const stored = (await fx.core.cases.findById(opened.id))!;
    expect(stored.outbox.map((e) => [e.state, e.attempts])).toEqual([
      ['dead', 3],
      ['dead', 3],
    ]);
    expect(dead).toHaveLength(2);
  });

  it('waits out a rate limit and keeps the case’s notifications in order', async () => {
    const opened = await openAs(fx);
    const seen: string[] = [];
    let limited = false;
    const deliver = makeDeliverOutbox({
      outbox: new MongoOutboxStore(createCaseModels(fx.connection)),
      notifier: {
        deliver: async (n) => {
          if (n.case.id !== opened.id) return;
          if (!limited) {
            limited = true;
            throw new DeliveryDeferred('ratelimited', 30_000);
          }
          seen.push(n.entry.id);
        },
      },
      clock: fx.clock,
      owner: 'd',
      baseBackoffMs: 10,
    });
    while (await deliver());
    expect(seen).toEqual([]);
    const waiting = (await fx.core.cases.findById(opened.id))!;
    expect(
      waiting.outbox[0]!.nextAttemptAt.getTime() - fx.clock.now().getTime(),
    ).toBeGreaterThanOrEqual(29_000);
    expect(waiting.outbox[1]).toMatchObject({ state: 'pending', attempts: 0 });
    fx.clock.advance(31_000);
    while (await deliver());
    expect(seen).toEqual(waiting.outbox.map((e) => e.id));
  });

  it('finds work through small due hints, and a sweep restores a hint lost in a crash', async () => {
    const store = new MongoOutboxStore(createCaseModels(fx.connection));
    const notifier = new RecordingNotifier();
    const deliver = makeDeliverOutbox({ outbox: store, notifier, clock: fx.clock, owner: 'e' });
    const hints = fx.connection.collection('outboxDue');
    while (await deliver());
    // Everything delivered: no hint is left behind.
    expect(await hints.countDocuments()).toBe(0);
    // A new case from this process, whose delivery loop runs: its hint is held here only.
    const opened = await openAs(fx);
    expect(await hints.countDocuments({ _id: opened.id as never })).toBe(0);
    // The process dies before delivering it: another one (or the restart) has no hint.
    const restarted = await connectTestDatabase(fx.connection.name, { exact: true });
    try {
      const elsewhere = new MongoOutboxStore(createCaseModels(restarted));
      const deliverElsewhere = makeDeliverOutbox({
        outbox: elsewhere,
        notifier,
        clock: fx.clock,
        owner: 'e2',
      });
      expect(await deliverElsewhere()).toBe(false);
      expect(await elsewhere.recover()).toBe(1);
      while (await deliverElsewhere());
    } finally {
      await restarted.close();
    }
    expect(notifier.delivered.filter((n) => n.case.id === opened.id)).toHaveLength(2);
    // This process's own hint finds the case delivered and is dropped.
    expect(await deliver()).toBe(false);
    expect(await hints.countDocuments()).toBe(0);
  });

  it('writes the hint of a new case whose delivery must wait for a retry', async () => {
    const store = new MongoOutboxStore(createCaseModels(fx.connection));
    const deliver = makeDeliverOutbox({
      outbox: store,
      notifier: {
        deliver: async () => {
          throw new Error('chat is down');
        },
      },
      clock: fx.clock,
      owner: 'g',
    });
    while (await deliver());
    const hints = fx.connection.collection('outboxDue');
    const opened = await openAs(fx);
    expect(await hints.countDocuments({ _id: opened.id as never })).toBe(0);
    while (await deliver());
    // Every replica can now find the retry, not only this process.
    expect(await hints.countDocuments({ _id: opened.id as never })).toBe(1);
    await drain(fx.core.deliverOutbox);
    expect(await hints.countDocuments({ _id: opened.id as never })).toBe(0);
  });

  it('keeps the hint of a change that lands while a worker settles the case', async () => {
    const store = new MongoOutboxStore(createCaseModels(fx.connection));
    const notifier = new RecordingNotifier();
    const deliver = makeDeliverOutbox({ outbox: store, notifier, clock: fx.clock, owner: 'f' });
    while (await deliver());
    const opened = await openAs(fx);
    const claimed = await store.claimDue(fx.clock.now(), new Date(Date.now() + 60_000), 'f');
    expect(claimed?.state.id).toBe(opened.id);
    for (const [index, entry] of claimed!.state.outbox.entries()) {
      await store.markDelivered(opened.id, index, entry.id, fx.clock.now(), {
        resolutionSent: false,
      });
    }
    // A change queues a notification after the worker read the case, before it releases.
    await fx.core.useCases.claimCase({ ref: { caseId: opened.id }, actor: await fx.agent() });
    await store.release(opened.id, 'f', claimed!.outboxSeq, null);
    while (await deliver());
    const stored = (await fx.core.cases.findById(opened.id))!;
    expect(stored.outbox.every((entry) => entry.state === 'delivered')).toBe(true);
    expect(notifier.delivered.length).toBe(stored.outbox.length - claimed!.state.outbox.length);
  });
});
