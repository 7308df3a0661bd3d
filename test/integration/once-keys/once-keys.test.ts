/**
 * Once-keys on the real database: the work about no single case (a rota's change of duty,
 * a digest, a contract notice) is done once across replicas, and a run that died between
 * claiming the key and doing the work does not make it never happen.
 */
import type { Connection } from 'mongoose';
import { ONCE_KEY_STALE_MS } from '../../../src/ports/once-keys.js';
import { MongoOnceKeys } from '../../../src/store/once-keys/mongo-once-keys.js';
import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';
import { ManualClock } from '../../support/in-memory/clock.js';

describe('once-keys', () => {
  let connection: Connection;
  const clock = new ManualClock();
  let keys: MongoOnceKeys;
  beforeAll(async () => {
    connection = await connectTestDatabase('once_keys');
    keys = new MongoOnceKeys(connection, clock.now);
  });
  afterAll(() => closeTestDatabase(connection));

  test('one of many runs claiming at once gets the key; a completed key is never taken again', async () => {
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        keys.claim('digest:desk:2026-W48', `run-${i}`, ONCE_KEY_STALE_MS),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    const winner = `run-${claims.indexOf(true)}`;
    await keys.complete('digest:desk:2026-W48', winner);
    clock.advance(ONCE_KEY_STALE_MS * 10);
    expect(await keys.claim('digest:desk:2026-W48', 'later', ONCE_KEY_STALE_MS)).toBe(false);
  });

  test('a claim whose run died is taken over once it is stale, by one run only', async () => {
    expect(await keys.claim('rota:retail:t1', 'died', ONCE_KEY_STALE_MS)).toBe(true);
    // Still fresh: the claiming run may be posting right now.
    clock.advance(ONCE_KEY_STALE_MS - 1_000);
    expect(await keys.claim('rota:retail:t1', 'early', ONCE_KEY_STALE_MS)).toBe(false);
    clock.advance(2_000);
    const takeovers = await Promise.all(
      ['a', 'b', 'c'].map((run) => keys.claim('rota:retail:t1', run, ONCE_KEY_STALE_MS)),
    );
    expect(takeovers.filter(Boolean)).toHaveLength(1);
    // The dead run's late completion (it was not dead after all) changes nothing for it.
    await keys.complete('rota:retail:t1', 'died');
    const doc = await connection
      .db!.collection('onceKeys')
      .findOne({ _id: 'rota:retail:t1' as never });
    expect(doc?.done).toBe(false);
  });

  test('a released key is free at once; a completed one cannot be released', async () => {
    expect(await keys.claim('notice:c1', 'first', ONCE_KEY_STALE_MS)).toBe(true);
    await keys.release('notice:c1', 'first');
    expect(await keys.claim('notice:c1', 'retry', ONCE_KEY_STALE_MS)).toBe(true);
    await keys.complete('notice:c1', 'retry');
    await keys.release('notice:c1', 'retry');
    expect(await keys.claim('notice:c1', 'another', ONCE_KEY_STALE_MS)).toBe(false);
  });
});
