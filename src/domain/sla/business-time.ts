import { DateTime } from 'luxon';
import { minuteOfDay } from './schema.js';
import { WEEKDAYS } from './types.js';
import type { BusinessCalendar, TimeRange } from './types.js';

/**
 * Business time is real elapsed time inside the calendar's open ranges. Wall times are
 * turned into instants by Luxon day by day, so a range on a DST day is as long as the
 * clocks on the wall say it lasted (00:00–24:00 is 23 h in spring, 25 h in autumn).
 * Internally everything is integer milliseconds so repeated sums never drift.
 */

const MS_PER_MINUTE = 60_000;
// A calendar the schema accepted opens at least weekly; ten years of holidays in a row
// can only be a broken calendar built by hand, and must not hang the process.
const MAX_CLOSED_DAYS = 3660;
const ALWAYS_OPEN: readonly TimeRange[] = [{ from: '00:00', to: '24:00' }];

const rangesOn = (calendar: BusinessCalendar, day: DateTime): readonly TimeRange[] => {
  if (calendar.holidays.includes(day.toISODate() ?? '')) return [];
  if (calendar.hours === '24/7') return ALWAYS_OPEN;
  return calendar.hours[WEEKDAYS[day.weekday - 1]!] ?? [];
};

/** A local wall time on `day` as an instant; Luxon moves times in a DST gap forward. */
const instantAt = (day: DateTime, time: string): number => {
  const minute = minuteOfDay(time);
  if (minute === 24 * 60) return day.plus({ days: 1 }).toMillis();
  return day.set({ hour: Math.floor(minute / 60), minute: minute % 60 }).toMillis();
};

type Interval = readonly [start: number, end: number];

/** One local day of a calendar: its open intervals as instants, and where the next starts. */
interface CalendarDay {
  readonly open: boolean;
  readonly intervals: readonly Interval[];
  readonly nextStartMs: number;
}

/**
 * Days already turned into instants, per calendar, keyed by the instant the day starts.
 * Luxon's zone arithmetic (Intl offset look-ups) is what business time costs; every card
 * render and SLA decision walks the same few days again, so each day is worked out once.
 * A calendar's days never change (calendars are immutable values from the config).
 */
const dayCache = new WeakMap<BusinessCalendar, Map<number, CalendarDay>>();
const MAX_CACHED_DAYS = 4_000;

const calendarDay = (calendar: BusinessCalendar, startMs: number): CalendarDay => {
  let days = dayCache.get(calendar);
  const cached = days?.get(startMs);
  if (cached) return cached;
  const day = DateTime.fromMillis(startMs, { zone: calendar.timeZone });
  const ranges = rangesOn(calendar, day);
  const computed: CalendarDay = {
    open: ranges.length > 0,
    intervals: ranges
      .map((range): Interval => [instantAt(day, range.from), instantAt(day, range.to)])
      .filter(([start, end]) => end > start)
      .sort((a, b) => a[0] - b[0]),
    nextStartMs: day.plus({ days: 1 }).toMillis(),
  };
  if (!days) dayCache.set(calendar, (days = new Map()));
  if (days.size >= MAX_CACHED_DAYS) days.clear();
  days.set(startMs, computed);
  return computed;
};

/** Open intervals as instants, in order, of the local days from `fromMs` to `untilMs`. */
function* openIntervals(
  calendar: BusinessCalendar,
  fromMs: number,
  untilMs = Infinity,
): Generator<Interval> {
  let startMs = DateTime.fromMillis(fromMs, { zone: calendar.timeZone }).startOf('day').toMillis();
  let closedDays = 0;
  while (startMs < untilMs) {
    const day = calendarDay(calendar, startMs);
    closedDays = day.open ? 0 : closedDays + 1;
    if (closedDays > MAX_CLOSED_DAYS) {
      throw new Error(`Calendar "${calendar.name}" has no open hours for ten years.`);
    }
    yield* day.intervals;
    startMs = day.nextStartMs;
  }
}

// Without holidays a 24/7 calendar is plain elapsed time: skip the day walk entirely.
const isWallClock = (calendar: BusinessCalendar): boolean =>
  calendar.hours === '24/7' && calendar.holidays.length === 0;

/** The instant after `ms` business milliseconds from `startMs`; 0 returns the start itself. */
export const addBusinessMs = (calendar: BusinessCalendar, startMs: number, ms: number): number => {
  if (ms <= 0) return startMs;
  if (isWallClock(calendar)) return startMs + ms;
  let left = ms;
  for (const [start, end] of openIntervals(calendar, startMs)) {
    if (end <= startMs) continue;
    const from = Math.max(start, startMs);
    // `<=` lands exactly on a closing time rather than on the next opening.
    if (left <= end - from) return from + left;
    left -= end - from;
  }
  throw new Error('unreachable: without an end, openIntervals never stops');
};

/** Business milliseconds in [fromMs, toMs); 0 when `toMs` is not after `fromMs`. */
export const businessMsBetween = (
  calendar: BusinessCalendar,
  fromMs: number,
  toMs: number,
): number => {
  if (toMs <= fromMs) return 0;
  if (isWallClock(calendar)) return toMs - fromMs;
  let total = 0;
  for (const [start, end] of openIntervals(calendar, fromMs, toMs)) {
    total += Math.max(0, Math.min(end, toMs) - Math.max(start, fromMs));
  }
  return total;
};

/** When `minutes` business minutes after `start` have passed (fractions kept to the ms). */
export const addBusinessMinutes = (
  calendar: BusinessCalendar,
  start: Date,
  minutes: number,
): Date => new Date(addBusinessMs(calendar, start.getTime(), Math.round(minutes * MS_PER_MINUTE)));

/** Business minutes between two instants; 0 when `to` is not after `from`. */
export const businessMinutesBetween = (calendar: BusinessCalendar, from: Date, to: Date): number =>
  businessMsBetween(calendar, from.getTime(), to.getTime()) / MS_PER_MINUTE;
