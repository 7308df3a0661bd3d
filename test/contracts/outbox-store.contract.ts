/**
 * What the outbox side of every case store must do (claim, lease, mark, release), run
 * against the in-memory store (unit project) and MongoOutboxStore on the real server.
 */
import type { CaseRepository } from '../../src/ports/case-repository.js';
import type { OutboxStore } from '../../src/ports/outbox-store.js';
import { at, change, entry, fresh, type CaseStoreSubject } from './case-fixtures.js';

export const describeOutboxStoreContract = (
  kind: string,
  open: () => Promise<CaseStoreSubject>,
): void =>
  describe(`the outbox store contract (${kind})`, () => {
    // Which case is due depends on every case in the store: each test gets a store of
    // its own, so what another test left leased or due cannot answer for it.
    let own: CaseStoreSubject;
    let cases: CaseRepository;
    let outbox: OutboxStore;
    beforeEach(async () => {
      own = await open();
      ({ cases, outbox } = own);
    });
    afterEach(() => own.close());

    const claimAll = async (now: Date, owner: string) => {
      const claimed: string[] = [];
      for (let i = 0; i < 50; i += 1) {
        const got = await outbox.claimDue(now, new Date(now.getTime() + 60_000), owner);
        if (!got) break;
        claimed.push(got.state.id);
      }
      return claimed;
    };

    it('leases a due case to one worker until the lease runs out', async () => {
      const now = at(-500);
      const state = fresh({ createdAt: now, outbox: [entry('x1', { nextAttemptAt: now })] });
      await cases.insert(state);
      const mine = (await claimAll(now, 'a')).filter((id) => id === state.id);
      expect(mine).toEqual([state.id]);
      expect((await claimAll(now, 'b')).includes(state.id)).toBe(false);
      const afterLease = new Date(now.getTime() + 60_001);
      expect((await claimAll(afterLease, 'b')).includes(state.id)).toBe(true);
    });

    it('gives the most overdue case first and nothing that is not due yet', async () => {
      const organizationId = 'contract-org-outbox';
      const base = at(-400);
      const later = fresh({ organizationId, createdAt: new Date(base.getTime() + 2000) });
      const earlier = fresh({ organizationId, createdAt: new Date(base.getTime() + 1000) });
      const future = fresh({ organizationId, createdAt: new Date(base.getTime() + 9000) });
      for (const s of [later, earlier, future])
        await cases.insert({
          ...s,
          outbox: [entry(`${s.id}-o`, { nextAttemptAt: s.createdAt })],
        });
      const now = new Date(base.getTime() + 5000);
      const claimed = (await claimAll(now, 'w')).filter((id) =>
        [later.id, earlier.id, future.id].includes(id),
      );
      expect(claimed).toEqual([earlier.id, later.id]);
    });

    it('marks entries delivered or failed by index and id, then releases to the next due', async () => {
      const now = at(-300);
      const state = fresh({
        createdAt: now,
        outbox: [entry('d1', { nextAttemptAt: now }), entry('d2', { nextAttemptAt: now })],
      });
      await cases.insert(state);
      const claimed = await outbox.claimDue(now, at(-299), 'w');
      expect(claimed?.state.id).toBe(state.id);
      expect(claimed?.outboxSeq).toBe(2);
      await outbox.markDelivered(state.id, 0, 'd1', now, { resolutionSent: false });
      await outbox.markDelivered(state.id, 1, 'wrong-id', now, { resolutionSent: false });
      const retryAt = at(-290);
      await outbox.markFailed(state.id, 1, 'd2', {
        attempts: 1,
        nextAttemptAt: retryAt,
        error: 'x'.repeat(600),
        dead: false,
      });
      await outbox.release(state.id, 'w', claimed!.outboxSeq, retryAt);
      const stored = (await cases.findById(state.id))!;
      expect(stored.outbox[0]).toMatchObject({
        state: 'delivered',
        attempts: 1,
        deliveredAt: now,
      });
      expect(stored.outbox[1]).toMatchObject({
        state: 'pending',
        attempts: 1,
        nextAttemptAt: retryAt,
      });
      expect(stored.outbox[1]?.lastError).toHaveLength(500);
      expect(stored.version).toBe(state.version);
      expect((await claimAll(at(-295), 'w')).includes(state.id)).toBe(false);
      expect((await claimAll(retryAt, 'w')).includes(state.id)).toBe(true);
    });

    it('stamps the resolution as sent, and moves the version with it', async () => {
      const now = at(-250);
      const state = fresh({ createdAt: now, outbox: [entry('r1', { nextAttemptAt: now })] });
      await cases.insert(state);
      await outbox.markDelivered(state.id, 0, 'r1', now, { resolutionSent: true });
      expect(await cases.findById(state.id)).toMatchObject({
        resolutionSentAt: now,
        version: state.version + 1,
      });
    });

    it('keeps a case due when entries arrive while a worker holds it', async () => {
      const now = at(-200);
      const state = fresh({ createdAt: now, outbox: [entry('n1', { nextAttemptAt: now })] });
      await cases.insert(state);
      const claimed = (await outbox.claimDue(now, at(-199), 'w'))!;
      expect(claimed.state.id).toBe(state.id);
      await outbox.markDelivered(state.id, 0, 'n1', now, { resolutionSent: false });
      await cases.commit(state.id, state.version, change(), [entry('n2', { nextAttemptAt: now })]);
      // The worker saw one entry and plans nothing more: the new one must not be lost.
      await outbox.release(state.id, 'w', claimed.outboxSeq, null);
      expect((await claimAll(now, 'w')).includes(state.id)).toBe(true);
    });

    it('ignores a release by a worker that does not hold the lease', async () => {
      const now = at(-150);
      const state = fresh({ createdAt: now, outbox: [entry('l1', { nextAttemptAt: now })] });
      await cases.insert(state);
      const claimed = (await outbox.claimDue(now, at(-140), 'a'))!;
      expect(claimed.state.id).toBe(state.id);
      await outbox.release(state.id, 'b', claimed.outboxSeq, null);
      expect((await claimAll(now, 'b')).includes(state.id)).toBe(false);
    });

    it('gives up on an entry: dead entries are kept, and a case with nothing due is left alone', async () => {
      const now = at(-100);
      const state = fresh({ createdAt: now, outbox: [entry('g1', { nextAttemptAt: now })] });
      await cases.insert(state);
      const claimed = (await outbox.claimDue(now, at(-99), 'w'))!;
      await outbox.markFailed(state.id, 0, 'g1', {
        attempts: 3,
        nextAttemptAt: now,
        error: 'token revoked',
        dead: true,
      });
      await outbox.release(state.id, 'w', claimed.outboxSeq, null);
      expect((await cases.findById(state.id))?.outbox[0]).toMatchObject({
        state: 'dead',
        attempts: 3,
        lastError: 'token revoked',
      });
      expect((await claimAll(at(1000), 'w')).includes(state.id)).toBe(false);
    });
  });
