import type { Clock } from '../../../src/ports/clock.js';

/** A clock the test moves by hand: time passes only when the test says so. */
export class ManualClock implements Clock {
  private current: Date;
  constructor(start: Date = new Date('2026-11-23T09:00:00Z')) {
    this.current = new Date(start);
  }
  now = (): Date => new Date(this.current);
  advance(ms: number): Date {
    this.current = new Date(this.current.getTime() + ms);
    return this.now();
  }
  set(at: Date): void {
    this.current = new Date(at);
  }
}

/** Ids that say in which order they were made. */
export const sequentialIds = (prefix = 'id'): (() => string) => {
  let n = 0;
  return () => `${prefix}-${(n += 1)}`;
};
