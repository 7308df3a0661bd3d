export * from './types.js';
export * from './schema.js';
export * from './business-time.js';
export * from './clocks.js';
export * from './next-decision.js';
export * from './alerts.js';
export * from './case-sla.js';
export * from './alert-change.js';
