/**
 * Whether an agent can take work at a moment: their status (away, possibly until a date)
 * and their working hours (an SLA calendar or their own zone, days and hours). Pure rules;
 * the store keeps the statuses, the directory the hours.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Agent } from './directory.js';
import { fail, ok, type Result } from './result.js';
import { businessMsBetween } from './sla/business-time.js';
import { WEEKDAYS, type BusinessCalendar, type TimeRange, type Weekday } from './sla/types.js';

export const AGENT_STATES = ['available', 'away'] as const;

/** An agent's own word on whether they take work; no record means available. */
export const agentStatusSchema = z.object({
  agentId: z.string().min(1),
  state: z.enum(AGENT_STATES),
  /** Away ends by itself at this instant (out of office until a date). */
  until: z.date().optional(),
  /** When the status was set. */
  since: z.date(),
});
export type AgentStatus = z.infer<typeof agentStatusSchema>;

export type WorkingHours = NonNullable<Agent['workingHours']>;

/** What the lists show: who takes work now, and why not. */
export type Availability =
  | { readonly state: 'available' }
  | { readonly state: 'away'; readonly until?: Date | undefined }
  | { readonly state: 'off-hours' };

const ownCalendars = new Map<string, BusinessCalendar>();
const MAX_OWN_CALENDARS = 2_000;

const nextDay = (day: Weekday): Weekday => WEEKDAYS[(WEEKDAYS.indexOf(day) + 1) % 7]!;

/** Own hours as a calendar; hours that run past midnight end on the next weekday. */
const ownCalendar = (hours: Extract<WorkingHours, { timeZone: string }>): BusinessCalendar => {
  const key = JSON.stringify(hours);
  const known = ownCalendars.get(key);
  if (known) return known;
  const week: Partial<Record<Weekday, TimeRange[]>> = {};
  const add = (day: Weekday, range: TimeRange) => {
    if (range.from < range.to) (week[day] ??= []).push(range);
  };
  for (const day of hours.days) {
    if (hours.from < hours.to) add(day, { from: hours.from, to: hours.to });
    else {
      add(day, { from: hours.from, to: '24:00' });
      add(nextDay(day), { from: '00:00', to: hours.to });
    }
  }
  for (const ranges of Object.values(week)) ranges.sort((a, b) => a.from.localeCompare(b.from));
  const calendar = { name: 'own hours', timeZone: hours.timeZone, hours: week, holidays: [] };
  // The business-time cache is per calendar object: build each distinct one once.
  if (ownCalendars.size >= MAX_OWN_CALENDARS) ownCalendars.clear();
  ownCalendars.set(key, calendar);
  return calendar;
};

/**
 * The calendar an agent works by; `undefined` when they have no hours (on at any hour).
 * A calendar name the SLA section does not know counts as no hours: an agent the desk
 * cannot place is better offered work than silently never asked.
 */
export const workingCalendar = (
  hours: WorkingHours | undefined,
  calendars: readonly BusinessCalendar[],
): BusinessCalendar | undefined => {
  if (!hours) return undefined;
  if ('calendar' in hours) return calendars.find((c) => c.name === hours.calendar);
  return ownCalendar(hours);
};

/** The zone an agent's dates are read in: their hours' zone, else the desk's. */
export const zoneOf = (calendar: BusinessCalendar | undefined, fallback = 'UTC'): string =>
  calendar?.timeZone ?? fallback;

const isAwayAt = (status: AgentStatus | undefined, at: Date): boolean =>
  status?.state === 'away' && (status.until === undefined || at < status.until);

// Open at an instant: the millisecond starting there is business time.
const worksAt = (calendar: BusinessCalendar | undefined, at: Date): boolean =>
  !calendar || businessMsBetween(calendar, at.getTime(), at.getTime() + 1) > 0;

/** An agent's state at `at`: away wins over hours (the list says until when). */
export const availabilityOf = (
  agent: { readonly hours?: BusinessCalendar | undefined },
  status: AgentStatus | undefined,
  at: Date,
): Availability => {
  if (isAwayAt(status, at)) return { state: 'away', until: status?.until };
  return worksAt(agent.hours, at) ? { state: 'available' } : { state: 'off-hours' };
};

export const isAvailable = (
  agent: { readonly hours?: BusinessCalendar | undefined },
  status: AgentStatus | undefined,
  at: Date,
): boolean => availabilityOf(agent, status, at).state === 'available';

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

const dayStart = (text: string, zone: string, now: DateTime): DateTime | undefined => {
  const word = text.toLowerCase();
  const today = now.setZone(zone).startOf('day');
  if (word === 'tomorrow') return today.plus({ days: 1 });
  const weekday = DAY_NAMES.findIndex((name) => name === word || name.slice(0, 3) === word);
  // The next such day after today: "until monday" on a Monday is a week away.
  if (weekday >= 0) return today.plus({ days: ((weekday + 1 - today.weekday + 6) % 7) + 1 });
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? DateTime.fromISO(text, { zone }) : undefined;
  return date?.isValid ? date : undefined;
};

/**
 * The instant an away status ends, from the words after `until`, read in the agent's zone:
 * a date (`2026-12-24`, `tomorrow`, `monday`) means back at the start of that day; a date
 * and time (`2026-12-24 14:00`) that very minute. A date in the past is refused.
 */
export const parseAwayUntil = (text: string, zone: string, now: Date): Result<Date> => {
  const trimmed = text.trim();
  const clock = DateTime.fromJSDate(now);
  const withTime = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(trimmed);
  const end = withTime
    ? DateTime.fromISO(`${withTime[1]}T${withTime[2]}`, { zone })
    : dayStart(trimmed, zone, clock);
  if (!end?.isValid) {
    return fail(
      'invalid-input',
      `“${trimmed}” is not a date I can read. Write it as 2026-12-24, 2026-12-24 14:00, tomorrow or a weekday.`,
    );
  }
  if (end.toMillis() <= now.getTime()) {
    return fail(
      'invalid-input',
      `${end.toFormat('yyyy-MM-dd HH:mm')} (${zone}) is already past. Give a later date.`,
    );
  }
  return ok(end.toJSDate());
};

/** `2026-12-24 09:00 Europe/Berlin`: when an away status ends, in the agent's zone. */
export const formatUntil = (until: Date, zone: string): string =>
  `${DateTime.fromJSDate(until, { zone }).toFormat('yyyy-MM-dd HH:mm')} ${zone}`;

/** The agents among `agentIds` available at `at`, given their statuses and calendars. */
export const availableIds = (
  agentIds: readonly string[],
  statuses: ReadonlyMap<string, AgentStatus>,
  calendars: ReadonlyMap<string, BusinessCalendar | undefined>,
  at: Date,
): ReadonlySet<string> =>
  new Set(agentIds.filter((id) => isAvailable({ hours: calendars.get(id) }, statuses.get(id), at)));
