/**
 * A move to a queue that assigns, and a status the rota takes, write an `auto-assign`
 * effect into the case's outbox with the change. When the process dies after that commit
 * and before its own assignment call, the outbox assigns the case afterwards, once, on
 * whichever replica delivers it. The "death" is the use case's assignment call throwing:
 * the commit has happened and nothing after it ran, which is what a kill leaves behind.
 */
import type { QueueInput } from '../../../src/domain/directory.js';
import { makeMoveCaseToQueue } from '../../../src/use-cases/move-case-to-queue.js';
import { makeTransitionCase } from '../../../src/use-cases/transition-case.js';
import type { AutoAssign } from '../../../src/use-cases/auto-assign.js';
import { openAs, startCoreFixture, type CoreFixture } from '../../support/core-fixture.js';
import { defectsQueue } from '../../support/rota.js';

const ROUND_ROBIN: QueueInput = {
  key: 'tills',
  name: 'Tills',
  members: ['agent0@desk.example', 'agent1@desk.example'],
  routing: [],
  isDefault: false,
  assignment: { strategy: 'round-robin', skills: false, handOnWhenAway: false },
};
const DEFECTS = defectsQueue(['agent7@desk.example']);

const killed: AutoAssign = async () => {
  throw new Error('the process was killed');
};

describe('automatic assignment survives a crash after the commit', () => {
  let a: CoreFixture;
  let b: CoreFixture;
  beforeAll(async () => {
    a = await startCoreFixture('assign_effect', { workflow: 'defect-lifecycle' });
    b = await startCoreFixture('assign_effect', {
      workflow: 'defect-lifecycle',
      shareDatabaseOf: a,
    });
    await a.core.directory.upsertQueues([ROUND_ROBIN, DEFECTS]);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  /** The use case as the dying process ran it: the real one, whose assignment call dies. */
  const dyingDeps = (fixture: CoreFixture) => ({
    cases: fixture.core.cases,
    clock: fixture.clock,
    newId: fixture.core.newId,
    workflow: fixture.core.config.workflow,
    directory: fixture.core.directory,
    autoAssign: killed,
  });

  /** Both replicas deliver until neither has anything due. */
  const drain = async () => {
    while ((await Promise.all([a.core.deliverOutbox(), b.core.deliverOutbox()])).some(Boolean));
  };

  const assignedEvents = async (caseId: string) =>
    (await a.core.cases.findById(caseId))!.events.filter((e) => e.type === 'assigned');

  test('a move to a round-robin queue', async () => {
    const opened = await openAs(a, { title: 'Till 3 reboots', intakeKey: 'effect-move' });
    expect(opened.assigneeId).toBeUndefined();
    const move = makeMoveCaseToQueue(dyingDeps(a));
    await expect(
      move({
        ref: { caseId: opened.id },
        actor: await a.agent('ben@desk.example'),
        queueKey: 'tills',
      }),
    ).rejects.toThrow('the process was killed');
    const moved = (await a.core.cases.findById(opened.id))!;
    expect(moved.queueKey).toBe('tills');
    expect(moved.assigneeId).toBeUndefined();
    expect(
      moved.outbox.filter((e) => e.topic === 'auto-assign' && e.state === 'pending'),
    ).toHaveLength(1);

    await drain();
    const events = await assignedEvents(opened.id);
    expect(events.map((e) => e.data?.reason)).toEqual(['round-robin; moved to the queue']);
    expect(['Agent 0', 'Agent 1']).toContain(
      (await a.core.cases.findById(opened.id))!.assigneeName,
    );
  });

  test('a status the rota takes', async () => {
    const opened = await openAs(a, {
      title: 'Posting crash on save',
      supportKey: undefined,
      module: undefined,
      intakeKey: 'effect-rota',
    });
    expect(opened.queueKey).toBe('defects');
    const actor = await a.agent('ben@desk.example');
    const ok = await a.core.useCases.transitionCase({
      ref: { caseId: opened.id },
      actor,
      to: 'in-review',
    });
    expect(ok.ok).toBe(true);
    const transition = makeTransitionCase(dyingDeps(a));
    await expect(
      transition({ ref: { caseId: opened.id }, actor, to: 'approved-for-action' }),
    ).rejects.toThrow('the process was killed');
    expect((await a.core.cases.findById(opened.id))!.assigneeId).toBeUndefined();

    await drain();
    const events = await assignedEvents(opened.id);
    expect(events.map((e) => e.data?.reason)).toEqual([
      'rota: on duty for Defects; status Approved for action',
    ]);
  });

  test('delivered after the assignment already happened, it changes nothing', async () => {
    const opened = await openAs(a, { title: 'Till 5 freezes', intakeKey: 'effect-twice' });
    const moved = await a.core.useCases.moveCaseToQueue({
      ref: { caseId: opened.id },
      actor: await a.agent('ben@desk.example'),
      queueKey: 'tills',
    });
    expect(moved.ok && moved.value.case.assigneeId).toBeTruthy();
    await drain();
    expect(await assignedEvents(opened.id)).toHaveLength(1);
    const after = (await a.core.cases.findById(opened.id))!;
    expect(after.outbox.find((e) => e.topic === 'auto-assign')?.state).toBe('delivered');
  });
});
