import { amountFor } from './money.js';
import { rateFor, type ContractRates, type RateRule } from './rates.js';
import type { TimeEntry } from './time-entries.js';

/** The contract a time entry is billed under: its key and, when it has them, its rates. */
export interface BillingContract {
  readonly id: string;
  readonly key: string;
  readonly rates?: ContractRates;
}

/** One time entry as billed. Without a contract with rates, only the minutes are known. */
export interface InvoiceLine extends TimeEntry {
  readonly contractKey?: string;
  readonly currency?: string;
  /** The logged minutes rounded up to the contract's step (as logged without rates). */
  readonly billedMinutes: number;
  /** Of the billed minutes, those the month's included hours cover. */
  readonly includedMinutes: number;
  /** Billed minus included: what the amount is for. */
  readonly chargedMinutes: number;
  readonly perHourMinor?: number;
  readonly rateRule?: RateRule;
  /** In the currency's minor unit, rounded half up per line; absent without rates. */
  readonly amountMinor?: number;
}

/** Whole multiples of `step`, rounded up: 7 in steps of 15 → 15, 16 → 30. */
export const roundUpMinutes = (minutes: number, step: number): number =>
  Math.ceil(minutes / step) * step;

const inTimeOrder = (a: TimeEntry, b: TimeEntry): number =>
  a.at.getTime() - b.at.getTime() ||
  a.caseNumber.localeCompare(b.caseNumber) ||
  a.eventId.localeCompare(b.eventId);

/**
 * Prices one month's time entries. Each entry is rounded on its own; a contract's included
 * minutes are used up by its entries in time order across all its cases, and an entry
 * that crosses the limit is split (part included, the rest charged).
 */
export const priceTimeEntries = (
  entries: readonly TimeEntry[],
  contractFor: (entry: TimeEntry) => BillingContract | undefined,
): InvoiceLine[] => {
  const includedLeft = new Map<string, number>();
  return [...entries].sort(inTimeOrder).map((entry): InvoiceLine => {
    const contract = contractFor(entry);
    const rates = contract?.rates;
    const base = contract ? { ...entry, contractKey: contract.key } : entry;
    if (!contract || !rates)
      return { ...base, billedMinutes: entry.minutes, includedMinutes: 0, chargedMinutes: 0 };
    const billedMinutes = roundUpMinutes(entry.minutes, rates.roundUpToMinutes);
    const left = includedLeft.get(contract.id) ?? rates.includedMinutesPerMonth;
    const includedMinutes = Math.min(left, billedMinutes);
    includedLeft.set(contract.id, left - includedMinutes);
    const chargedMinutes = billedMinutes - includedMinutes;
    const rate = rateFor(rates, entry.productKey, entry.priority);
    return {
      ...base,
      currency: rates.currency,
      billedMinutes,
      includedMinutes,
      chargedMinutes,
      perHourMinor: rate.perHourMinor,
      rateRule: rate.rule,
      amountMinor: amountFor(chargedMinutes, rate.perHourMinor),
    };
  });
};
