import {
  availabilityOf,
  isAvailable,
  parseAwayUntil,
  workingCalendar,
  type AgentStatus,
  type WorkingHours,
} from '../../../src/domain/availability.js';
import { agentInputSchema } from '../../../src/domain/directory.js';
import type { BusinessCalendar } from '../../../src/domain/sla/types.js';

const berlinOffice: BusinessCalendar = {
  name: 'berlin-office',
  timeZone: 'Europe/Berlin',
  hours: { mon: [{ from: '08:00', to: '17:00' }], fri: [{ from: '08:00', to: '12:00' }] },
  holidays: ['2026-12-25'],
};
const calendars = [berlinOffice];

const nightShift: WorkingHours = {
  timeZone: 'America/New_York',
  days: ['sun'],
  from: '22:00',
  to: '06:00',
};
const tokyoDays: WorkingHours = {
  timeZone: 'Asia/Tokyo',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  from: '09:00',
  to: '18:00',
};

const away = (until?: string): AgentStatus => ({
  agentId: 'a1',
  state: 'away',
  since: new Date('2026-11-30T00:00:00Z'),
  ...(until ? { until: new Date(until) } : {}),
});
const back: AgentStatus = { agentId: 'a1', state: 'available', since: new Date('2026-11-30Z') };

// 2026-12-07 is a Monday; Berlin is UTC+1, New York UTC-5, Tokyo UTC+9 in December.
describe('availabilityOf', () => {
  it.each<[string, WorkingHours | undefined, AgentStatus | undefined, string, string]>([
    [
      'no hours and no status: always on',
      undefined,
      undefined,
      '2026-12-06T03:00:00Z',
      'available',
    ],
    ['no hours, away', undefined, away(), '2026-12-07T10:00:00Z', 'away'],
    [
      'away until a later date',
      undefined,
      away('2026-12-08T08:00:00Z'),
      '2026-12-07T10:00:00Z',
      'away',
    ],
    [
      'away until a date now past: available again',
      undefined,
      away('2026-12-07T08:00:00Z'),
      '2026-12-07T10:00:00Z',
      'available',
    ],
    ['back after away', undefined, back, '2026-12-07T10:00:00Z', 'available'],
    [
      'calendar: inside Monday hours',
      { calendar: 'berlin-office' },
      undefined,
      '2026-12-07T07:30:00Z',
      'available',
    ],
    [
      'calendar: before opening (07:59 Berlin)',
      { calendar: 'berlin-office' },
      undefined,
      '2026-12-07T06:59:00Z',
      'off-hours',
    ],
    [
      'calendar: a closed day (Tuesday)',
      { calendar: 'berlin-office' },
      undefined,
      '2026-12-08T10:00:00Z',
      'off-hours',
    ],
    [
      'calendar: a holiday (Friday 25 December)',
      { calendar: 'berlin-office' },
      undefined,
      '2026-12-25T09:00:00Z',
      'off-hours',
    ],
    [
      'calendar unknown to the SLA section: always on',
      { calendar: 'nowhere' },
      undefined,
      '2026-12-08T03:00:00Z',
      'available',
    ],
    ['away wins over hours', { calendar: 'berlin-office' }, away(), '2026-12-07T10:00:00Z', 'away'],
    [
      'away outside hours still says away',
      { calendar: 'berlin-office' },
      away(),
      '2026-12-08T10:00:00Z',
      'away',
    ],
    [
      'own hours across midnight: Sunday 23:00 New York',
      nightShift,
      undefined,
      '2026-12-07T04:00:00Z',
      'available',
    ],
    [
      'own hours across midnight: Monday 05:59 New York',
      nightShift,
      undefined,
      '2026-12-07T10:59:00Z',
      'available',
    ],
    [
      'own hours across midnight: Monday 06:00 New York',
      nightShift,
      undefined,
      '2026-12-07T11:00:00Z',
      'off-hours',
    ],
    [
      'own hours across midnight: Sunday 21:00 New York',
      nightShift,
      undefined,
      '2026-12-07T02:00:00Z',
      'off-hours',
    ],
    [
      'other zone: Monday 09:00 Tokyo is Sunday in UTC',
      tokyoDays,
      undefined,
      '2026-12-07T00:00:00Z',
      'available',
    ],
    [
      'other zone: Friday 18:00 Tokyo has ended',
      tokyoDays,
      undefined,
      '2026-12-11T09:00:00Z',
      'off-hours',
    ],
    ['other zone: Saturday in Tokyo', tokyoDays, undefined, '2026-12-12T02:00:00Z', 'off-hours'],
  ])('%s', (_name, hours, status, at, expected) => {
    const agent = { hours: workingCalendar(hours, calendars) };
    expect(availabilityOf(agent, status, new Date(at)).state).toBe(expected);
    expect(isAvailable(agent, status, new Date(at))).toBe(expected === 'available');
  });

  it('says until when an agent is away', () => {
    const until = '2026-12-08T08:00:00Z';
    expect(availabilityOf({}, away(until), new Date('2026-12-07T10:00:00Z'))).toEqual({
      state: 'away',
      until: new Date(until),
    });
  });
});

describe('parseAwayUntil', () => {
  // Monday 2026-12-07 10:00 UTC = 11:00 in Berlin.
  const now = new Date('2026-12-07T10:00:00Z');
  it.each<[string, string, string]>([
    ['2026-12-24', 'Europe/Berlin', '2026-12-23T23:00:00.000Z'],
    ['2026-12-24 14:00', 'Europe/Berlin', '2026-12-24T13:00:00.000Z'],
    ['2026-12-24T14:00', 'UTC', '2026-12-24T14:00:00.000Z'],
    ['tomorrow', 'Europe/Berlin', '2026-12-07T23:00:00.000Z'],
    ['Monday', 'Europe/Berlin', '2026-12-13T23:00:00.000Z'],
    ['fri', 'America/New_York', '2026-12-11T05:00:00.000Z'],
  ])('reads %s in %s', (text, zone, expected) => {
    const parsed = parseAwayUntil(text, zone, now);
    expect(parsed.ok && parsed.value.toISOString()).toBe(expected);
  });

  it.each<[string, RegExp]>([
    ['2026-12-01', /already past/],
    ['2026-12-07', /already past/],
    ['2026-12-07 10:59', /already past/],
    ['next week', /not a date I can read/],
    ['2026-02-30', /not a date I can read/],
  ])('refuses %s', (text, message) => {
    const parsed = parseAwayUntil(text, 'Europe/Berlin', now);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });
});

describe('workingHours in the directory', () => {
  const agent = { email: 'ana@desk.example', name: 'Ana' };
  it.each<[string, unknown, boolean]>([
    ['a calendar by name', { calendar: 'berlin-office' }, true],
    ['own hours across midnight', nightShift, true],
    ['an unknown zone', { ...tokyoDays, timeZone: 'Mars/Olympus' }, false],
    ['no days', { ...tokyoDays, days: [] }, false],
    ['a start equal to the end', { ...tokyoDays, to: '09:00' }, false],
    ['a time that is no time', { ...tokyoDays, from: '9am' }, false],
  ])('%s', (_name, workingHours, valid) => {
    expect(agentInputSchema.safeParse({ ...agent, workingHours }).success).toBe(valid);
  });
});
