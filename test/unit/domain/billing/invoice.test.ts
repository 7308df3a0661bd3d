import type { CaseEvent } from '../../../../src/domain/case/types.js';
import {
  parseBillingMonth,
  priceTimeEntries,
  summarizeTime,
  timeEntriesOf,
  type BillingContract,
  type ContractRates,
  type TimeEntry,
} from '../../../../src/domain/billing/index.js';
import { buildCase } from '../../../support/build-case.js';

const NOVEMBER = parseBillingMonth('2026-11')!;
const ANA = { kind: 'staff', id: 'agent-ana', name: 'Ana', role: 'agent' } as const;

const event = (id: string, at: string, extra: Partial<CaseEvent> = {}): CaseEvent => ({
  id,
  type: 'time-logged',
  at: new Date(at),
  actor: ANA,
  visibility: 'internal',
  ...extra,
});

const rates = (overrides: Partial<ContractRates> = {}): ContractRates => ({
  currency: 'EUR',
  hourly: { default: 12000 },
  products: {},
  roundUpToMinutes: 1,
  includedMinutesPerMonth: 0,
  ...overrides,
});

const entry = (minutes: number, at: string, overrides: Partial<TimeEntry> = {}): TimeEntry => ({
  caseId: 'case-1',
  caseNumber: 'CASE-1001',
  caseTitle: 'Ledger export fails',
  organizationId: 'org-acme',
  organizationKey: 'acme',
  contractId: 'contract-1',
  priority: 'normal',
  eventId: `e-${at}`,
  at: new Date(at),
  action: 'time-logged',
  agentId: 'agent-ana',
  agentName: 'Ana',
  minutes,
  ...overrides,
});

const under = (contractRates?: ContractRates) => (): BillingContract => ({
  id: 'contract-1',
  key: 'ACME-1',
  ...(contractRates ? { rates: contractRates } : {}),
});

describe('billing months', () => {
  it.each([
    ['2026-11', '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'],
    ['2026-12', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    [' 2024-02 ', '2024-02-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
  ])('%s runs from its first instant to the next month’s, in UTC', (text, start, end) => {
    const month = parseBillingMonth(text)!;
    expect([month.start.toISOString(), month.end.toISOString()]).toEqual([start, end]);
  });
  it.each(['2026-13', '2026-1', 'November', '2026-11-01', ''])('refuses %p', (text) => {
    expect(parseBillingMonth(text)).toBeUndefined();
  });
});

describe('time entries of a case', () => {
  it('takes every action that carried minutes within the month, with the priority then', () => {
    const state = buildCase({
      priority: 'urgent',
      productKey: 'erp',
      events: [
        event('opened', '2026-10-30T09:00:00Z', { type: 'opened', minutes: 10 }),
        event('reply', '2026-11-02T09:00:00Z', { type: 'replied', minutes: 20 }),
        event('up', '2026-11-03T09:00:00Z', {
          type: 'priority-changed',
          data: { from: 'normal', to: 'urgent' },
        }),
        event('note', '2026-11-04T09:00:00Z', { type: 'note' }),
        event('log', '2026-11-30T23:59:59Z', { minutes: 45, text: 'Traced the export' }),
        event('december', '2026-12-01T00:00:00Z', { minutes: 60 }),
      ],
    });
    expect(
      timeEntriesOf(state, NOVEMBER).map((e) => [e.eventId, e.action, e.priority, e.minutes]),
    ).toEqual([
      ['reply', 'replied', 'normal', 20],
      ['log', 'time-logged', 'urgent', 45],
    ]);
    expect(timeEntriesOf(state, NOVEMBER)[0]).toEqual(
      expect.objectContaining({ productKey: 'erp', agentName: 'Ana', caseNumber: 'CASE-1001' }),
    );
  });

  it('has none in a month nobody logged time', () => {
    const state = buildCase({ events: [event('log', '2026-10-12T10:00:00Z', { minutes: 30 })] });
    expect(timeEntriesOf(state, NOVEMBER)).toEqual([]);
    expect(priceTimeEntries([], under(rates()))).toEqual([]);
    expect(summarizeTime([])).toEqual([]);
  });
});

type Row = [minutes: number, billed: number, included: number, charged: number, amount: number];
const priced = (entries: TimeEntry[], contractRates: ContractRates): Row[] =>
  priceTimeEntries(entries, under(contractRates)).map((line) => [
    line.minutes,
    line.billedMinutes,
    line.includedMinutes,
    line.chargedMinutes,
    line.amountMinor!,
  ]);

describe('pricing time entries', () => {
  it.each<[string, Partial<ContractRates>, number[], Row[]]>([
    [
      'as logged, at 120.00 an hour',
      {},
      [30, 7],
      [
        [30, 30, 0, 30, 6000],
        [7, 7, 0, 7, 1400],
      ],
    ],
    [
      'each entry rounded up to 15 minutes on its own',
      { roundUpToMinutes: 15 },
      [1, 15, 16, 44],
      [
        [1, 15, 0, 15, 3000],
        [15, 15, 0, 15, 3000],
        [16, 30, 0, 30, 6000],
        [44, 45, 0, 45, 9000],
      ],
    ],
    [
      'a rate that does not divide into minutes, rounded half up per line',
      { hourly: { default: 10001 } },
      [1, 30, 59],
      [
        [1, 1, 0, 1, 167],
        [30, 30, 0, 30, 5001],
        [59, 59, 0, 59, 9834],
      ],
    ],
    [
      'included hours used up in time order, the entry that crosses the limit split',
      { includedMinutesPerMonth: 60 },
      [25, 25, 25, 25],
      [
        [25, 25, 25, 0, 0],
        [25, 25, 25, 0, 0],
        [25, 25, 10, 15, 3000],
        [25, 25, 0, 25, 5000],
      ],
    ],
    [
      'included hours count the rounded minutes',
      { includedMinutesPerMonth: 60, roundUpToMinutes: 15 },
      [10, 10, 10, 10, 10],
      [
        [10, 15, 15, 0, 0],
        [10, 15, 15, 0, 0],
        [10, 15, 15, 0, 0],
        [10, 15, 15, 0, 0],
        [10, 15, 0, 15, 3000],
      ],
    ],
    [
      'more included hours than the month used',
      { includedMinutesPerMonth: 600 },
      [120, 90],
      [
        [120, 120, 120, 0, 0],
        [90, 90, 90, 0, 0],
      ],
    ],
  ])('%s', (_name, overrides, minutes, expected) => {
    const entries = minutes.map((m, i) =>
      entry(m, `2026-11-${String(i + 2).padStart(2, '0')}T10:00:00Z`),
    );
    expect(priced(entries, rates(overrides))).toEqual(expected);
  });

  it('uses included hours in time order across cases, whatever order they came in', () => {
    const lines = priceTimeEntries(
      [
        entry(40, '2026-11-20T10:00:00Z', { caseNumber: 'CASE-1002', eventId: 'late' }),
        entry(40, '2026-11-05T10:00:00Z', { caseNumber: 'CASE-1001', eventId: 'early' }),
      ],
      under(rates({ includedMinutesPerMonth: 60 })),
    );
    expect(lines.map((l) => [l.eventId, l.includedMinutes, l.chargedMinutes])).toEqual([
      ['early', 40, 0],
      ['late', 20, 20],
    ]);
  });

  it('keeps each contract’s included hours apart', () => {
    const contracts: Record<string, BillingContract> = {
      a: { id: 'a', key: 'A', rates: rates({ includedMinutesPerMonth: 30 }) },
      b: { id: 'b', key: 'B', rates: rates({ includedMinutesPerMonth: 30 }) },
    };
    const lines = priceTimeEntries(
      [
        entry(30, '2026-11-02T10:00:00Z', { contractId: 'a' }),
        entry(30, '2026-11-03T10:00:00Z', { contractId: 'b' }),
      ],
      (e) => contracts[e.contractId!],
    );
    expect(lines.map((l) => [l.contractKey, l.includedMinutes])).toEqual([
      ['A', 30],
      ['B', 30],
    ]);
  });

  it.each<[string, Partial<TimeEntry>, number, string]>([
    ['product and priority', { productKey: 'erp', priority: 'urgent' }, 20000, 'product+priority'],
    ['product', { productKey: 'erp', priority: 'low' }, 15000, 'product'],
    ['priority', { productKey: 'pos', priority: 'urgent' }, 18000, 'priority'],
    ['default', { priority: 'normal' }, 12000, 'default'],
  ])('prices at the %s rate', (_name, overrides, perHourMinor, rule) => {
    const contractRates = rates({
      hourly: { default: 12000, urgent: 18000 },
      products: { erp: { default: 15000, urgent: 20000 } },
    });
    const [line] = priceTimeEntries(
      [entry(30, '2026-11-02T10:00:00Z', overrides)],
      under(contractRates),
    );
    expect(line).toEqual(
      expect.objectContaining({ perHourMinor, rateRule: rule, amountMinor: perHourMinor / 2 }),
    );
  });

  it('lists the minutes of a contract without rates, and of a case without a contract, with no amount', () => {
    const [withoutRates] = priceTimeEntries([entry(7, '2026-11-02T10:00:00Z')], under());
    expect(withoutRates).toEqual(
      expect.objectContaining({
        contractKey: 'ACME-1',
        billedMinutes: 7,
        includedMinutes: 0,
        chargedMinutes: 0,
      }),
    );
    expect(withoutRates).not.toHaveProperty('amountMinor');
    expect(withoutRates).not.toHaveProperty('currency');
    const [noContract] = priceTimeEntries([entry(7, '2026-11-02T10:00:00Z')], () => undefined);
    expect(noContract).not.toHaveProperty('contractKey');
    expect(noContract).not.toHaveProperty('amountMinor');
  });
});

describe('time per organization, case and action', () => {
  it('adds up minutes, and the lines’ rounded amounts per currency', () => {
    const lines = priceTimeEntries(
      [
        entry(10, '2026-11-02T10:00:00Z', { action: 'replied' }),
        entry(20, '2026-11-03T10:00:00Z'),
        entry(30, '2026-11-04T10:00:00Z'),
        entry(5, '2026-11-05T10:00:00Z', { caseNumber: 'CASE-1002', caseTitle: 'Other' }),
      ],
      under(rates({ hourly: { default: 10001 } })),
    );
    const [acme] = summarizeTime(lines);
    expect(acme).toEqual(
      expect.objectContaining({ organizationKey: 'acme', minutes: 65, amounts: { EUR: 10835 } }),
    );
    expect(acme!.cases.map((c) => [c.caseNumber, c.minutes, c.amounts])).toEqual([
      // An hour at 100.01 logged in three lines: each line rounds, the total adds the lines.
      ['CASE-1001', 60, { EUR: 10002 }],
      ['CASE-1002', 5, { EUR: 833 }],
    ]);
    expect(acme!.cases[0]!.actions.map((a) => [a.action, a.minutes, a.amounts])).toEqual([
      ['replied', 10, { EUR: 1667 }],
      ['time-logged', 50, { EUR: 8335 }],
    ]);
  });
});
