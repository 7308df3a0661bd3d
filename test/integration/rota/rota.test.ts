/**
 * The support rota on the real database with two app instances sharing it: the person on
 * duty joins the pool or takes cases entering the rota's statuses, and each change of duty
 * is announced once however many replicas run the Agenda job.
 */
import type { Connection } from 'mongoose';
import type { QueueInput } from '../../../src/domain/directory.js';
import { AGENDA_COLLECTION, createAgendaScheduler } from '../../../src/jobs/agenda-scheduler.js';
import type { Clock } from '../../../src/ports/clock.js';
import { makeRotaJobs, ROTA_TURN_JOB } from '../../../src/use-cases/rota/arm-rotas.js';
import { openAs, startCoreFixture, type CoreFixture } from '../../support/core-fixture.js';
import { defectsQueue, rotaJobsSettled } from '../../support/rota.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** ManualClock starts at 2026-11-23T09:00Z: turn 3 of a daily rota from the 20th, 09:00 UTC. */
const RETAIL: QueueInput = {
  key: 'retail',
  name: 'Retail',
  members: ['agent0@desk.example', 'agent1@desk.example'],
  routing: [{ keywords: ['till'] }],
  isDefault: false,
  triageChannel: 'slack:C0RETAIL',
  assignment: { strategy: 'round-robin', skills: false, handOnWhenAway: false },
  rota: {
    people: ['agent5@desk.example', 'agent6@desk.example'],
    every: '1 day',
    startsOn: '2026-11-20',
    at: '09:00',
    timeZone: 'UTC',
    takes: 'pool',
  },
};

const DEFECTS = defectsQueue(['agent7@desk.example', 'agent8@desk.example']);

/** No module or support key: the title's keyword routes the case. */
const RETAIL_CASE = { supportKey: undefined, module: undefined };

describe('the person on duty gets cases', () => {
  let a: CoreFixture;
  let b: CoreFixture;

  beforeAll(async () => {
    a = await startCoreFixture('rota_cases', { workflow: 'defect-lifecycle' });
    b = await startCoreFixture('rota_cases', {
      workflow: 'defect-lifecycle',
      shareDatabaseOf: a,
    });
    await a.core.directory.upsertQueues([RETAIL, DEFECTS]);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const ownerEmail = async (id: string | undefined) =>
    id ? (await a.core.directory.listAgents()).find((agent) => agent.id === id)?.email : undefined;

  test('in the pool: the person on duty takes turns with the members, for their turn only', async () => {
    const opened = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        openAs(i % 2 ? a : b, {
          ...RETAIL_CASE,
          title: `Till ${i} is frozen`,
          intakeKey: `pool-${i}`,
        }),
      ),
    );
    const owners = await Promise.all(opened.map((c) => ownerEmail(c.assigneeId)));
    expect(owners.sort()).toEqual([
      'agent0@desk.example',
      'agent0@desk.example',
      'agent1@desk.example',
      'agent1@desk.example',
      'agent6@desk.example',
      'agent6@desk.example',
    ]);
    const onDuty = opened.filter((c) => c.assigneeName === 'Agent 6');
    for (const c of onDuty) {
      expect(c.events.find((e) => e.type === 'assigned')?.data?.reason).toBe(
        'round-robin; on rota duty',
      );
    }
    // The next morning Agent 5 is on duty, and Agent 6 is no longer in the pool.
    for (const fixture of [a, b]) fixture.clock.set(new Date('2026-11-24T09:00:00Z'));
    const next = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        openAs(i % 2 ? a : b, {
          ...RETAIL_CASE,
          title: `Till ${i} beeps`,
          intakeKey: `pool-next-${i}`,
        }),
      ),
    );
    const nextOwners = new Set(await Promise.all(next.map((c) => ownerEmail(c.assigneeId))));
    expect(nextOwners).toEqual(
      new Set(['agent0@desk.example', 'agent1@desk.example', 'agent5@desk.example']),
    );
  });

  const approve = async (fixture: CoreFixture, caseId: string) => {
    const actor = await fixture.agent('ben@desk.example');
    for (const to of ['in-review', 'approved-for-action']) {
      const moved = await fixture.core.useCases.transitionCase({ ref: { caseId }, actor, to });
      if (!moved.ok) throw new Error(moved.message);
    }
    return (await fixture.core.cases.findById(caseId))!;
  };

  test('by status: a case approved for action goes to the developer on duty, from its owner', async () => {
    const opened = await openAs(a, {
      ...RETAIL_CASE,
      title: 'Posting crash on save',
      intakeKey: 'defect-1',
    });
    expect(opened.queueKey).toBe('defects');
    const claimed = await a.core.useCases.claimCase({
      ref: { caseId: opened.id },
      actor: await a.agent('ana@desk.example'),
    });
    expect(claimed.ok).toBe(true);
    const approved = await approve(b, opened.id);
    expect(approved.status).toBe('approved-for-action');
    expect(approved.assigneeName).toBe('Agent 7');
    const handed = approved.events.filter((e) => e.type === 'assigned');
    expect(handed.map((e) => e.data?.reason)).toEqual([
      'rota: on duty for Defects; status Approved for action',
    ]);
    // Moving on from that status hands nothing on again.
    const started = await a.core.useCases.transitionCase({
      ref: { caseId: opened.id },
      actor: await a.agent('agent7@desk.example'),
      to: 'in-progress',
    });
    expect(
      started.ok && started.value.case.events.filter((e) => e.type === 'assigned'),
    ).toHaveLength(1);
  });

  test('by status: a developer on duty who is away gets nothing; the case stays with its owner', async () => {
    const away = await a.core.useCases.setAvailability({
      actor: await a.agent('agent7@desk.example'),
      state: 'away',
    });
    expect(away.ok).toBe(true);
    const opened = await openAs(a, {
      ...RETAIL_CASE,
      title: 'Export crash at month end',
      intakeKey: 'defect-2',
    });
    const approved = await approve(a, opened.id);
    expect(approved.status).toBe('approved-for-action');
    expect(approved.assigneeId).toBeUndefined();
    expect(approved.events.filter((e) => e.type === 'assigned')).toHaveLength(0);
  });

  test('/support rota: the running turn and the next ones, for staff only', async () => {
    a.clock.set(new Date('2026-11-24T10:00:00Z'));
    const shown = await a.core.useCases.showRota({ actor: await a.agent('ana@desk.example') });
    expect(shown.ok).toBe(true);
    if (!shown.ok) return;
    const retail = shown.value.find((q) => q.queueKey === 'retail')!;
    expect(retail.takes).toBe("new cases, in turn with the queue's members");
    expect(retail.turns.map((t) => [t.name, t.from, t.current])).toEqual([
      ['Agent 5', 'Tue 24 Nov 09:00', true],
      ['Agent 6', 'Wed 25 Nov 09:00', false],
      ['Agent 5', 'Thu 26 Nov 09:00', false],
      ['Agent 6', 'Fri 27 Nov 09:00', false],
    ]);
    const defects = shown.value.find((q) => q.queueKey === 'defects')!;
    expect(defects.takes).toBe('cases in Approved for action');
    expect(defects.turns[0]).toMatchObject({ name: 'Agent 7', current: true, available: false });
    const refused = await a.core.useCases.showRota({ actor: await a.customer() });
    expect(refused.ok).toBe(false);
  });
});

/** Real time, moved on by the test: Agenda's due times are real, so the clock must be too. */
class OffsetClock implements Clock {
  offsetMs = 0;
  now = () => new Date(Date.now() + this.offsetMs);
}

describe('changes of duty, announced once across two replicas', () => {
  let a: CoreFixture;
  let b: CoreFixture;
  const today = new Date(`${isoDay(new Date())}T00:00:00Z`);
  const tomorrow = new Date(today.getTime() + DAY_MS);
  const daily: QueueInput = {
    ...RETAIL,
    rota: {
      ...RETAIL.rota!,
      startsOn: isoDay(new Date(today.getTime() - 3 * DAY_MS)),
      at: '00:00',
    },
  };

  beforeAll(async () => {
    a = await startCoreFixture('rota_turns');
    b = await startCoreFixture('rota_turns', { shareDatabaseOf: a });
    await a.core.directory.upsertQueues([daily]);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const replica = (fixture: CoreFixture, name: string, clock: Clock) => {
    const late: { jobs?: ReturnType<typeof makeRotaJobs> } = {};
    const timers = createAgendaScheduler({
      db: fixture.connection.db!,
      handler: async () => {},
      log: { error: () => {}, warn: () => {} },
      options: { processEveryMs: 150, instanceName: name },
      once: [{ name: ROTA_TURN_JOB, run: (data) => late.jobs!.runTurn(data) }],
    });
    late.jobs = makeRotaJobs({
      directory: fixture.core.directory,
      clock,
      announce: fixture.core.announceRotaTurn,
      schedule: (key, at, data) => timers.scheduleOnce(ROTA_TURN_JOB, key, at, data),
    });
    return { timers, jobs: late.jobs };
  };

  const settled = (connection: Connection) =>
    rotaJobsSettled(connection.db!.collection(AGENDA_COLLECTION));

  const announced = () =>
    [...a.notifier.announced, ...b.notifier.announced].filter((n) => n.kind === 'rota-turn');

  test('both replicas arm and run the jobs; each turn is announced once, to the channel and the person', async () => {
    const clock = new OffsetClock();
    const replicas = [replica(a, 'replica-a', clock), replica(b, 'replica-b', clock)];
    try {
      await Promise.all(replicas.map((r) => r.timers.start()));
      await Promise.all(replicas.map((r) => r.jobs.armAll()));
      await Promise.all(replicas.map((r) => r.jobs.armAll()));
      let jobs = await settled(a.connection);
      expect(announced()).toHaveLength(1);
      const [first] = announced();
      // Turn 3 of agent5, agent6: agent6.
      expect(first!.text).toMatch(
        /^Retail rota: Agent 6 is on duty until .* \(UTC\)\. Next: Agent 5, from /,
      );
      expect(first!.recipients.map((r) => r.as)).toEqual(['on duty', 'triage channel']);
      expect(jobs.map((job) => new Date(job.data.startsAt).getTime())).toEqual([
        tomorrow.getTime(),
      ]);

      // Midnight comes: the clocks move to the next turn and its job falls due.
      clock.offsetMs = tomorrow.getTime() - Date.now() + 1_000;
      await a.connection
        .db!.collection(AGENDA_COLLECTION)
        .updateOne({ name: ROTA_TURN_JOB }, { $set: { nextRunAt: new Date() } });
      jobs = await settled(a.connection);
      expect(announced()).toHaveLength(2);
      // Either replica may have run either turn: the new turn is the one not seen before.
      const second = announced().find((n) => n !== first)!;
      expect(second.text).toMatch(/^Retail rota: Agent 5 is on duty until /);
      expect(new Set(announced().map((n) => n.id)).size).toBe(2);
      // Exactly one job waits: the turn after.
      expect(jobs.map((job) => new Date(job.data.startsAt).getTime())).toEqual([
        tomorrow.getTime() + DAY_MS,
      ]);
      // A restart of both arms again: nothing new is announced.
      await Promise.all(replicas.map((r) => r.jobs.armAll()));
      await settled(a.connection);
      expect(announced()).toHaveLength(2);
    } finally {
      await Promise.all(replicas.map((r) => r.timers.stop()));
    }
  });
});
