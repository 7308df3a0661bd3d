import { DateTime } from 'luxon';
import {
  addBusinessMinutes,
  businessMinutesBetween,
} from '../../../../src/domain/sla/business-time.js';
import type { BusinessCalendar } from '../../../../src/domain/sla/types.js';

const splitShift = [
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '17:00' },
];
// Good Friday and Easter Monday 2026 are public holidays in Germany.
const berlin: BusinessCalendar = {
  name: 'berlin-office',
  timeZone: 'Europe/Berlin',
  hours: { mon: splitShift, tue: splitShift, wed: splitShift, thu: splitShift, fri: splitShift },
  holidays: ['2026-04-03', '2026-04-06'],
};
const allDay = [{ from: '00:00', to: '24:00' }];
const everyDay = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay };
// Written as weekly ranges (not "24/7") so the day-by-day walk itself is exercised.
const berlinRoundTheClock: BusinessCalendar = {
  name: 'berlin-round-the-clock',
  timeZone: 'Europe/Berlin',
  hours: { ...everyDay, sat: allDay, sun: allDay },
  holidays: [],
};
const newYorkRoundTheClock: BusinessCalendar = {
  ...berlinRoundTheClock,
  timeZone: 'America/New_York',
};
// A night shift that straddles the hour the clocks change on Sunday.
const berlinSundayNight: BusinessCalendar = {
  ...berlinRoundTheClock,
  hours: { sun: [{ from: '01:00', to: '04:00' }] },
};
const wallClock: BusinessCalendar = { ...berlin, hours: '24/7', holidays: [] };

const local = (calendar: BusinessCalendar, text: string): Date =>
  DateTime.fromISO(text, { zone: calendar.timeZone }).toJSDate();

describe('addBusinessMinutes', () => {
  it.each([
    ['Friday 15:00 + 4h lands on Monday 10:00', '2026-11-20T15:00', 240, '2026-11-23T10:00'],
    ['opened before hours starts at opening', '2026-11-23T06:30', 60, '2026-11-23T09:00'],
    ['opened at lunch starts after lunch', '2026-11-23T12:30', 30, '2026-11-23T13:30'],
    ['split shift skips the lunch break', '2026-11-23T11:30', 60, '2026-11-23T13:30'],
    ['opened in the evening starts next morning', '2026-11-23T19:00', 30, '2026-11-24T08:30'],
    ['opened on Saturday starts Monday', '2026-11-21T10:00', 90, '2026-11-23T09:30'],
    ['ends exactly at closing time', '2026-11-20T13:00', 240, '2026-11-20T17:00'],
    ['skips Good Friday and Easter Monday', '2026-04-02T15:00', 240, '2026-04-07T10:00'],
    ['opened on a holiday starts next working day', '2026-04-06T09:00', 60, '2026-04-07T09:00'],
    ['across the spring-forward weekend', '2026-03-27T15:00', 240, '2026-03-30T10:00'],
    ['across the fall-back weekend', '2026-10-23T15:00', 240, '2026-10-26T10:00'],
    ['three working weeks', '2026-11-02T08:00', 3 * 5 * 8 * 60, '2026-11-20T17:00'],
    ['zero minutes is the start itself', '2026-11-21T10:00', 0, '2026-11-21T10:00'],
  ])('%s', (_name, start, minutes, expected) => {
    const due = addBusinessMinutes(berlin, local(berlin, start), minutes);
    expect(due).toEqual(local(berlin, expected));
  });

  it.each([
    [
      'Berlin spring forward: 24h after Sat noon is Sun 13:00',
      berlinRoundTheClock,
      '2026-03-28T12:00',
      '2026-03-29T13:00',
    ],
    [
      'Berlin fall back: 24h after Sat noon is Sun 11:00',
      berlinRoundTheClock,
      '2026-10-24T12:00',
      '2026-10-25T11:00',
    ],
    ['New York spring forward', newYorkRoundTheClock, '2026-03-07T12:00', '2026-03-08T13:00'],
    ['New York fall back', newYorkRoundTheClock, '2026-10-31T12:00', '2026-11-01T11:00'],
  ])('%s', (_name, calendar, start, expected) => {
    expect(addBusinessMinutes(calendar, local(calendar, start), 24 * 60)).toEqual(
      local(calendar, expected),
    );
  });
});

describe('businessMinutesBetween', () => {
  it.each([
    ['a full split-shift day', berlin, '2026-11-23T00:00', '2026-11-24T00:00', 480],
    ['a weekend', berlin, '2026-11-21T00:00', '2026-11-23T00:00', 0],
    ['a holiday', berlin, '2026-04-06T00:00', '2026-04-07T00:00', 0],
    ['lunch does not count', berlin, '2026-11-23T11:00', '2026-11-23T14:00', 120],
    [
      'Berlin spring-forward day has 23 hours',
      berlinRoundTheClock,
      '2026-03-29T00:00',
      '2026-03-30T00:00',
      23 * 60,
    ],
    [
      'Berlin fall-back day has 25 hours',
      berlinRoundTheClock,
      '2026-10-25T00:00',
      '2026-10-26T00:00',
      25 * 60,
    ],
    [
      'New York spring-forward day has 23 hours',
      newYorkRoundTheClock,
      '2026-03-08T00:00',
      '2026-03-09T00:00',
      23 * 60,
    ],
    [
      'New York fall-back day has 25 hours',
      newYorkRoundTheClock,
      '2026-11-01T00:00',
      '2026-11-02T00:00',
      25 * 60,
    ],
    [
      'night shift 01–04 loses the skipped hour',
      berlinSundayNight,
      '2026-03-29T00:00',
      '2026-03-30T00:00',
      120,
    ],
    [
      'night shift 01–04 gains the repeated hour',
      berlinSundayNight,
      '2026-10-25T00:00',
      '2026-10-26T00:00',
      240,
    ],
    ['reversed range is empty', berlin, '2026-11-24T00:00', '2026-11-23T00:00', 0],
  ])('%s', (_name, calendar, from, to, minutes) => {
    expect(businessMinutesBetween(calendar, local(calendar, from), local(calendar, to))).toBe(
      minutes,
    );
  });

  it('a case waiting over a weekend and a holiday uses only open hours', () => {
    const from = local(berlin, '2026-04-02T16:00');
    const to = local(berlin, '2026-04-07T09:30');
    expect(businessMinutesBetween(berlin, from, to)).toBe(60 + 90);
  });
});

describe('a 24/7 calendar', () => {
  const starts = ['2026-03-29T01:30:00Z', '2026-10-25T00:45:00Z', '2026-12-31T23:59:00Z'];
  const spans = [1, 59, 24 * 60, 7 * 24 * 60 + 13];

  it.each(starts.flatMap((start) => spans.map((minutes) => [start, minutes] as const)))(
    'equals wall-clock math from %s plus %d minutes',
    (start, minutes) => {
      const from = new Date(start);
      const to = new Date(from.getTime() + minutes * 60_000);
      expect(addBusinessMinutes(wallClock, from, minutes)).toEqual(to);
      expect(businessMinutesBetween(wallClock, from, to)).toBe(minutes);
    },
  );

  it('still closes on a holiday', () => {
    const withHoliday: BusinessCalendar = { ...wallClock, holidays: ['2026-12-25'] };
    const from = local(withHoliday, '2026-12-24T23:00');
    expect(addBusinessMinutes(withHoliday, from, 120)).toEqual(
      local(withHoliday, '2026-12-26T01:00'),
    );
  });
});

describe('businessMinutesBetween inverts addBusinessMinutes', () => {
  const starts = [
    '2026-03-27T16:59',
    '2026-03-29T02:30',
    '2026-04-02T11:45',
    '2026-10-24T23:10',
    '2026-10-25T02:30',
    '2026-11-23T12:15',
    '2026-12-31T16:00',
  ];
  const spans = [1, 45, 239, 480, 1000, 2400, 9999];
  const cases = [berlin, berlinRoundTheClock, berlinSundayNight, newYorkRoundTheClock].flatMap(
    (calendar) =>
      starts.flatMap((start) =>
        spans.map((minutes) => [calendar.name, start, minutes, calendar] as const),
      ),
  );

  it.each(cases)('%s from %s plus %d minutes', (_name, start, minutes, calendar) => {
    const from = local(calendar, start);
    const due = addBusinessMinutes(calendar, from, minutes);
    expect(businessMinutesBetween(calendar, from, due)).toBe(minutes);
  });
});
