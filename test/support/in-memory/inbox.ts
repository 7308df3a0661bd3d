import type {
  Inbox,
  InboxAddOutcome,
  InboxDelivery,
  InboxEnd,
  InboxEntry,
} from '../../../src/ports/inbox.js';

interface Row {
  entry: InboxEntry;
  state: 'pending' | InboxEnd;
  owner: string;
  leaseUntil: Date;
  endedAt?: Date;
  error?: string;
}

/**
 * The inbox port in memory, with the MongoDB store's rules (its contract is tested on the
 * real database in test/integration/inbox). `holdWrites` makes `add` wait until released,
 * as a database that stopped answering would.
 */
export class InMemoryInbox implements Inbox {
  readonly rows = new Map<string, Row>();
  /** Keys a claim was refused for (taken, or ended): what a test waits for to show "not yet". */
  readonly refused: string[] = [];
  private held: (() => void)[] | undefined;

  holdWrites(): void {
    this.held = [];
  }

  releaseWrites(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const release of held) release();
  }

  async add(
    delivery: InboxDelivery,
    at: Date,
    lease: { owner: string; until: Date },
  ): Promise<InboxAddOutcome> {
    if (this.held) await new Promise<void>((resolve) => this.held?.push(resolve));
    const existing = this.rows.get(delivery.key);
    const renewable =
      existing &&
      delivery.repeatWindowMs !== undefined &&
      existing.state !== 'pending' &&
      existing.entry.receivedAt.getTime() < at.getTime() - delivery.repeatWindowMs;
    if (existing && !renewable) return 'duplicate';
    const { repeatWindowMs: _window, ...entry } = delivery;
    this.rows.set(delivery.key, {
      entry: { ...entry, attempts: 0, receivedAt: at },
      state: 'pending',
      owner: lease.owner,
      leaseUntil: lease.until,
    });
    return 'added';
  }

  async claim(key: string, lease: { owner: string; until: Date }, now: Date) {
    const row = this.rows.get(key);
    const fresh = row?.owner === lease.owner && row.entry.attempts === 0;
    if (!row || row.state !== 'pending' || (!fresh && row.leaseUntil > now)) {
      this.refused.push(key);
      return undefined;
    }
    row.owner = lease.owner;
    row.leaseUntil = lease.until;
    row.entry = { ...row.entry, attempts: row.entry.attempts + 1 };
    return row.entry;
  }

  async finish(key: string, owner: string, end: InboxEnd, at: Date, error?: string) {
    const row = this.rows.get(key);
    if (!row || row.owner !== owner || row.state !== 'pending') return;
    row.state = end;
    row.endedAt = at;
    if (error) row.error = error;
  }

  async retryLater(key: string, owner: string, retryAt: Date, error: string) {
    const row = this.rows.get(key);
    if (!row || row.owner !== owner || row.state !== 'pending') return;
    row.leaseUntil = retryAt;
    row.error = error;
  }

  async due(now: Date, limit: number) {
    return [...this.rows.values()]
      .filter((row) => row.state === 'pending' && row.leaseUntil <= now)
      .sort((a, b) => a.entry.receivedAt.getTime() - b.entry.receivedAt.getTime())
      .slice(0, limit)
      .map((row) => row.entry.key);
  }

  async prune(before: Date) {
    let pruned = 0;
    for (const [key, row] of this.rows)
      if (row.state !== 'pending' && row.endedAt && row.endedAt < before) {
        this.rows.delete(key);
        pruned += 1;
      }
    return pruned;
  }

  async count(state?: 'pending' | InboxEnd) {
    return [...this.rows.values()].filter((row) => !state || row.state === state).length;
  }

  stateOf(key: string): Row['state'] | undefined {
    return this.rows.get(key)?.state;
  }
}
