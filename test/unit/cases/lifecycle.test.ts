import { openAs } from '../../support/core-fixture.js';
import { startMemoryFixture, type MemoryFixture } from '../../support/in-memory/core.js';

describe('a case from intake to closed', () => {
  let fx: MemoryFixture;
  beforeAll(async () => {
    fx = await startMemoryFixture();
  });
  afterAll(() => fx.close());

  it('is solved with a resolution, closable only once the resolution reached the customer', async () => {
    const opened = await openAs(fx);
    const ref = { caseId: opened.id };
    const ana = await fx.agent();
    expect((await fx.core.useCases.claimCase({ ref, actor: ana, minutes: 5 })).ok).toBe(true);
    const tooEarly = await fx.core.useCases.transitionCase({ ref, actor: ana, to: 'solved' });
    expect(tooEarly).toMatchObject({
      ok: false,
      code: 'requirement-missing',
      message: 'Solving needs a resolution.',
    });
    const noDoc = await fx.core.useCases.resolveCase({
      ref,
      actor: ana,
      resolution: { type: 'works-as-designed', text: 'By design.' },
    });
    expect(noDoc).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(!noDoc.ok && noDoc.message).toMatch(/documentation/);
    const solved = await fx.core.useCases.resolveCase({
      ref,
      actor: ana,
      minutes: 30,
      resolution: { type: 'fixed', text: 'Unlocked the period and re-ran the export.' },
    });
    expect(solved.ok && solved.value.case).toMatchObject({ status: 'solved', minutesLogged: 35 });
    const closeTooEarly = await fx.core.useCases.closeCase({ ref, actor: ana });
    expect(closeTooEarly).toMatchObject({ ok: false, code: 'requirement-missing' });
    while (await fx.core.deliverOutbox());
    const closed = await fx.core.useCases.closeCase({ ref, actor: await fx.customer() });
    expect(closed.ok && closed.value.case).toMatchObject({
      status: 'closed',
      statusCategory: 'closed',
    });
    const history = (await fx.core.cases.findById(opened.id))!.events.map((e) => e.type);
    expect(history).toEqual([
      'opened',
      'queue-changed',
      'claimed',
      'status-changed',
      'resolved',
      'status-changed',
      'status-changed',
    ]);
  });

  it('blocks solving while tasks are open and records the handover when one completes', async () => {
    const opened = await openAs(fx);
    const ref = { caseId: opened.id };
    const ana = await fx.agent();
    await fx.core.useCases.claimCase({ ref, actor: ana });
    const created = await fx.core.useCases.createTask({
      ref,
      actor: ana,
      title: 'Ask DBA to unlock period',
      handover: 'DBA team',
    });
    const taskId = created.ok ? created.value.case.tasks[0]!.id : '';
    const blocked = await fx.core.useCases.resolveCase({
      ref,
      actor: ana,
      resolution: { type: 'fixed', text: 'done' },
    });
    expect(blocked).toMatchObject({
      ok: false,
      code: 'requirement-missing',
      message: '1 open task blocks solving.',
    });
    const done = await fx.core.useCases.completeTask({
      ref,
      actor: ana,
      taskId,
      handover: 'DBA-4411',
    });
    expect(done.ok && done.value.case.tasks[0]).toMatchObject({
      status: 'completed',
      handover: 'DBA-4411',
    });
    expect(
      (
        await fx.core.useCases.resolveCase({
          ref,
          actor: ana,
          resolution: { type: 'fixed', text: 'done' },
        })
      ).ok,
    ).toBe(true);
  });

  it('records reroutes, priority changes, issue links and reassignment in the history', async () => {
    const opened = await openAs(fx);
    const ref = { caseNumber: opened.number.toLowerCase() };
    const ben = await fx.agent('ben@desk.example');
    const ana = await fx.core.directory.findAgentByEmail('ana@desk.example');
    expect(
      (
        await fx.core.useCases.moveCaseToQueue({
          ref,
          actor: ben,
          queueKey: 'general',
          reason: 'Not a ledger issue',
        })
      ).ok,
    ).toBe(true);
    expect(
      await fx.core.useCases.moveCaseToQueue({ ref, actor: ben, queueKey: 'nowhere' }),
    ).toMatchObject({ ok: false, code: 'not-found' });
    expect(
      (await fx.core.useCases.setCasePriority({ ref, actor: ben, priority: 'urgent' })).ok,
    ).toBe(true);
    expect(
      (
        await fx.core.useCases.linkIssue({
          ref,
          actor: ben,
          url: 'https://github.com/acme/erp/issues/12',
        })
      ).ok,
    ).toBe(true);
    expect((await fx.core.useCases.assignCase({ ref, actor: ben, assigneeId: ana!.id })).ok).toBe(
      true,
    );
    const stored = (await fx.core.cases.findById(opened.id))!;
    expect(stored).toMatchObject({
      queueKey: 'general',
      priority: 'urgent',
      assigneeName: 'Ana',
      status: 'on-hand',
    });
    expect(stored.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['queue-changed', 'priority-changed', 'issue-linked', 'assigned']),
    );
    const list = await fx.core.useCases.listCases({ actor: ben, categories: ['new', 'open'] });
    expect(list.ok && list.value.cases[0]?.priority).toBe('urgent');
  });
});
