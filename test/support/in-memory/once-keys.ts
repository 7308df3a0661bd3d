import type { OnceKeys } from '../../../src/ports/once-keys.js';

/** The OnceKeys contract in memory, on the caller's clock. */
export class InMemoryOnceKeys implements OnceKeys {
  readonly keys = new Map<string, { owner: string; at: Date; done: boolean }>();
  constructor(private readonly now: () => Date = () => new Date()) {}

  async claim(key: string, runId: string, staleAfterMs: number): Promise<boolean> {
    const at = this.now();
    const held = this.keys.get(key);
    if (held && (held.done || held.at.getTime() >= at.getTime() - staleAfterMs)) return false;
    this.keys.set(key, { owner: runId, at, done: false });
    return true;
  }

  async complete(key: string, runId: string): Promise<void> {
    const held = this.keys.get(key);
    if (held?.owner === runId) held.done = true;
  }

  async release(key: string, runId: string): Promise<void> {
    const held = this.keys.get(key);
    if (held?.owner === runId && !held.done) this.keys.delete(key);
  }
}
