/**
 * What every inbox must do: run against the in-memory inbox (unit project) and the Mongo
 * one on the real server (integration project). Keys are unique per test.
 */
import type { Inbox } from '../../src/ports/inbox.js';

const at = (iso: string) => new Date(`2026-12-02T${iso}Z`);
const lease = (owner: string, until: string) => ({ owner, until: at(until) });
const delivery = (key: string, extra = {}) => ({
  key,
  source: 'slack' as const,
  payload: JSON.stringify({ key }),
  ...extra,
});

export interface InboxSubject {
  readonly inbox: Inbox;
  close(): Promise<void>;
}

export const describeInboxContract = (kind: string, open: () => Promise<InboxSubject>): void =>
  describe(`the inbox contract (${kind})`, () => {
    let subject: InboxSubject;
    let inbox: Inbox;
    beforeAll(async () => {
      subject = await open();
      inbox = subject.inbox;
    });
    afterAll(() => subject.close());

    it('stores a key once: a redelivery is a duplicate and changes nothing', async () => {
      expect(await inbox.add(delivery('k1'), at('09:00:00'), lease('a', '09:00:30'))).toBe('added');
      expect(
        await inbox.add(
          delivery('k1', { payload: 'other' }),
          at('09:00:01'),
          lease('b', '09:00:31'),
        ),
      ).toBe('duplicate');
      const claimed = await inbox.claim('k1', lease('a', '09:01:00'), at('09:00:02'));
      expect(claimed).toMatchObject({ key: 'k1', payload: JSON.stringify({ key: 'k1' }) });
      // Taken: not even its owner starts a second run until the lease lapses.
      expect(await inbox.claim('k1', lease('a', '09:01:00'), at('09:00:03'))).toBeUndefined();
      expect(await inbox.claim('k1', lease('a', '09:02:00'), at('09:01:00'))).toMatchObject({
        attempts: 2,
      });
    });

    it('answers each of a burst written together: new keys added, a taken one a duplicate', async () => {
      await inbox.add(delivery('burst-taken'), at('08:00:00'), lease('a', '08:00:30'));
      const outcomes = await Promise.all(
        ['burst-1', 'burst-taken', 'burst-2', 'burst-1'].map((key) =>
          inbox.add(delivery(key), at('08:00:01'), lease('a', '08:00:31')),
        ),
      );
      expect(outcomes).toEqual(['added', 'duplicate', 'added', 'duplicate']);
      expect(await inbox.claim('burst-2', lease('a', '08:01:00'), at('08:00:02'))).toMatchObject({
        key: 'burst-2',
      });
    });

    it('lets another owner take an entry only once its lease has run out', async () => {
      await inbox.add(delivery('k2'), at('09:00:00'), lease('a', '09:00:30'));
      expect(await inbox.claim('k2', lease('b', '09:01:00'), at('09:00:10'))).toBeUndefined();
      expect(await inbox.due(at('09:00:10'), 10)).not.toContain('k2');
      expect(await inbox.due(at('09:00:31'), 10)).toContain('k2');
      expect(await inbox.claim('k2', lease('b', '09:01:00'), at('09:00:31'))).toMatchObject({
        attempts: 1,
      });
      // The first owner's late finish is not taken: the entry is b's now.
      await inbox.finish('k2', 'a', 'done', at('09:00:32'));
      expect(await inbox.due(at('09:02:00'), 10)).toContain('k2');
      await inbox.finish('k2', 'b', 'done', at('09:00:33'));
      // Ended, it keeps its key: a redelivery is a duplicate, and nothing is due.
      expect(await inbox.add(delivery('k2'), at('09:00:40'), lease('c', '09:01:10'))).toBe(
        'duplicate',
      );
      expect(await inbox.due(at('09:02:00'), 10)).not.toContain('k2');
      expect(await inbox.claim('k2', lease('b', '09:03:00'), at('09:02:00'))).toBeUndefined();
    });

    it('treats a repeated gesture within its window as the same one, and a later one as new', async () => {
      const press = delivery('press', { repeatWindowMs: 5_000 });
      expect(await inbox.add(press, at('10:00:00'), lease('a', '10:00:30'))).toBe('added');
      // Still being processed: a repeat is the same press, whatever the time.
      expect(await inbox.add(press, at('10:00:09'), lease('a', '10:00:39'))).toBe('duplicate');
      await inbox.finish('press', 'a', 'done', at('10:00:01'));
      expect(await inbox.add(press, at('10:00:03'), lease('a', '10:00:33'))).toBe('duplicate');
      expect(await inbox.add(press, at('10:00:06'), lease('a', '10:00:36'))).toBe('added');
      expect(await inbox.claim('press', lease('a', '10:01:00'), at('10:00:07'))).toMatchObject({
        attempts: 1,
        receivedAt: at('10:00:06'),
      });
    });

    it('gives a failed attempt back for later, and prunes only ended entries past retention', async () => {
      await inbox.add(delivery('k3'), at('11:00:00'), lease('a', '11:00:30'));
      await inbox.retryLater('k3', 'a', at('11:00:05'), 'database blip');
      expect(await inbox.due(at('11:00:04'), 10)).not.toContain('k3');
      expect(await inbox.due(at('11:00:05'), 10)).toContain('k3');
      await inbox.add(delivery('old-done'), at('01:00:00'), lease('a', '01:00:30'));
      await inbox.finish('old-done', 'a', 'done', at('01:00:01'));
      await inbox.add(delivery('old-pending'), at('01:00:00'), lease('a', '01:00:30'));
      const pendingBefore = await inbox.count('pending');
      expect(await inbox.prune(at('02:00:00'))).toBe(1);
      expect(await inbox.count('pending')).toBe(pendingBefore);
    });

    it('counts entries by state', async () => {
      const counts = async () => ({
        all: await inbox.count(),
        pending: await inbox.count('pending'),
        done: await inbox.count('done'),
        dead: await inbox.count('dead'),
        dropped: await inbox.count('dropped'),
      });
      const before = await counts();
      for (const key of ['c-done', 'c-dead', 'c-pending'])
        await inbox.add(delivery(key), at('12:00:00'), lease('a', '12:00:30'));
      await inbox.finish('c-done', 'a', 'done', at('12:00:01'));
      await inbox.finish('c-dead', 'a', 'dead', at('12:00:01'), 'gave up');
      expect(await counts()).toEqual({
        all: before.all + 3,
        pending: before.pending + 1,
        done: before.done + 1,
        dead: before.dead + 1,
        dropped: before.dropped,
      });
    });
  });
