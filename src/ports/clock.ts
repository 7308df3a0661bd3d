/** Time enters the core only through here (STYLE.md §6). */
export interface Clock {
  now(): Date;
}

/** Fresh unique ids for cases, events, outbox entries and tasks. */
export type IdGenerator = () => string;
