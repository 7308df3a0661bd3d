import type { Connection } from 'mongoose';
import { pino } from 'pino';
import type { ArticleDraft } from '../../../src/domain/kb/article.js';
import { KbFollower } from '../../../src/kb/kb-follower.js';
import { MongoKbArticleStore } from '../../../src/store/kb/mongo-kb-article-store.js';
import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';

const draft = (overrides: Partial<ArticleDraft> = {}): ArticleDraft => ({
  slug: 'sepa-rejected',
  title: 'Bank rejects the SEPA payment file',
  problem: 'The bank portal refuses the XML file.',
  solution: 'Select the SEPA 2019 format and regenerate the file.',
  keywords: ['sepa'],
  products: [{ product: 'ledgerline-erp', versions: [] }],
  docLinks: [],
  visibility: 'public',
  status: 'published',
  ...overrides,
});

const log = pino({ level: 'silent' });
const T0 = new Date('2026-11-23T09:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

describe('MongoKbArticleStore and KbFollower', () => {
  let connection: Connection;
  let store: MongoKbArticleStore;

  beforeEach(async () => {
    connection = await connectTestDatabase('kb_store');
    store = new MongoKbArticleStore(connection);
  });
  afterEach(async () => closeTestDatabase(connection));

  it('saves by slug, leaves an identical save alone and keeps feedback counts on update', async () => {
    expect((await store.save(draft(), T0)).change).toBe('created');
    const revision = await store.revision();
    expect((await store.save(draft(), later(1_000))).change).toBe('unchanged');
    expect(await store.revision()).toBe(revision);
    await store.recordFeedback('sepa-rejected', true);
    await store.recordFeedback('sepa-rejected', false);
    const updated = await store.save(draft({ title: 'Bank refuses SEPA files' }), later(3_000));
    expect(updated.change).toBe('updated');
    expect(await store.get('sepa-rejected')).toMatchObject({
      title: 'Bank refuses SEPA files',
      helpful: 1,
      notHelpful: 1,
      updatedAt: later(3_000),
    });
    expect(await store.revision()).toBe(revision + 1);
    expect(await store.list()).toHaveLength(1);
  });

  it('returns undefined for feedback on an unknown article', async () => {
    expect(await store.recordFeedback('nope', true)).toBeUndefined();
  });

  it('lets a second replica follow changes by updatedAt, unpublishing included', async () => {
    await store.save(draft(), T0);
    const replicaA = new KbFollower({ store, log });
    const replicaB = new KbFollower({ store: new MongoKbArticleStore(connection), log });
    await replicaA.load();
    await replicaB.load();
    expect(replicaB.search('sepa file', { audience: 'customer' })).toHaveLength(1);

    // Replica A saves: its own index changes at once, B's after one poll.
    replicaA.applySaved(
      await store.save(draft({ slug: 'camt-import', title: 'camt.053 import fails' }), later(1)),
    );
    expect(replicaA.search('camt import', { audience: 'customer' })[0]?.slug).toBe('camt-import');
    expect(replicaB.search('camt import', { audience: 'customer' })).toEqual([]);
    expect(await replicaB.poll()).toBe(1);
    expect(replicaB.search('camt import', { audience: 'customer' })[0]?.slug).toBe('camt-import');

    // Nothing changed: the poll reads the revision only and applies nothing.
    expect(await replicaB.poll()).toBe(0);

    await store.save(draft({ status: 'draft' }), later(2));
    expect(await replicaB.poll()).toBe(1);
    expect(replicaB.search('sepa', { audience: 'staff' })).toEqual([]);
  });

  it('indexes only published articles at load', async () => {
    await store.save(draft(), T0);
    await store.save(draft({ slug: 'draft-one', title: 'Draft about SEPA', status: 'draft' }), T0);
    const follower = new KbFollower({ store, log });
    await follower.load();
    expect(follower.size).toBe(1);
  });
});
