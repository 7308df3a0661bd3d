/**
 * What every knowledge-base evidence store must do: run against the in-memory one (unit
 * project) and MongoKbEvidenceStore on the real server (integration project). Each test
 * uses its own article slugs, so the tests share one store.
 */
import type { EvidenceKind, EvidenceRecord } from '../../src/domain/kb/evidence.js';
import type { KbEvidenceStore } from '../../src/ports/kb-evidence-store.js';

export interface KbEvidenceSubject {
  readonly store: KbEvidenceStore;
  close(): Promise<void>;
}

const T0 = new Date('2026-12-02T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const record = (
  slug: string,
  caseId: string,
  kind: EvidenceKind,
  minutes: number,
): EvidenceRecord => ({
  key: `${caseId}|${slug}|${kind}`,
  slug,
  text: `How do I put an order on hold (${caseId})?`,
  kind,
  at: at(minutes),
});

const keysOf = (records: readonly EvidenceRecord[], slug: string) =>
  records
    .filter((r) => r.slug === slug)
    .map((r) => r.key)
    .sort();

export const describeKbEvidenceContract = (
  kind: string,
  open: () => Promise<KbEvidenceSubject>,
): void =>
  describe(`the knowledge-base evidence contract (${kind})`, () => {
    let subject: KbEvidenceSubject;
    let store: KbEvidenceStore;
    beforeAll(async () => {
      subject = await open();
      store = subject.store;
    });
    afterAll(() => subject.close());

    it('stores a record once per key and says whether this call stored it', async () => {
      const before = await store.revision();
      const first = record('hold-order', 'c1', 'solved', 0);
      expect(await store.record(first)).toBe(true);
      expect(await store.record({ ...first, at: at(5), text: 'a retry' })).toBe(false);
      expect(await store.revision()).toBe(before + 1);
      const stored = (await store.changedSince(at(-1))).filter((r) => r.slug === 'hold-order');
      expect(stored).toEqual([first]);
    });

    it('keeps the same case apart by kind: solved and declined are two records', async () => {
      expect(await store.record(record('reset-password', 'c2', 'declined', 0))).toBe(true);
      expect(await store.record(record('reset-password', 'c2', 'solved', 1))).toBe(true);
      expect(keysOf(await store.changedSince(at(-1)), 'reset-password')).toEqual([
        'c2|reset-password|declined',
        'c2|reset-password|solved',
      ]);
    });

    it('loads the newest few for and the newest few against each article, from a date on', async () => {
      for (let i = 0; i < 4; i += 1) await store.record(record('export-csv', `p${i}`, 'solved', i));
      for (let i = 0; i < 3; i += 1)
        await store.record(record('export-csv', `n${i}`, 'declined', i));
      await store.record(record('export-csv', 'old', 'cited', -600));
      const recent = await store.recent(2, at(-60));
      expect(keysOf(recent, 'export-csv')).toEqual([
        'n1|export-csv|declined',
        'n2|export-csv|declined',
        'p2|export-csv|solved',
        'p3|export-csv|solved',
      ]);
    });

    it('follows by time: a record made before `since` is not read again', async () => {
      await store.record(record('print-invoice', 'a', 'saved', 10));
      await store.record(record('print-invoice', 'b', 'cited', 20));
      expect(keysOf(await store.changedSince(at(15)), 'print-invoice')).toEqual([
        'b|print-invoice|cited',
      ]);
    });

    it('refuses a record that breaks the schema (text over the bound)', async () => {
      await expect(
        store.record({ ...record('too-long', 'c9', 'solved', 0), text: 'x'.repeat(601) }),
      ).rejects.toThrow();
      expect(keysOf(await store.changedSince(at(-1)), 'too-long')).toEqual([]);
    });
  });
