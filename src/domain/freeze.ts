/**
 * Freezes a value and everything inside it. Shared values (presets, the loaded config)
 * are frozen so an accidental mutation fails at once instead of changing the rules.
 */
export const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
};
