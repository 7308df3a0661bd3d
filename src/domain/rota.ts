/**
 * A queue's support rota: people take turns on duty, one period each, changing at a fixed
 * local time. Who is on duty is a pure function of the rota and the instant, so every
 * replica agrees without shared state; only announcing a change needs to happen once.
 */
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

const PERIOD = /^(\d{1,2})\s*(day|week)s?$/i;
/** `2 weeks` → 2 weeks. Kept as words in the rota, so a stored queue reads back as written. */
const periodOf = (every: string): { count: number; unit: 'day' | 'week' } => {
  const [, count = '1', unit = 'week'] = PERIOD.exec(every) ?? [];
  return { count: Number(count), unit: unit.toLowerCase() as 'day' | 'week' };
};

const time = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:mm, e.g. 09:00');
const email = z.string().trim().toLowerCase().pipe(z.email('must be an email address'));

/** `rota.takes`: what the person on duty gets. */
export const rotaTakesSchema = z.union([
  z.literal('pool'),
  z.strictObject({
    statuses: z
      .array(z.string().trim().min(1))
      .min(1, 'must list at least one status')
      .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a status'),
  }),
]);

/** A queue's `rota` in caseline.yaml or an import of queues (in CSV a JSON cell). */
export const queueRotaSchema = z.strictObject({
  /** Agent emails in turn order; the first is on duty from `startsOn`. */
  people: z
    .array(email)
    .min(1, 'must name at least one person')
    .refine((emails) => new Set(emails).size === emails.length, 'must not repeat a person'),
  /** `1 week`, `2 weeks`, `1 day`: how long a turn lasts. */
  every: z
    .string()
    .trim()
    .regex(PERIOD, 'must be a period such as "1 week", "2 weeks" or "1 day"')
    .refine((words) => periodOf(words).count >= 1, 'must be at least 1 day'),
  /** The date the first turn starts, in the rota's zone (its weekday is the change day). */
  startsOn: z.iso.date('must be a date as YYYY-MM-DD'),
  /** When turns change, local time. */
  at: time.default('09:00'),
  timeZone: z
    .string()
    .trim()
    .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone such as Europe/Berlin')
    .default('UTC'),
  /**
   * `pool`: the person on duty joins the queue's automatic assignment; `{ statuses }`: a
   * case of the queue that enters one of these statuses goes to them.
   */
  takes: rotaTakesSchema.default('pool'),
});
export type QueueRota = z.output<typeof queueRotaSchema>;
export type QueueRotaInput = z.input<typeof queueRotaSchema>;

export interface RotaTurn {
  /** 0 for the first turn after `startsOn`, counting on from there. */
  readonly index: number;
  readonly email: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

const firstStart = (rota: QueueRota): DateTime =>
  DateTime.fromISO(`${rota.startsOn}T${rota.at}`, { zone: rota.timeZone });

/** The local start of turn `index`: wall-clock time is kept across daylight saving. */
const startOf = (rota: QueueRota, index: number): DateTime => {
  const { count, unit } = periodOf(rota.every);
  return firstStart(rota).plus(
    unit === 'week' ? { weeks: count * index } : { days: count * index },
  );
};

const turn = (rota: QueueRota, index: number): RotaTurn => ({
  index,
  email: rota.people[index % rota.people.length]!,
  startsAt: startOf(rota, index).toJSDate(),
  endsAt: startOf(rota, index + 1).toJSDate(),
});

const DAY_MS = 24 * 60 * 60 * 1000;

/** The index of the turn running at `at`; negative before the rota starts. */
const indexAt = (rota: QueueRota, at: Date): number => {
  const { count, unit } = periodOf(rota.every);
  const periodMs = count * (unit === 'week' ? 7 : 1) * DAY_MS;
  // A guess from elapsed time, corrected by at most a step or two for daylight saving.
  let index = Math.floor((at.getTime() - firstStart(rota).toMillis()) / periodMs);
  while (startOf(rota, index + 1).toMillis() <= at.getTime()) index += 1;
  while (startOf(rota, index).toMillis() > at.getTime()) index -= 1;
  return index;
};

/** Who is on duty at `at`; undefined before the first turn. */
export const turnAt = (rota: QueueRota, at: Date): RotaTurn | undefined => {
  const index = indexAt(rota, at);
  return index < 0 ? undefined : turn(rota, index);
};

/**
 * The turn running at `at` (if the rota has started) and the ones after it, `count` in
 * all: what `/support rota` shows.
 */
export const turnsFrom = (rota: QueueRota, at: Date, count: number): RotaTurn[] => {
  const first = Math.max(0, indexAt(rota, at));
  return Array.from({ length: count }, (_, offset) => turn(rota, first + offset));
};

/** The first turn that starts after `at`. */
export const nextTurnAfter = (rota: QueueRota, at: Date): RotaTurn =>
  turn(rota, Math.max(0, indexAt(rota, at) + 1));

/** One key per queue and turn: the announcement of a turn goes out once under it. */
export const rotaTurnKey = (queueKey: string, rotaTurn: RotaTurn): string =>
  `rota:${queueKey}:${rotaTurn.startsAt.toISOString()}`;

/** Whether the person on duty takes a case entering status `status` (the `statuses` form). */
export const rotaTakesStatus = (rota: QueueRota | undefined, status: string): boolean =>
  rota !== undefined && rota.takes !== 'pool' && rota.takes.statuses.includes(status);

/** `Mon 30 Nov 09:00`, in the rota's zone: everyone reads the change at the same wall time. */
export const rotaTime = (rota: QueueRota, at: Date): string =>
  DateTime.fromJSDate(at, { zone: rota.timeZone }).toFormat('ccc d LLL HH:mm');

/** `until Mon 7 Dec 09:00 (Europe/Berlin)` or `from …`. */
export const describeTurn = (rota: QueueRota, turn: RotaTurn, which: 'from' | 'until'): string =>
  `${which} ${rotaTime(rota, which === 'from' ? turn.startsAt : turn.endsAt)} (${rota.timeZone})`;
