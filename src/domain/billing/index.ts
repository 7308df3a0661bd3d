export * from './invoice.js';
export * from './money.js';
export * from './month.js';
export * from './rates.js';
export * from './summary.js';
export * from './time-entries.js';
