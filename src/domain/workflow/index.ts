export * from './types.js';
export * from './schema.js';
export * from './statuses.js';
export * from './transitions.js';
export * from './presets.js';
export * from './status-filter.js';
