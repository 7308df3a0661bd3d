/**
 * A contract's rates. Admins write amounts as decimals of the currency ("120", "120.50");
 * the directory keeps them as integers of the minor unit, so nothing downstream rounds.
 */
import { z } from 'zod';
import { PRIORITIES, type Priority } from '../priority.js';
import { isCurrency, minorDigitsOf, toMinorUnits } from './money.js';

const decimalText = z
  .union([z.string(), z.number()])
  .transform((value) => (typeof value === 'number' ? String(value) : value.trim()))
  .refine((text) => /^\d+(\.\d+)?$/.test(text), {
    message: 'must be an amount such as 120 or 120.50 (no sign, no currency)',
  });
const byPriority = z.partialRecord(z.enum(PRIORITIES), decimalText);
// Product keys are slugs, so they make safe document keys (no `.`, no leading `$`).
const productKey = z
  .string()
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'must be a product key (lower-case, digits, - or _)');

const ratesInput = z.strictObject({
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCurrency, 'must be an ISO 4217 currency code such as EUR, USD or JPY'),
  /** The default rate per hour. */
  perHour: decimalText,
  priorities: byPriority.optional(),
  products: z
    .record(
      productKey,
      z
        .strictObject({ perHour: decimalText.optional(), priorities: byPriority.optional() })
        .refine((rates) => rates.perHour !== undefined || rates.priorities !== undefined, {
          message: 'needs perHour or priorities',
        }),
    )
    .optional(),
  /** Each time entry is billed in steps of this many minutes, rounded up (1: as logged). */
  roundUpToMinutes: z
    .number()
    .int('must be a whole number of minutes')
    .min(1)
    .max(24 * 60)
    .default(1),
  includedHoursPerMonth: decimalText.optional(),
});
type RatesInput = z.output<typeof ratesInput>;

/** Hours as hundredths, then minutes: 7.5 h → 450; undefined unless it makes whole minutes. */
const hoursToMinutes = (text: string): number | undefined => {
  const hundredths = toMinorUnits(text, 2);
  return hundredths !== undefined && hundredths % 5 === 0 ? (hundredths * 3) / 5 : undefined;
};

/** Every amount of the input with its path, for the checks that need the currency. */
const amountsOf = (rates: RatesInput): [(string | number)[], string][] => [
  [['perHour'], rates.perHour],
  ...Object.entries(rates.priorities ?? {}).map(
    ([priority, text]): [(string | number)[], string] => [['priorities', priority], text],
  ),
  ...Object.entries(rates.products ?? {}).flatMap(([key, product]) => [
    ...(product.perHour !== undefined
      ? [[['products', key, 'perHour'], product.perHour] as [(string | number)[], string]]
      : []),
    ...Object.entries(product.priorities ?? {}).map(
      ([priority, text]): [(string | number)[], string] => [
        ['products', key, 'priorities', priority],
        text,
      ],
    ),
  ]),
];

const minorTable = (
  base: string | undefined,
  priorities: Partial<Record<Priority, string>> | undefined,
  digits: number,
): RateTable =>
  Object.fromEntries(
    [
      ['default', base] as const,
      ...Object.entries(priorities ?? {}).map(([p, text]) => [p, text] as const),
    ]
      .filter((entry): entry is readonly [string, string] => entry[1] !== undefined)
      .map(([key, text]) => [key, toMinorUnits(text, digits) ?? 0]),
  );

/** `rates` of a contract as imported (CSV: a JSON cell; JSON: an object). */
export const ratesInputSchema = ratesInput
  .superRefine((rates, ctx) => {
    if (!isCurrency(rates.currency)) return;
    const digits = minorDigitsOf(rates.currency);
    for (const [path, text] of amountsOf(rates)) {
      if (toMinorUnits(text, digits) === undefined)
        ctx.addIssue({
          code: 'custom',
          path,
          message: `${rates.currency} has ${digits} decimal${digits === 1 ? '' : 's'}: ${text} has more`,
        });
    }
    const included = rates.includedHoursPerMonth;
    if (included !== undefined && hoursToMinutes(included) === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['includedHoursPerMonth'],
        message: 'must be hours that make whole minutes, such as 10, 7.5 or 0.25',
      });
  })
  .transform((rates): ContractRates => {
    const digits = minorDigitsOf(rates.currency);
    return {
      currency: rates.currency,
      hourly: {
        ...minorTable(undefined, rates.priorities, digits),
        default: toMinorUnits(rates.perHour, digits) ?? 0,
      },
      products: Object.fromEntries(
        Object.entries(rates.products ?? {}).map(([key, product]) => [
          key,
          minorTable(product.perHour, product.priorities, digits),
        ]),
      ),
      roundUpToMinutes: rates.roundUpToMinutes,
      includedMinutesPerMonth:
        rates.includedHoursPerMonth === undefined
          ? 0
          : (hoursToMinutes(rates.includedHoursPerMonth) ?? 0),
    };
  });

const minor = z.number().int().nonnegative();
const rateTable = z.partialRecord(z.enum(['default', ...PRIORITIES]), minor);

/** Rates per hour in minor units: `default`, and per priority where they differ. */
export type RateTable = z.output<typeof rateTable>;

/** A contract's rates as the directory keeps them (amounts in minor units). */
export const contractRatesSchema = z.object({
  currency: z.string(),
  hourly: rateTable.and(z.object({ default: minor })),
  /** Per product key: its own default and per-priority rates. */
  products: z.record(z.string(), rateTable).default({}),
  roundUpToMinutes: z.number().int().min(1),
  includedMinutesPerMonth: minor,
});
export type ContractRates = z.output<typeof contractRatesSchema>;

/** Which of the rates applied: the most specific one the contract has. */
export type RateRule = 'product+priority' | 'product' | 'priority' | 'default';

/** The rate per hour for a product and priority: product+priority, product, priority, default. */
export const rateFor = (
  rates: ContractRates,
  productKey: string | undefined,
  priority: Priority,
): { readonly perHourMinor: number; readonly rule: RateRule } => {
  const product = productKey === undefined ? undefined : rates.products[productKey];
  const choices: [number | undefined, RateRule][] = [
    [product?.[priority], 'product+priority'],
    [product?.default, 'product'],
    [rates.hourly[priority], 'priority'],
  ];
  const found = choices.find(([rate]) => rate !== undefined);
  return found
    ? { perHourMinor: found[0]!, rule: found[1] }
    : { perHourMinor: rates.hourly.default, rule: 'default' };
};
