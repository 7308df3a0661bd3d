import { IANAZone, DateTime } from 'luxon';
import { z } from 'zod';
import { fail, ok } from '../result.js';
import type { Result } from '../result.js';
import { formatPath } from '../workflow/schema.js';
import { STATUS_CATEGORIES } from '../workflow/types.js';
import { crossReferenceProblems } from './references.js';
import type { BusinessCalendar, ClockKind, SlaConfig, SlaPolicy } from './types.js';

const label = z.string().trim().min(1).max(60);

/** Minutes since local midnight of a validated `HH:mm` (or `24:00`). */
export const minuteOfDay = (time: string): number =>
  Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

const START_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const END_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

const timeRangeSchema = z
  .strictObject({
    from: z.string().regex(START_TIME, 'Write a start time as HH:mm, e.g. "08:00".'),
    to: z.string().regex(END_TIME, 'Write an end time as HH:mm, e.g. "17:00" or "24:00".'),
  })
  .refine((range) => minuteOfDay(range.from) < minuteOfDay(range.to), {
    message: 'A range must end after it starts; split ranges that cross midnight.',
    path: ['to'],
  });

const dayHoursSchema = z.array(timeRangeSchema).superRefine((ranges, ctx) => {
  const order = ranges.map((range, index) => ({ index, ...range }));
  order.sort((a, b) => minuteOfDay(a.from) - minuteOfDay(b.from));
  for (let i = 1; i < order.length; i += 1) {
    const previous = order[i - 1]!;
    const range = order[i]!;
    if (minuteOfDay(range.from) < minuteOfDay(previous.to)) {
      ctx.addIssue({
        code: 'custom',
        path: [range.index, 'from'],
        message: `Overlaps ${previous.from}–${previous.to}.`,
      });
    }
  }
});

const weeklyHoursSchema = z
  .strictObject({
    mon: dayHoursSchema.optional(),
    tue: dayHoursSchema.optional(),
    wed: dayHoursSchema.optional(),
    thu: dayHoursSchema.optional(),
    fri: dayHoursSchema.optional(),
    sat: dayHoursSchema.optional(),
    sun: dayHoursSchema.optional(),
  })
  .refine((week) => Object.values(week).some((ranges) => (ranges ?? []).length > 0), {
    message: 'Open at least one range a week, or write "24/7".',
  });

const isoDate = z
  .string()
  .refine((text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text).isValid, {
    message: 'Write a holiday as an ISO date, e.g. "2026-12-25".',
  });

export const businessCalendarSchema = z.strictObject({
  name: label,
  timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), {
    message: 'Use an IANA time zone such as "Europe/Berlin".',
  }),
  hours: z.union([z.literal('24/7'), weeklyHoursSchema]),
  holidays: z.array(isoDate).default([]),
});

const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/**
 * Business durations are written in hours and minutes ("4h", "30m", "1h30m"; seconds,
 * "45s", exist for demos and tests). Days
 * are refused: whether "2d" means 16 business hours or two calendar days is exactly the
 * ambiguity an SLA must not have, so authors write "16h".
 */
export const businessDurationSchema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const match = DURATION.exec(text);
    const minutes = match
      ? Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0) + Number(match[3] ?? 0) / 60
      : 0;
    if (!match || minutes <= 0) {
      const hint = /\d\s*b?d$/.test(text) ? ' Days are ambiguous in business time: use hours.' : '';
      ctx.addIssue({ code: 'custom', message: `Write a duration like "4h" or "30m".${hint}` });
      return z.NEVER;
    }
    return minutes;
  });

const clockTargetsSchema = z.strictObject({
  firstResponse: businessDurationSchema.optional(),
  nextResponse: businessDurationSchema.optional(),
  resolution: businessDurationSchema.optional(),
});

// A priority left out has no targets: its clocks report "not-applicable".
const targetsSchema = z
  .strictObject({
    urgent: clockTargetsSchema.default({}),
    high: clockTargetsSchema.default({}),
    normal: clockTargetsSchema.default({}),
    low: clockTargetsSchema.default({}),
  })
  .refine((targets) => Object.values(targets).some((t) => Object.keys(t).length > 0), {
    message: 'Give at least one target.',
  });

const categoryList = z
  .array(z.enum(STATUS_CATEGORIES))
  .refine((items) => new Set(items).size === items.length, 'List a category only once.');

type Categories = z.output<typeof categoryList>;
const DEFAULT_PAUSE: Categories = ['pending-customer'];

// One list pauses every clock; a per-clock object lets e.g. "pending-internal" pause
// resolution only. Clocks left out of the object keep the default.
const pauseOnSchema = z
  .union([
    categoryList,
    z.strictObject({
      firstResponse: categoryList.optional(),
      nextResponse: categoryList.optional(),
      resolution: categoryList.optional(),
    }),
  ])
  .default(DEFAULT_PAUSE)
  .transform((pauseOn): Record<ClockKind, Categories> =>
    Array.isArray(pauseOn)
      ? { firstResponse: pauseOn, nextResponse: pauseOn, resolution: pauseOn }
      : {
          firstResponse: pauseOn.firstResponse ?? DEFAULT_PAUSE,
          nextResponse: pauseOn.nextResponse ?? DEFAULT_PAUSE,
          resolution: pauseOn.resolution ?? DEFAULT_PAUSE,
        },
  );

export const slaPolicySchema = z.strictObject({
  name: label,
  calendar: label,
  targets: targetsSchema,
  warningAt: z.number().gt(0).lt(1).default(0.75),
  pauseOn: pauseOnSchema,
  escalation: z
    .strictObject({
      reescalateEvery: businessDurationSchema.optional(),
      raisePriorityOnBreach: z.boolean().default(false),
      /** At a breach, give the case to someone else by the queue's assignment strategy. */
      reassignOnBreach: z.boolean().default(false),
    })
    .default({ raisePriorityOnBreach: false, reassignOnBreach: false }),
});

/** A status that must not hold a case longer than `after` business time. */
export const languishingRuleSchema = z.strictObject({
  status: label,
  after: businessDurationSchema,
  /** Ask the customer whether the fix works (for statuses that wait on them). */
  askCustomer: z.boolean().default(false),
});

/** The `sla` section of the config; cross-references are checked even when a part is broken. */
export const slaConfigSchema = z
  .strictObject({
    calendars: z.array(businessCalendarSchema).min(1),
    policies: z.array(slaPolicySchema).min(1),
    defaultPolicy: label,
    languishing: z
      .array(languishingRuleSchema)
      .default([])
      .refine(
        (rules) => new Set(rules.map((rule) => rule.status)).size === rules.length,
        'Give each status one rule.',
      ),
    /** Contracts expiring within this many days are announced to the queue lead. */
    contractNoticeDays: z.number().int().min(1).max(365).default(30),
  })
  .superRefine(
    (config, ctx) => {
      for (const problem of crossReferenceProblems(config)) {
        ctx.addIssue({ code: 'custom', path: [...problem.path], message: problem.message });
      }
    },
    // Run even when a calendar is malformed, so one pass reports every problem.
    { when: () => true },
  );

export type SlaConfigInput = z.input<typeof slaConfigSchema>;

// Fail to compile if the schemas and the domain types drift apart.
const _calendarMatches = (c: z.output<typeof businessCalendarSchema>): BusinessCalendar => c;
const _policyMatches = (p: z.output<typeof slaPolicySchema>): SlaPolicy => p;
const _configMatches = (c: z.output<typeof slaConfigSchema>): SlaConfig => c;

export interface SlaProblem {
  readonly path: string;
  readonly message: string;
}

/** Validates the SLA config and reports every problem, each with its path. */
export const parseSlaConfig = (input: unknown): Result<SlaConfig> => {
  const parsed = slaConfigSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const problems: SlaProblem[] = parsed.error.issues.map((issue) => ({
    path: formatPath(issue.path) || 'sla',
    message: issue.message,
  }));
  const lines = problems.map((problem) => `- ${problem.path}: ${problem.message}`);
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return fail('invalid-input', [`The SLA config has ${count}:`, ...lines].join('\n'), {
    problems,
  });
};
