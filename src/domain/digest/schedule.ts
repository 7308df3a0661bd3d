import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const chatAddress = z
  .string()
  .trim()
  .regex(/^(slack|teams):\S+$/, 'must be a chat address such as slack:C0123ABCD');

/** `digest:` in caseline.yaml, for the whole desk or under a queue. */
export const digestScheduleSchema = z.strictObject({
  /** The leads' channel the digest is posted to. */
  channel: chatAddress,
  weekday: z.enum(WEEKDAYS).default('monday'),
  /** Local time of day in `zone`, 24-hour `HH:MM`. */
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 09:00')
    .default('09:00'),
  zone: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), 'must be a time zone such as Europe/Berlin')
    .default('UTC'),
});
export type DigestSchedule = z.output<typeof digestScheduleSchema>;

/** One digest to post: the whole desk (no queue) or one queue, on its schedule. */
export interface DigestTarget extends DigestSchedule {
  readonly queueKey?: string;
}

/** Names the target in job names and idempotency keys. */
export const digestTargetKey = (target: Pick<DigestTarget, 'queueKey'>): string =>
  target.queueKey ? `queue-${target.queueKey}` : 'desk';

/** The schedule as a cron line (minute hour * * weekday) read in `zone`. */
export const digestCron = (schedule: Pick<DigestSchedule, 'weekday' | 'time'>): string => {
  const [hour, minute] = schedule.time.split(':').map(Number);
  // cron counts Sunday as 0; WEEKDAYS starts on Monday.
  const day = (WEEKDAYS.indexOf(schedule.weekday) + 1) % 7;
  return `${minute} ${hour} * * ${day}`;
};

/** The seven days a digest covers, and the ISO week that names it. */
export interface DigestWeek {
  readonly since: Date;
  readonly until: Date;
  readonly zone: string;
  /** `2026-W48`: the ISO week of the first day covered, in the target's zone. */
  readonly label: string;
  /** The first and last local days covered, `yyyy-mm-dd`. */
  readonly firstDay: string;
  readonly lastDay: string;
}

/**
 * The week a digest run covers: the seven local days before the run's own day, so a run on
 * Monday at 09:00 reports Monday to Sunday of the week before, whether it ran on time or
 * late on the same day (a retry, a replica taking over).
 */
export const digestWeekAt = (at: Date, zone: string): DigestWeek => {
  const until = DateTime.fromJSDate(at, { zone }).startOf('day');
  const since = until.minus({ days: 7 });
  return {
    since: since.toJSDate(),
    until: until.toJSDate(),
    zone,
    label: `${since.weekYear}-W${String(since.weekNumber).padStart(2, '0')}`,
    firstDay: since.toISODate() ?? '',
    lastDay: until.minus({ days: 1 }).toISODate() ?? '',
  };
};
