import { describe, expect, it } from '@jest/globals';
import { queueInputSchema } from '../../../src/domain/directory.js';
import {
  nextTurnAfter,
  queueRotaSchema,
  rotaTakesStatus,
  rotaTime,
  rotaTurnKey,
  turnAt,
  turnsFrom,
} from '../../../src/domain/rota.js';

const rota = (over: Record<string, unknown> = {}) =>
  queueRotaSchema.parse({
    people: ['ana@desk.example', 'ben@desk.example', 'chen@desk.example'],
    every: '1 week',
    startsOn: '2026-11-30', // a Monday
    at: '09:00',
    timeZone: 'Europe/Berlin',
    ...over,
  });

describe('who is on duty', () => {
  it.each([
    ['before the first turn', '2026-11-30T07:59:59Z', undefined],
    [
      'the first minute of the first turn (09:00 Berlin = 08:00 UTC)',
      '2026-11-30T08:00:00Z',
      'ana@desk.example',
    ],
    ['the last second of the first turn', '2026-12-07T07:59:59Z', 'ana@desk.example'],
    ['the second turn', '2026-12-07T08:00:00Z', 'ben@desk.example'],
    ['the third turn', '2026-12-16T12:00:00Z', 'chen@desk.example'],
    ['back to the first person', '2026-12-21T08:00:00Z', 'ana@desk.example'],
  ])('%s', (_label, at, who) => {
    expect(turnAt(rota(), new Date(at))?.email).toBe(who);
  });

  it('changes at the same wall time across daylight saving (Berlin leaves summer time on 25 Oct)', () => {
    const summer = rota({ startsOn: '2026-10-19' }); // 09:00 CEST = 07:00 UTC
    expect(turnAt(summer, new Date('2026-10-26T07:59:00Z'))?.index).toBe(0);
    const second = turnAt(summer, new Date('2026-10-26T08:00:00Z'))!; // 09:00 CET
    expect(second.index).toBe(1);
    expect(second.startsAt.toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(rotaTime(summer, second.startsAt)).toBe('Mon 26 Oct 09:00');
  });

  it.each([
    ['1 day', '2026-12-02T08:30:00Z', 'chen@desk.example'],
    ['2 weeks', '2026-12-13T08:30:00Z', 'ana@desk.example'],
    ['2 weeks', '2026-12-14T08:00:00Z', 'ben@desk.example'],
  ])('a period of %s at %s', (every, at, who) => {
    expect(turnAt(rota({ every }), new Date(at))?.email).toBe(who);
  });

  it('lists the running turn and the next ones; before the start, the first turns', () => {
    const turns = turnsFrom(rota(), new Date('2026-12-08T10:00:00Z'), 3);
    expect(turns.map((t) => [t.email, t.startsAt.toISOString()])).toEqual([
      ['ben@desk.example', '2026-12-07T08:00:00.000Z'],
      ['chen@desk.example', '2026-12-14T08:00:00.000Z'],
      ['ana@desk.example', '2026-12-21T08:00:00.000Z'],
    ]);
    expect(turnsFrom(rota(), new Date('2026-11-01T00:00:00Z'), 1)[0]?.email).toBe(
      'ana@desk.example',
    );
    expect(nextTurnAfter(rota(), new Date('2026-11-01T00:00:00Z')).index).toBe(0);
    expect(nextTurnAfter(rota(), new Date('2026-12-08T10:00:00Z')).email).toBe('chen@desk.example');
  });

  it('keys each turn by queue and start, so a turn is announced once', () => {
    const turn = turnAt(rota(), new Date('2026-12-08T10:00:00Z'))!;
    expect(rotaTurnKey('retail', turn)).toBe('rota:retail:2026-12-07T08:00:00.000Z');
  });

  it('hands over only the statuses it names', () => {
    expect(rotaTakesStatus(rota({ takes: { statuses: ['pending-dev'] } }), 'pending-dev')).toBe(
      true,
    );
    expect(rotaTakesStatus(rota({ takes: { statuses: ['pending-dev'] } }), 'open')).toBe(false);
    expect(rotaTakesStatus(rota(), 'pending-dev')).toBe(false);
    expect(rotaTakesStatus(undefined, 'pending-dev')).toBe(false);
  });
});

describe('a rota as configured', () => {
  const problems = (over: Record<string, unknown>) => {
    const parsed = queueRotaSchema.safeParse({
      people: ['ana@desk.example'],
      every: '1 week',
      startsOn: '2026-11-30',
      ...over,
    });
    return parsed.success
      ? []
      : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it.each([
    [{ every: 'fortnightly' }, 'every: must be a period such as "1 week", "2 weeks" or "1 day"'],
    [{ every: '0 weeks' }, 'every: must be at least 1 day'],
    [{ people: [] }, 'people: must name at least one person'],
    [{ people: ['ana@desk.example', 'ANA@desk.example'] }, 'people: must not repeat a person'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone: must be an IANA time zone such as Europe/Berlin'],
    [{ at: '9am' }, 'at: must be a time as HH:mm, e.g. 09:00'],
    [{ startsOn: '30.11.2026' }, 'startsOn: must be a date as YYYY-MM-DD'],
  ])('refuses %j', (over, problem) => {
    expect(problems(over)).toEqual([problem]);
  });

  it('defaults to 09:00 UTC, taking part in the pool', () => {
    expect(
      queueRotaSchema.parse({ people: ['a@b.example'], every: '1 day', startsOn: '2026-12-01' }),
    ).toMatchObject({
      at: '09:00',
      timeZone: 'UTC',
      takes: 'pool',
    });
  });

  it('refuses a pool rota on a queue that assigns manually, saying what to do', () => {
    const queue = {
      key: 'retail',
      name: 'Retail',
      rota: { people: ['ana@desk.example'], every: '1 week', startsOn: '2026-11-30' },
    };
    const refused = queueInputSchema.safeParse(queue);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['rota', 'takes']);
    expect(refused.error?.issues[0]?.message).toMatch(/give the queue an assignment strategy/);
    expect(
      queueInputSchema.safeParse({ ...queue, assignment: { strategy: 'round-robin' } }).success,
    ).toBe(true);
    expect(
      queueInputSchema.safeParse({
        ...queue,
        rota: { ...queue.rota, takes: { statuses: ['pending-dev'] } },
      }).success,
    ).toBe(true);
  });
});
