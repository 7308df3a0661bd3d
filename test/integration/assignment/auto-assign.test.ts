/**
 * Automatic assignment on the real database with two app instances (two connections, two
 * cores) sharing it: the round-robin turn is the one shared state, each assignment the
 * ordinary version-checked case update.
 */
import type { CaseState } from '../../../src/domain/case/types.js';
import type { QueueInput } from '../../../src/domain/directory.js';
import { openAs, startCoreFixture, type CoreFixture } from '../../support/core-fixture.js';
import { FAST_SLA } from '../../support/fast-sla.js';

const MEMBERS = Array.from({ length: 10 }, (_, i) => `agent${i}@desk.example`);
const AWAY = 'agent3@desk.example';

const SLA = {
  ...FAST_SLA,
  policies: FAST_SLA.policies.map((policy) => ({
    ...policy,
    escalation: { reassignOnBreach: true },
  })),
};

const queue = (assignment: QueueInput['assignment']): QueueInput => ({
  key: 'rota',
  name: 'Rota',
  members: MEMBERS,
  routing: [{ keywords: ['roundrobin'] }],
  isDefault: false,
  ...(assignment ? { assignment } : {}),
});

describe('automatic assignment across two app instances', () => {
  const awayIds = new Set<string>();
  let a: CoreFixture;
  let b: CoreFixture;

  beforeAll(async () => {
    a = await startCoreFixture('auto_assign', { sla: SLA });
    b = await startCoreFixture('auto_assign', { sla: SLA, shareDatabaseOf: a });
    await a.core.directory.upsertQueues([
      queue({ strategy: 'round-robin', skills: false, handOnWhenAway: false }),
    ]);
    await goAway(AWAY);
  });

  /** As `/support away` does it, through one instance; the other reads it from the database. */
  const goAway = async (email: string) => {
    const actor = await a.agent(email);
    const result = await a.core.useCases.setAvailability({ actor, state: 'away' });
    if (!result.ok) throw new Error(result.message);
    awayIds.add(actor.agentId);
  };

  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const open = (fixture: CoreFixture, i: number): Promise<CaseState> =>
    openAs(fixture, {
      title: `Till ${i} is down (roundrobin)`,
      description: 'The till will not start.',
      supportKey: undefined,
      module: undefined,
      intakeKey: `rr-${i}`,
    });

  test('200 concurrent intakes: each case once, spread evenly, nobody away', async () => {
    await Promise.all(Array.from({ length: 200 }, (_, i) => open(i % 2 ? a : b, i)));
    const cases = await a.core.cases.listStates({ queueKey: 'rota', limit: 1000 });
    expect(cases).toHaveLength(200);
    const perAgent = new Map<string, number>();
    for (const state of cases) {
      const assigned = state.events.filter((event) => event.type === 'assigned');
      expect(assigned).toHaveLength(1);
      expect(assigned[0]?.data?.reason).toBe('round-robin');
      expect(state.assigneeId).toBe(assigned[0]?.data?.assigneeId);
      perAgent.set(state.assigneeId!, (perAgent.get(state.assigneeId!) ?? 0) + 1);
      // Told by DM, from the same write.
      expect(state.outbox.filter((entry) => entry.topic === 'assignment')).toHaveLength(1);
    }
    expect([...awayIds].filter((id) => perAgent.has(id))).toEqual([]);
    expect(perAgent.size).toBe(MEMBERS.length - 1);
    const counts = [...perAgent.values()];
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  test('a breach hands the case to someone else once, however many timers run', async () => {
    const opened = await open(a, 1000);
    const first = opened.assigneeId!;
    expect(first).toBeDefined();
    for (const fixture of [a, b]) fixture.clock.advance(5_000);
    const timer = { caseId: opened.id, clock: 'firstResponse', decision: 'breach' };
    const results = await Promise.all([
      a.core.sla!.evaluateTimer(timer),
      b.core.sla!.evaluateTimer(timer),
      a.core.sla!.evaluateTimer(timer),
    ]);
    expect(results.every((result) => result.ok)).toBe(true);
    const after = (await a.core.cases.findById(opened.id))!;
    const handedOn = after.events.filter(
      (event) => event.type === 'assigned' && event.data?.previousAssigneeId === first,
    );
    expect(handedOn).toHaveLength(1);
    expect(handedOn[0]?.data?.reason).toBe('round-robin; reassigned at an SLA breach');
    expect(after.assigneeId).not.toBe(first);
    expect(awayIds.has(after.assigneeId!)).toBe(false);
  });

  test('a case nobody owns is assigned when it is moved to the queue', async () => {
    const elsewhere = await openAs(a, { title: 'Till 7 prints blank slips', intakeKey: 'move-1' });
    expect(elsewhere.queueKey).not.toBe('rota');
    expect(elsewhere.assigneeId).toBeUndefined();
    const moved = await b.core.useCases.moveCaseToQueue({
      ref: { caseId: elsewhere.id },
      actor: await a.agent('ben@desk.example'),
      queueKey: 'rota',
    });
    expect(moved.ok && moved.value.case.assigneeId).toBeTruthy();
    const assigned = moved.ok ? moved.value.case.events.filter((e) => e.type === 'assigned') : [];
    expect(assigned.map((event) => event.data?.reason)).toEqual([
      'round-robin; moved to the queue',
    ]);
  });

  test('an agent who goes away keeps their cases where the queue does not hand them on', async () => {
    const staying = (await a.core.directory.findAgentByEmail('agent1@desk.example'))!.id;
    const owned = await a.core.cases.list({ assigneeId: staying, limit: 1000 });
    expect(owned.length).toBeGreaterThan(0);
    const actor = await a.agent('agent1@desk.example');
    const away = await b.core.useCases.setAvailability({ actor, state: 'away' });
    expect(away.ok && away.value.handedOn).toBe(0);
    expect(await a.core.cases.list({ assigneeId: staying, limit: 1000 })).toHaveLength(
      owned.length,
    );
    const back = await b.core.useCases.setAvailability({ actor, state: 'available' });
    expect(back.ok).toBe(true);
  });

  test('an agent who goes away has their open cases handed on once', async () => {
    await a.core.directory.upsertQueues([
      queue({ strategy: 'round-robin', skills: false, handOnWhenAway: true }),
    ]);
    const leaving = (await a.core.directory.findAgentByEmail('agent0@desk.example'))!.id;
    const owned = await a.core.cases.list({ assigneeId: leaving, limit: 1000 });
    expect(owned.length).toBeGreaterThan(0);
    // `/support away`, answered by one instance while the other hands on too.
    const actor = await a.agent('agent0@desk.example');
    const [away, again] = await Promise.all([
      a.core.useCases.setAvailability({ actor, state: 'away' }),
      b.core.useCases.reassignCasesOfAgent!({ agentId: leaving }),
    ]);
    awayIds.add(leaving);
    expect(away.ok && again.ok).toBe(true);
    if (away.ok && again.ok) {
      expect(away.value.handedOn + again.value.reassigned).toBe(owned.length);
    }
    for (const summary of owned) {
      const state = (await a.core.cases.findById(summary.id))!;
      const handovers = state.events.filter(
        (event) => event.type === 'assigned' && event.data?.previousAssigneeId === leaving,
      );
      expect(handovers).toHaveLength(1);
      expect(handovers[0]?.data?.reason).toBe('round-robin; the owner is unavailable');
      expect(awayIds.has(state.assigneeId!)).toBe(false);
    }
  });

  test('a manual queue leaves new cases unassigned', async () => {
    await a.core.directory.upsertQueues([queue(undefined)]);
    const opened = await open(b, 2000);
    expect(opened.assigneeId).toBeUndefined();
    expect(opened.events.some((event) => event.type === 'assigned')).toBe(false);
  });
});
