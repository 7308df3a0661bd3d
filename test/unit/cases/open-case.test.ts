import { openAs } from '../../support/core-fixture.js';
import { startMemoryFixture, type MemoryFixture } from '../../support/in-memory/core.js';

describe('opening a case', () => {
  let fx: MemoryFixture;
  beforeAll(async () => {
    fx = await startMemoryFixture();
  });
  afterAll(() => fx.close());

  it('numbers it, ties it to the contract, routes it, and records its history and outbox', async () => {
    const opened = await openAs(fx);
    expect(opened.number).toMatch(/^CASE-10\d\d$/);
    expect(opened).toMatchObject({
      organizationKey: 'acme',
      contactName: 'Carol',
      productKey: 'erp',
      productVersion: '2.0',
      contractLevel: 'gold',
      slaPolicy: 'gold',
      queueKey: 'finance',
      status: 'new',
      statusCategory: 'new',
      priority: 'normal',
      flags: [],
    });
    const stored = await fx.core.cases.findByNumber(opened.number);
    expect(stored?.events.map((e) => [e.type, e.visibility])).toEqual([
      ['opened', 'public'],
      ['queue-changed', 'internal'],
    ]);
    expect(stored?.events[1]?.text).toContain('Routed to finance');
    expect(stored?.outbox.map((o) => [o.topic, o.audience, o.state])).toEqual([
      ['case-opened', 'customer', 'pending'],
      ['case-opened', 'staff', 'pending'],
    ]);
  });

  it('flags an unknown support key and an expired contract instead of refusing', async () => {
    const unknownKey = await openAs(fx, { supportKey: 'NOPE-0000' });
    expect(unknownKey.flags).toContain('unknown-support-key');
    const globex = await fx.customer('dave@globex.example');
    const result = await fx.core.useCases.openCase({
      actor: globex,
      title: 'POS down',
      supportKey: 'GLBX-ERP-0001',
    });
    expect(result.ok && result.value.case.flags).toEqual(['expired-contract']);
  });

  it('treats another organization’s support key as unknown and never attaches its contract', async () => {
    const opened = await openAs(fx, { supportKey: 'GLBX-ERP-0001' });
    expect(opened.flags).toContain('unknown-support-key');
    expect(opened.contractLevel).toBe('gold');
    expect(opened.installationId).toBeUndefined();
  });

  it('returns the same case for a repeated intake key (a retried chat event)', async () => {
    const first = await openAs(fx, { intakeKey: 'slack:Ev0001' });
    const before = (await fx.core.cases.list({ limit: 1000 })).length;
    const again = await fx.core.useCases.openCase({
      actor: await fx.customer(),
      title: 'again',
      intakeKey: 'slack:Ev0001',
    });
    expect(again.ok && again.value).toMatchObject({
      created: false,
      case: { number: first.number },
    });
    expect((await fx.core.cases.list({ limit: 1000 })).length).toBe(before);
  });

  it('finishes a case whose intake key was reserved by an attempt that died before writing it', async () => {
    await fx.core.cases.claimIntakeKey('slack:Ev0002', 'case-from-dead-attempt');
    const retried = await fx.core.useCases.openCase({
      actor: await fx.customer(),
      title: 'retry',
      intakeKey: 'slack:Ev0002',
    });
    expect(retried.ok && retried.value).toMatchObject({
      created: true,
      case: { id: 'case-from-dead-attempt' },
    });
    const again = await fx.core.useCases.openCase({
      actor: await fx.customer(),
      title: 'retry',
      intakeKey: 'slack:Ev0002',
    });
    expect(again.ok && again.value).toMatchObject({
      created: false,
      case: { id: 'case-from-dead-attempt' },
    });
  });

  it('opens one case for ten simultaneous deliveries of the same event', async () => {
    const actor = await fx.customer();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        fx.core.useCases.openCase({ actor, title: 'dup', intakeKey: 'slack:Ev0003' }),
      ),
    );
    const ids = new Set(results.map((r) => (r.ok ? r.value.case.id : r.message)));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.ok && r.value.created)).toHaveLength(1);
  });

  it('gives 50 concurrent opens 50 distinct numbers', async () => {
    const actor = await fx.customer();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fx.core.useCases.openCase({ actor, title: `Concurrent ${i}` }),
      ),
    );
    const numbers = results.map((r) => (r.ok ? r.value.case.number : r.message));
    expect(new Set(numbers).size).toBe(50);
    expect(numbers.every((n) => /^CASE-\d+$/.test(n))).toBe(true);
  });

  it('rejects bad input with the reason and stores nothing', async () => {
    const before = (await fx.core.cases.list({ limit: 1000 })).length;
    const result = await fx.core.useCases.openCase({
      actor: await fx.customer(),
      title: '  ',
      priority: 'asap',
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(!result.ok && result.message).toMatch(/title: A case needs a title.*priority/);
    expect((await fx.core.cases.list({ limit: 1000 })).length).toBe(before);
  });

  it('lets staff open a case on behalf of a contact who phoned', async () => {
    const contact = await fx.contact();
    const result = await fx.core.useCases.openCase({
      actor: await fx.agent(),
      contactId: contact.id,
      title: 'Called about payroll',
      module: 'Payroll',
      origin: { channel: 'phone' },
    });
    expect(result.ok && result.value.case).toMatchObject({
      contactName: 'Carol',
      origin: { channel: 'phone' },
      queueKey: 'general',
    });
    expect(result.ok && result.value.case.events[0]?.actor).toMatchObject({
      name: 'Ana',
      role: 'agent',
    });
  });
});
