/** A calendar month in UTC: billing periods are the same for every reader, wherever they are. */
export interface BillingMonth {
  /** `2026-11` */
  readonly key: string;
  readonly start: Date;
  /** The first instant of the next month (exclusive). */
  readonly end: Date;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `"2026-11"` → that month; undefined for anything else. */
export const parseBillingMonth = (text: string): BillingMonth | undefined => {
  const match = MONTH.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return {
    key: `${match[1]}-${match[2]}`,
    start: new Date(Date.UTC(year, month - 1, 1)),
    end: new Date(Date.UTC(year, month, 1)),
  };
};

export const isInMonth = (month: BillingMonth, at: Date): boolean =>
  at.getTime() >= month.start.getTime() && at.getTime() < month.end.getTime();
