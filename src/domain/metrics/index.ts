export * from './history.js';
export * from './case-metrics.js';
export * from './attainment.js';
export * from './backlog.js';
export * from './desk.js';
