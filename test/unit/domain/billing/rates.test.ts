import { contractInputSchema } from '../../../../src/domain/directory.js';
import {
  rateFor,
  ratesInputSchema,
  type ContractRates,
} from '../../../../src/domain/billing/index.js';

const problems = (input: unknown): string[] => {
  const parsed = ratesInputSchema.safeParse(input);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('contract rates as imported', () => {
  it('keeps amounts as integers of the minor unit, whatever the currency has', () => {
    expect(
      ratesInputSchema.parse({
        currency: 'eur',
        perHour: '120.5',
        priorities: { urgent: 180 },
        products: { 'ledgerline-erp': { perHour: '99.99', priorities: { low: '0.01' } } },
        roundUpToMinutes: 15,
        includedHoursPerMonth: 7.5,
      }),
    ).toEqual({
      currency: 'EUR',
      hourly: { default: 12050, urgent: 18000 },
      products: { 'ledgerline-erp': { default: 9999, low: 1 } },
      roundUpToMinutes: 15,
      includedMinutesPerMonth: 450,
    });
    expect(ratesInputSchema.parse({ currency: 'JPY', perHour: 9000 }).hourly).toEqual({
      default: 9000,
    });
    expect(ratesInputSchema.parse({ currency: 'BHD', perHour: '12.345' }).hourly).toEqual({
      default: 12345,
    });
  });

  it('rounds as logged and includes nothing unless told', () => {
    expect(ratesInputSchema.parse({ currency: 'USD', perHour: 100 })).toEqual(
      expect.objectContaining({ roundUpToMinutes: 1, includedMinutesPerMonth: 0, products: {} }),
    );
  });

  it.each([
    ['an unknown currency', { currency: 'EURO', perHour: 1 }, 'currency: must be an ISO 4217'],
    ['no default rate', { currency: 'EUR' }, 'perHour: '],
    ['a negative rate', { currency: 'EUR', perHour: -5 }, 'perHour: must be an amount'],
    [
      'a rate with a currency sign',
      { currency: 'EUR', perHour: '€120' },
      'perHour: must be an amount',
    ],
    [
      'more decimals than the currency',
      { currency: 'EUR', perHour: '1.005' },
      'perHour: EUR has 2 decimals: 1.005 has more',
    ],
    ['decimals for yen', { currency: 'JPY', perHour: 100.5 }, 'perHour: JPY has 0 decimals'],
    [
      'an unknown priority',
      { currency: 'EUR', perHour: 1, priorities: { critical: 2 } },
      'priorities: Unrecognized key: "critical"',
    ],
    [
      'a product rate with nothing in it',
      { currency: 'EUR', perHour: 1, products: { erp: {} } },
      'products.erp: needs perHour or priorities',
    ],
    [
      'a product-priority rate too precise',
      { currency: 'EUR', perHour: 1, products: { erp: { priorities: { high: '2.001' } } } },
      'products.erp.priorities.high: EUR has 2 decimals',
    ],
    [
      'rounding to a fraction',
      { currency: 'EUR', perHour: 1, roundUpToMinutes: 7.5 },
      'roundUpToMinutes: must be a whole number of minutes',
    ],
    [
      'rounding to nothing',
      { currency: 'EUR', perHour: 1, roundUpToMinutes: 0 },
      'roundUpToMinutes: ',
    ],
    [
      'included hours that are no whole minutes',
      { currency: 'EUR', perHour: 1, includedHoursPerMonth: '1.33' },
      'includedHoursPerMonth: must be hours that make whole minutes',
    ],
    ['a field of another name', { currency: 'EUR', perHour: 1, perMinute: 2 }, 'Unrecognized key'],
  ])('refuses %s', (_name, input, expected) => {
    expect(problems(input).join('\n')).toContain(expected);
  });

  it('sits on a contract and is optional there', () => {
    const contract = {
      key: 'NWL-1',
      organizationKey: 'northwind',
      level: 'gold',
      slaPolicy: 'gold',
      startsOn: '2026-01-01',
      expiresOn: '2026-12-31',
    };
    expect(contractInputSchema.parse(contract).rates).toBeUndefined();
    const withRates = contractInputSchema.safeParse({
      ...contract,
      rates: { currency: 'XYZ', perHour: 1 },
    });
    expect(withRates.success).toBe(false);
    expect(withRates.error?.issues[0]?.path).toEqual(['rates', 'currency']);
  });
});

describe('the rate that applies: the most specific the contract has', () => {
  const rates: ContractRates = {
    currency: 'EUR',
    hourly: { default: 10000, urgent: 15000 },
    products: { erp: { default: 12000, urgent: 20000 }, pos: { high: 13000 } },
    roundUpToMinutes: 1,
    includedMinutesPerMonth: 0,
  };
  it.each([
    ['product and priority', 'erp', 'urgent', 20000, 'product+priority'],
    ['product', 'erp', 'normal', 12000, 'product'],
    ['priority, for a product without rates', 'crm', 'urgent', 15000, 'priority'],
    [
      'priority, when the product has rates for other priorities only',
      'pos',
      'urgent',
      15000,
      'priority',
    ],
    ['product and priority without a product default', 'pos', 'high', 13000, 'product+priority'],
    ['default, for a product without rates', 'crm', 'low', 10000, 'default'],
    ['default, for a case without a product', undefined, 'normal', 10000, 'default'],
    ['priority, for a case without a product', undefined, 'urgent', 15000, 'priority'],
  ] as const)('%s', (_name, product, priority, perHourMinor, rule) => {
    expect(rateFor(rates, product, priority)).toEqual({ perHourMinor, rule });
  });
});
