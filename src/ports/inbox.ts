/**
 * The durable inbox: every chat delivery (a Slack event, command, interaction; a Teams
 * activity) is stored here by its delivery identity before it is acknowledged, then
 * processed from here and marked done. A crash between the ack and the work leaves a
 * pending entry that a sweeper resumes; a redelivery finds its key taken.
 */
export type InboxSource = 'slack' | 'teams';

export interface InboxDelivery {
  /** The delivery identity: Slack's `event_id`, a stable key for an interaction, an activity id. */
  readonly key: string;
  readonly source: InboxSource;
  /** What the adapter needs to process it again after a crash, as JSON text. */
  readonly payload: string;
  /** Deliveries of one group (a conversation) are processed in arrival order. */
  readonly group?: string;
  /**
   * For keys that name a gesture rather than one delivery (a person pressing the same
   * button on the same message): a repeat within this window is the same press; a later
   * one, once the first is done, is a new delivery under the same key.
   */
  readonly repeatWindowMs?: number;
}

export interface InboxEntry {
  readonly key: string;
  readonly source: InboxSource;
  readonly payload: string;
  readonly group?: string;
  readonly attempts: number;
  readonly receivedAt: Date;
}

export type InboxAddOutcome = 'added' | 'duplicate';

/** Why an entry stopped: processed, given up after retries, or refused to the sender. */
export type InboxEnd = 'done' | 'dead' | 'dropped';

export interface Inbox {
  /**
   * One insert by `_id`, leased to `owner` until `leaseUntil`; 'duplicate' when the key is
   * already stored (and, with a repeat window, not yet due to be taken again).
   */
  add(
    delivery: InboxDelivery,
    at: Date,
    lease: { readonly owner: string; readonly until: Date },
  ): Promise<InboxAddOutcome>;
  /**
   * Takes a pending entry this owner stored and nobody has taken yet, or one whose lease
   * ran out; undefined otherwise (done, or being processed).
   */
  claim(
    key: string,
    lease: { readonly owner: string; readonly until: Date },
    now: Date,
  ): Promise<InboxEntry | undefined>;
  /** Ends an entry this owner holds. */
  finish(key: string, owner: string, end: InboxEnd, at: Date, error?: string): Promise<void>;
  /** Gives a failed attempt back: the entry is due again at `retryAt`. */
  retryLater(key: string, owner: string, retryAt: Date, error: string): Promise<void>;
  /** Keys of pending entries whose lease has run out (a crash, a failed attempt). */
  due(now: Date, limit: number): Promise<string[]>;
  /** Removes ended entries older than `before`; returns how many. */
  prune(before: Date): Promise<number>;
  /** Counts by state, for tests, health and metrics. */
  count(state?: 'pending' | InboxEnd): Promise<number>;
}

export interface InboxProcessor {
  process(entry: InboxEntry): Promise<void>;
  /** The delivery will not be processed: say so to whoever sent it, where the chat allows. */
  givenUp?(entry: InboxEntry): Promise<void>;
}

/**
 * What the chat adapters get: store a delivery before the ack, then have it processed in
 * the background (events, messages) or inline (an interaction whose answer is the reply).
 */
export interface InboundDeliveries {
  /**
   * Stores the delivery within a bound the chat platform allows for its ack. Throws
   * `InboxUnavailable` when the database cannot take it in time: the caller must not
   * acknowledge it as received. With `dropIfLate`, a write that lands after that answer
   * is ended at once (the person was told to try again).
   */
  accept(
    delivery: InboxDelivery,
    options?: { readonly dropIfLate?: boolean },
  ): Promise<InboxAddOutcome>;
  /** Processes a stored delivery off the request path, in order within `group`. */
  later(key: string, group?: string): void;
  /** Processes a just-added delivery now; `run` says how it ended. A throw leaves it for a retry. */
  inline(key: string, run: () => Promise<InboxEnd>): Promise<void>;
  /**
   * The processor for one source's stored deliveries (after a crash, or `later`), and what
   * to tell the sender of one that is given up after its last attempt.
   */
  handle(source: InboxSource, processor: InboxProcessor): void;
}

/** The database did not take a delivery within its bound: it was not received. */
export class InboxUnavailable extends Error {
  constructor(override readonly cause: unknown) {
    super('the inbox could not store the delivery');
    this.name = 'InboxUnavailable';
  }
}
