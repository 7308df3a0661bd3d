/**
 * Setting oneself away or back, the board of who is available, and where SLA warnings go
 * while a case's owner is away: the use cases as the composition wires them, on the
 * in-memory ports and a manual clock (Monday 2026-11-23 09:00 UTC).
 */
import { openAs } from '../../support/core-fixture.js';
import { startMemoryFixture, type MemoryFixture } from '../../support/in-memory/core.js';

const SLA = {
  calendars: [{ name: 'always', timeZone: 'UTC', hours: '24/7' }],
  policies: [
    { name: 'standard', calendar: 'always', targets: { normal: { firstResponse: '4h' } } },
  ],
  defaultPolicy: 'standard',
};
const HOUR = 60 * 60 * 1000;

describe('availability use cases', () => {
  let fixture: MemoryFixture;
  beforeEach(async () => {
    fixture = await startMemoryFixture({ sla: SLA });
  });
  afterEach(() => fixture.close());

  const setAvailability = (input: Record<string, unknown>) =>
    fixture.core.useCases.setAvailability(input);

  it.each<[string, Record<string, unknown>, string]>([
    ['away for now', { state: 'away' }, 'away'],
    [
      'away until a date, read in the zone the chat reports',
      { state: 'away', until: 'tomorrow', timeZone: 'Asia/Tokyo' },
      '2026-11-23T15:00:00.000Z',
    ],
    [
      'away until a date and time (no zone known: UTC)',
      { state: 'away', until: '2026-11-30 08:30' },
      '2026-11-30T08:30:00.000Z',
    ],
    ['back', { state: 'available' }, 'available'],
  ])('stores %s', async (_name, input, expected) => {
    const ana = await fixture.agent();
    const set = await setAvailability({ actor: ana, ...input });
    expect(set.ok).toBe(true);
    const stored = (await fixture.core.agentStatus.statusesOf([ana.agentId])).get(ana.agentId);
    expect(stored?.until?.toISOString() ?? stored?.state).toBe(expected);
    expect(stored?.since).toEqual(fixture.clock.now());
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['a date in the past', { state: 'away', until: '2026-11-20' }, 'invalid-input', /already past/],
    [
      'today (already begun)',
      { state: 'away', until: '2026-11-23' },
      'invalid-input',
      /already past/,
    ],
    [
      'words that are no date',
      { state: 'away', until: 'the holidays' },
      'invalid-input',
      /not a date/,
    ],
    [
      'until with nothing after it',
      { state: 'away', until: '' },
      'invalid-input',
      /Say until when/,
    ],
    ['back with a date', { state: 'available', until: 'monday' }, 'invalid-input', /no date/],
  ])('refuses %s and stores nothing', async (_name, input, code, message) => {
    const ana = await fixture.agent();
    const set = await setAvailability({ actor: ana, ...input });
    expect(set).toMatchObject({ ok: false, code });
    expect(!set.ok && set.message).toMatch(message);
    expect((await fixture.core.agentStatus.statusesOf([ana.agentId])).size).toBe(0);
  });

  it('gives a customer the usual refusal', async () => {
    const set = await setAvailability({ actor: await fixture.customer(), state: 'away' });
    expect(set).toMatchObject({ ok: false, code: 'not-allowed' });
    const board = await fixture.core.useCases.listAvailability({ actor: await fixture.customer() });
    expect(board).toMatchObject({ ok: false, code: 'not-allowed' });
  });

  it('lists per queue who is available and who is away until when', async () => {
    const ana = await fixture.agent();
    await setAvailability({ actor: ana, state: 'away', until: '2026-11-25' });
    const board = await fixture.core.useCases.listAvailability({ actor: ana });
    if (!board.ok) throw new Error(board.message);
    const finance = board.value.find((q) => q.queueKey === 'finance');
    expect(finance?.agents).toEqual([
      expect.objectContaining({
        name: 'Ana',
        availability: { state: 'away', until: new Date('2026-11-25T00:00:00Z') },
      }),
    ]);
    const general = board.value.find((q) => q.queueKey === 'general');
    expect(general?.agents.find((a) => a.name === 'Ben')?.availability).toEqual({
      state: 'available',
    });
    expect(
      await fixture.core.agentStatus.availableAmong([ana.agentId], fixture.clock.now()),
    ).toEqual(new Set());
    fixture.clock.advance(2 * 24 * HOUR);
    expect(
      await fixture.core.agentStatus.availableAmong([ana.agentId], fixture.clock.now()),
    ).toEqual(new Set([ana.agentId]));
  });
});

describe('SLA warnings of a case whose owner is away', () => {
  let fixture: MemoryFixture;
  beforeEach(async () => {
    fixture = await startMemoryFixture({ sla: SLA });
    await fixture.core.directory.upsertQueues([
      {
        key: 'finance',
        name: 'Finance',
        routing: [{ modules: ['Ledger'] }],
        triageChannel: 'slack:CFINANCE',
        members: [],
        isDefault: false,
      },
    ]);
  });
  afterEach(() => fixture.close());

  const warnedTo = async (away: 'away' | 'back' | 'never') => {
    const opened = await openAs(fixture);
    const ana = await fixture.agent();
    await fixture.core.useCases.claimCase({ ref: { caseId: opened.id }, actor: ana });
    if (away !== 'never')
      await fixture.core.useCases.setAvailability({ actor: ana, state: 'away' });
    if (away === 'back')
      await fixture.core.useCases.setAvailability({ actor: ana, state: 'available' });
    // 75 % of the 4 h first-response target.
    fixture.clock.advance(3.5 * HOUR);
    const run = await fixture.core.sla!.evaluateTimer({
      caseId: opened.id,
      clock: 'firstResponse',
      decision: 'warning',
    });
    expect(run).toEqual({ ok: true, value: { recorded: 1 } });
    const state = (await fixture.core.cases.findById(opened.id))!;
    return state.events.filter((e) => e.type === 'sla-warning').map((e) => e.data?.['told']);
  };

  it.each<['away' | 'back' | 'never', string]>([
    ['never', 'Ana (assignee)'],
    ['away', 'slack:CFINANCE (triage channel)'],
    ['back', 'Ana (assignee)'],
  ])('owner %s: the warning goes to %s', async (away, told) => {
    expect(await warnedTo(away)).toEqual([told]);
  });
});
