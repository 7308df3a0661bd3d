import { openAs } from '../../support/core-fixture.js';
import { startMemoryFixture, type MemoryFixture } from '../../support/in-memory/core.js';

describe('what a customer may do and see', () => {
  let fx: MemoryFixture;
  beforeAll(async () => {
    fx = await startMemoryFixture();
  });
  afterAll(() => fx.close());

  it('cannot claim a case', async () => {
    const opened = await openAs(fx);
    const result = await fx.core.useCases.claimCase({
      ref: { caseId: opened.id },
      actor: await fx.customer(),
    });
    expect(result).toMatchObject({ ok: false, code: 'not-allowed' });
    expect((await fx.core.cases.findById(opened.id))?.assigneeId).toBeUndefined();
  });

  it('cannot make a staff transition, and the case stays where it was', async () => {
    const opened = await openAs(fx);
    const result = await fx.core.useCases.transitionCase({
      ref: { caseId: opened.id },
      actor: await fx.customer(),
      to: 'waiting-on-customer',
    });
    expect(result).toMatchObject({ ok: false, code: 'not-allowed' });
    const stored = await fx.core.cases.findById(opened.id);
    expect(stored).toMatchObject({ status: 'new', version: opened.version });
  });

  it('cannot write internal notes', async () => {
    const opened = await openAs(fx);
    const result = await fx.core.useCases.addInternalNote({
      ref: { caseId: opened.id },
      actor: await fx.customer(),
      text: 'hi',
    });
    expect(result).toMatchObject({ ok: false, code: 'not-allowed' });
  });

  it('never sees internal events, neither in the case view nor in notifications', async () => {
    const opened = await openAs(fx);
    const agent = await fx.agent();
    await fx.core.useCases.claimCase({ ref: { caseId: opened.id }, actor: agent });
    await fx.core.useCases.addInternalNote({
      ref: { caseId: opened.id },
      actor: agent,
      text: 'SECRET: VPN password is in the vault',
    });
    await fx.core.useCases.logTime({
      ref: { caseId: opened.id },
      actor: agent,
      minutes: 15,
      note: 'SECRET reading logs',
    });
    await fx.core.useCases.replyToCustomer({
      ref: { caseId: opened.id },
      actor: agent,
      text: 'We found the cause: a locked period.',
    });
    const view = await fx.core.useCases.getCase({
      ref: { caseId: opened.id },
      actor: await fx.customer(),
    });
    expect(view.ok && view.value.audience).toBe('customer');
    const text = JSON.stringify(view.ok ? view.value.case : null);
    expect(text).not.toContain('SECRET');
    expect(text).not.toContain('"internal"');
    expect(text).not.toContain('minutesLogged');
    expect(text).toContain('We found the cause');

    while (await fx.core.deliverOutbox());
    const toCustomer = fx.notifier.delivered.filter(
      (n) => n.audience === 'customer' && n.case.id === opened.id,
    );
    expect(toCustomer.length).toBeGreaterThan(0);
    expect(JSON.stringify(toCustomer)).not.toContain('SECRET');
    const toStaff = fx.notifier.delivered.filter(
      (n) => n.audience === 'staff' && n.case.id === opened.id,
    );
    expect(JSON.stringify(toStaff)).toContain('SECRET: VPN password');
  });

  it("cannot see or act on another organization's cases", async () => {
    const opened = await openAs(fx);
    const stranger = await fx.customer('dave@globex.example');
    expect(
      await fx.core.useCases.getCase({ ref: { caseId: opened.id }, actor: stranger }),
    ).toMatchObject({ ok: false, code: 'not-found' });
    expect(
      await fx.core.useCases.replyToCustomer({
        ref: { caseId: opened.id },
        actor: stranger,
        text: 'hi',
      }),
    ).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    const list = await fx.core.useCases.listCases({ actor: stranger, organizationKey: 'acme' });
    expect(list.ok && list.value.cases.every((c) => c.organizationKey === 'globex')).toBe(true);
  });

  it('hands a case waiting on them back to the team when they reply', async () => {
    const opened = await openAs(fx);
    const agent = await fx.agent();
    await fx.core.useCases.claimCase({ ref: { caseId: opened.id }, actor: agent });
    await fx.core.useCases.transitionCase({
      ref: { caseId: opened.id },
      actor: agent,
      to: 'waiting-on-customer',
    });
    const reply = await fx.core.useCases.replyToCustomer({
      ref: { caseId: opened.id },
      actor: await fx.customer(),
      text: 'Here is the log.',
    });
    expect(reply.ok && reply.value.case.status).toBe('on-hand');
  });

  it('never reads installation access notes, which agents can', async () => {
    const opened = await openAs(fx);
    const installationId = opened.installationId!;
    expect(
      await fx.core.useCases.getAccessNotes({ actor: await fx.customer(), installationId }),
    ).toMatchObject({
      ok: false,
      code: 'not-allowed',
    });
    const forAgent = await fx.core.useCases.getAccessNotes({
      actor: await fx.agent(),
      installationId,
    });
    expect(forAgent).toMatchObject({
      ok: true,
      value: { notes: 'VPN via jump host acme-gw; call the DBA on +1 555 0100' },
    });
  });
});
