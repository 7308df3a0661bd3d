import type MiniSearch from 'minisearch';

/**
 * The parts of a MiniSearch 7.2 index we use directly. MiniSearch maintains them (the
 * radix tree of postings that answers typo and prefix lookups, field lengths, discard and
 * vacuum). We read them to score with typed arrays instead of one result object per
 * matching article — at 50k articles a query whose words occur in most articles allocated
 * tens of thousands of objects and took 200–350 ms — and write postings in bulk
 * (bulk-add.ts), which `addAll` did several times slower. Pinned version; `internalsOf`
 * throws, and test/unit/kb/bulk-add.test.ts fails, if the shapes change.
 */
export type FieldPostings = Map<number, Map<number, number>>;

export interface TermTree {
  get(term: string): FieldPostings | undefined;
  fetch(term: string, initial: () => FieldPostings): FieldPostings;
  fuzzyGet(term: string, distance: number): Map<string, [FieldPostings, number]>;
  atPrefix(prefix: string): Iterable<[string, FieldPostings]>;
}

export interface MiniSearchInternals {
  readonly _index: TermTree;
  readonly _fieldIds: Readonly<Record<string, number>>;
  readonly _fieldLength: Map<number, number[]>;
  readonly _avgFieldLength: number[];
  readonly _documentCount: number;
  readonly _idToShortId: Map<string, number>;
  readonly _nextId: number;
  /** Registers a document id; returns its short id. */
  addDocumentId(id: string): number;
  /** Records a field's length and updates that field's average (`count`: documents before). */
  addFieldLength(shortId: number, fieldId: number, count: number, length: number): void;
}

export const internalsOf = <T>(engine: MiniSearch<T>): MiniSearchInternals => {
  const internals = engine as unknown as Partial<MiniSearchInternals>;
  if (
    !internals._index ||
    !internals._fieldIds ||
    !(internals._fieldLength instanceof Map) ||
    !Array.isArray(internals._avgFieldLength) ||
    !(internals._idToShortId instanceof Map) ||
    typeof internals._index.fetch !== 'function' ||
    typeof internals.addDocumentId !== 'function' ||
    typeof internals.addFieldLength !== 'function'
  )
    throw new Error('minisearch internals changed: the KB index needs minisearch 7.2');
  return engine as unknown as MiniSearchInternals;
};
