import { createInboxWorker, type InboxWorker } from '../../../src/jobs/inbox-worker.js';
import { InboxUnavailable, type InboxEntry } from '../../../src/ports/inbox.js';
import { eventually } from '../../support/eventually.js';
import { InMemoryInbox } from '../../support/in-memory/inbox.js';

const clockAt = (iso = '2026-12-02T09:00:00Z') => {
  let now = new Date(iso).getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
};

const delivery = (key: string, group?: string) => ({
  key,
  source: 'slack' as const,
  payload: JSON.stringify({ text: key }),
  ...(group ? { group } : {}),
});

describe('the inbox worker', () => {
  let inbox: InMemoryInbox;
  let clock: ReturnType<typeof clockAt>;
  let worker: InboxWorker;
  const dead: string[] = [];
  const make = (owner = 'replica-a', overrides = {}) =>
    createInboxWorker({
      inbox,
      clock,
      owner,
      writeTimeoutMs: 50,
      leaseMs: 30_000,
      sweepMs: 5,
      retentionMs: 7 * 24 * 3600_000,
      maxAttempts: 3,
      concurrency: 4,
      onError: () => undefined,
      onDead: (key) => dead.push(key),
      ...overrides,
    });
  beforeEach(() => {
    inbox = new InMemoryInbox();
    clock = clockAt();
    dead.length = 0;
    worker = make();
  });
  afterEach(() => worker.stop(1_000));

  it('processes a stored delivery off the request path and marks it done', async () => {
    const seen: InboxEntry[] = [];
    worker.handle('slack', { process: async (entry) => void seen.push(entry) });
    expect(await worker.accept(delivery('e1'))).toBe('added');
    expect(await worker.accept(delivery('e1'))).toBe('duplicate');
    worker.later('e1');
    await eventually(async () => (inbox.stateOf('e1') === 'done' ? true : undefined));
    expect(seen.map((e) => e.payload)).toEqual([JSON.stringify({ text: 'e1' })]);
  });

  it('keeps one conversation in arrival order', async () => {
    const order: string[] = [];
    worker.handle('slack', {
      process: async (entry) => {
        // The first one is slower: it must still finish first.
        if (entry.key === 'm1') await new Promise((resolve) => setTimeout(resolve, 30));
        order.push(entry.key);
      },
    });
    for (const key of ['m1', 'm2', 'm3']) {
      await worker.accept(delivery(key, 'chat-1'));
      worker.later(key, 'chat-1');
    }
    await eventually(async () => (order.length === 3 ? true : undefined));
    expect(order).toEqual(['m1', 'm2', 'm3']);
  });

  it('refuses a delivery the database does not take in time, and ends a late write it was told to drop', async () => {
    inbox.holdWrites();
    await expect(worker.accept(delivery('slow'), { dropIfLate: true })).rejects.toBeInstanceOf(
      InboxUnavailable,
    );
    inbox.releaseWrites();
    await eventually(async () => (inbox.stateOf('slow') === 'dropped' ? true : undefined));
    // An event's late write is kept instead: Slack's retry finds it stored.
    inbox.holdWrites();
    await expect(worker.accept(delivery('event'))).rejects.toBeInstanceOf(InboxUnavailable);
    inbox.releaseWrites();
    await eventually(async () => (inbox.stateOf('event') === 'pending' ? true : undefined));
  });

  it('retries a failed delivery with backoff, and gives up after the last attempt', async () => {
    let calls = 0;
    const toldGivenUp: string[] = [];
    worker.handle('slack', {
      process: async () => {
        calls += 1;
        throw new Error('database blip');
      },
      givenUp: async (entry) => void toldGivenUp.push(entry.key),
    });
    worker.start();
    await worker.accept(delivery('poison'));
    worker.later('poison');
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await eventually(async () => (calls >= attempt ? true : undefined));
      clock.advance(10 * 60_000);
    }
    await eventually(async () => (inbox.stateOf('poison') === 'dead' ? true : undefined));
    expect(calls).toBe(3);
    expect(dead).toEqual(['poison']);
    await eventually(async () => (toldGivenUp.length > 0 ? true : undefined));
    expect(toldGivenUp).toEqual(['poison']);
  });

  it('resumes what a crashed replica took, once its lease has run out', async () => {
    const crashed = make('replica-gone');
    await crashed.accept(delivery('orphan'));
    // replica-gone died before processing it; this replica sweeps.
    const processed: string[] = [];
    worker.handle('slack', { process: async (entry) => void processed.push(entry.key) });
    worker.start();
    worker.later('orphan');
    // Its claim is refused while the lease holds: nothing is processed.
    await eventually(async () => (inbox.refused.includes('orphan') ? true : undefined));
    expect(processed).toEqual([]);
    clock.advance(30_001);
    await eventually(async () => (inbox.stateOf('orphan') === 'done' ? true : undefined));
    expect(processed).toEqual(['orphan']);
  });

  it('keeps sweeping while other work is still running', async () => {
    let release: () => void = () => undefined;
    const processed: string[] = [];
    worker.handle('slack', {
      process: async (entry) => {
        if (entry.key === 'slow') await new Promise<void>((resolve) => (release = resolve));
        processed.push(entry.key);
      },
    });
    await worker.accept(delivery('slow'));
    worker.later('slow');
    worker.start();
    // The crashed replica's leases are short, so they lapse while 'slow' still holds its own.
    const crashed = make('replica-gone', { leaseMs: 1_000 });
    await crashed.accept(delivery('orphan-1'));
    clock.advance(1_001);
    await eventually(async () => (processed.includes('orphan-1') ? true : undefined));
    // A later crash's leftover is found by a later sweep, though 'slow' has not finished.
    await crashed.accept(delivery('orphan-2'));
    clock.advance(1_001);
    await eventually(async () => (processed.includes('orphan-2') ? true : undefined));
    expect(processed).not.toContain('slow');
    release();
    await eventually(async () => (processed.includes('slow') ? true : undefined));
  });

  it('ends an inline delivery as its run says, and leaves a thrown one for a retry', async () => {
    await worker.accept(delivery('press'));
    await worker.inline('press', async () => 'dropped');
    expect(inbox.stateOf('press')).toBe('dropped');
    await worker.accept(delivery('press-2'));
    await worker.inline('press-2', async () => {
      throw new Error('listener failed after its ack');
    });
    expect(inbox.stateOf('press-2')).toBe('pending');
    expect(await inbox.due(new Date(clock.now().getTime() + 60_000), 10)).toContain('press-2');
  });
});
