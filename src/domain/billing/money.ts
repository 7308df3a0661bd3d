/**
 * Money as integers of the currency's minor unit (cents for EUR, yen for JPY, fils for
 * BHD): amounts are read from decimal text digit by digit and never pass through a
 * floating-point sum, so an invoice adds up to the cent.
 */

// The runtime's ICU data knows ISO 4217 and each currency's number of decimals.
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export const isCurrency = (code: string): boolean => CURRENCIES.has(code);

/** Decimals of the currency's minor unit: 2 for EUR, 0 for JPY, 3 for BHD. */
export const minorDigitsOf = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * `"120.5"` in a currency of 2 decimals → 12050. Undefined when the text is no plain
 * decimal, or has more decimals than `digits`.
 */
export const toMinorUnits = (text: string, digits: number): number | undefined => {
  const match = DECIMAL.exec(text.trim());
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return undefined;
  const minor = Number(`${match[1]}${fraction.padEnd(digits, '0')}`);
  return Number.isSafeInteger(minor) ? minor : undefined;
};

/** 12050 with 2 decimals → `"120.50"`; for CSV cells and text, without a currency sign. */
export const formatMinorUnits = (minor: number, digits: number): string => {
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0
    ? `${sign}${text}`
    : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
};

/**
 * What `minutes` cost at `perHourMinor`, rounded half up to the minor unit; integer
 * arithmetic throughout (safe far beyond any real rate and month).
 */
export const amountFor = (minutes: number, perHourMinor: number): number =>
  Math.floor((minutes * perHourMinor + 30) / 60);
