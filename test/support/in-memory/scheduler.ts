import type { Scheduler, SlaTimerData } from '../../../src/ports/scheduler.js';

export interface ArmedTimer {
  readonly key: string;
  readonly at: Date;
  readonly data: SlaTimerData;
}

/** Runs the handler a real scheduler would call (the jobs' SLA timer handler). */
export type TimerHandler = (data: SlaTimerData) => Promise<void>;

// A handler that keeps arming timers in the past would otherwise loop for ever.
const MAX_RUNS_PER_CALL = 1_000;

/**
 * The Scheduler port with no polling: timers fire only when the test calls `runDue(now)`,
 * which runs, earliest first, every timer due at that instant, as Agenda does after a poll
 * at `now`. One pending run per key, as the port says: scheduling a key again moves it.
 */
export class FakeScheduler implements Scheduler {
  private readonly armed = new Map<string, ArmedTimer>();
  private handler: TimerHandler | undefined;
  /** Every run, in order: what a test counts to prove a timer fired once. */
  readonly runs: ArmedTimer[] = [];

  constructor(handler?: TimerHandler) {
    this.handler = handler;
  }

  /** The handler is often built from a core that needs this scheduler first. */
  handle(handler: TimerHandler): void {
    this.handler = handler;
  }

  async schedule(key: string, at: Date, data: SlaTimerData): Promise<void> {
    this.armed.set(key, { key, at: new Date(at), data: { ...data } });
  }

  async cancel(key: string): Promise<void> {
    this.armed.delete(key);
  }

  /** What is armed now, earliest first. */
  pending(): ArmedTimer[] {
    return [...this.armed.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  timerFor(key: string): ArmedTimer | undefined {
    return this.armed.get(key);
  }

  /**
   * Runs every timer due at `now`, earliest first; a timer a run arms at or before `now`
   * runs too, one armed for later waits. Returns how many ran. A handler that throws
   * leaves its timer disarmed (Agenda keeps a failed one-off job as failed, not pending).
   */
  async runDue(now: Date): Promise<number> {
    if (!this.handler) throw new Error('FakeScheduler: no handler to run timers with');
    let ran = 0;
    for (;;) {
      const next = this.pending()[0];
      if (!next || next.at > now) return ran;
      if ((ran += 1) > MAX_RUNS_PER_CALL)
        throw new Error(
          `FakeScheduler: more than ${MAX_RUNS_PER_CALL} runs at ${now.toISOString()}`,
        );
      this.armed.delete(next.key);
      this.runs.push(next);
      await this.handler(next.data);
    }
  }
}
