import MiniSearch from 'minisearch';
import { analyze } from '../../../src/kb/analyze.js';
import { BulkAdder } from '../../../src/kb/bulk-add.js';
import { internalsOf, type MiniSearchInternals } from '../../../src/kb/minisearch-internals.js';

interface Doc {
  readonly id: string;
  readonly title: string;
  readonly body?: string;
}

const FIELDS = ['title', 'body'];
const engine = () =>
  new MiniSearch<Doc>({
    fields: FIELDS,
    storeFields: [],
    tokenize: analyze,
    processTerm: (term) => term,
    autoVacuum: false,
  });
const textOf = (doc: Doc, field: string) => doc[field as 'title' | 'body'];

const WORDS = ['invoice', 'invoices', 'printer', 'the', 'till', 'export', 'ledger', 'sepa'];
const documents = (from: number, count: number, seed = 3): Doc[] => {
  let state = seed;
  const word = () => {
    state = (Math.imul(state, 48_271) + 11) % 2_147_483_647;
    return WORDS[state % WORDS.length]! + (state % 5 === 0 ? String(state % 7) : '');
  };
  return Array.from({ length: count }, (_, i) => ({
    id: `doc-${from + i}`,
    title: Array.from({ length: 1 + (i % 4) }, word).join(' '),
    ...(i % 6 === 5 ? {} : { body: Array.from({ length: i % 9 }, word).join(', ') }),
  }));
};

/** Everything search, discard and vacuum read, in a comparable form. */
const snapshot = (internals: MiniSearchInternals) => ({
  postings: [
    ...(internals._index as unknown as Iterable<[string, Map<number, Map<number, number>>]>),
  ]
    .map(([term, fields]) => [term, [...fields].map(([field, docs]) => [field, [...docs]])])
    .sort(([a], [b]) => String(a).localeCompare(String(b))),
  lengths: [...internals._fieldLength],
  averages: internals._avgFieldLength.map((average) => Number(average.toFixed(9))),
  count: internals._documentCount,
  ids: [...internals._idToShortId],
});

describe('BulkAdder', () => {
  it('writes the index MiniSearch’s own addAll writes, batch after batch', () => {
    const theirs = engine();
    const ours = engine();
    const adder = new BulkAdder(internalsOf(ours), FIELDS);
    for (const [from, count] of [
      [0, 1],
      [1, 40],
      [41, 300],
    ] as const) {
      theirs.addAll(documents(from, count));
      adder.addAll(documents(from, count), (doc) => doc.id, textOf);
    }
    expect(snapshot(internalsOf(ours))).toEqual(snapshot(internalsOf(theirs)));
    expect(ours.search('invoice printer', { fuzzy: 0.2 })).toEqual(
      theirs.search('invoice printer', { fuzzy: 0.2 }),
    );
  });

  it('leaves an index that MiniSearch can discard from, vacuum and add to again', async () => {
    const theirs = engine();
    const ours = engine();
    const adder = new BulkAdder(internalsOf(ours), FIELDS);
    theirs.addAll(documents(0, 50));
    adder.addAll(documents(0, 50), (doc) => doc.id, textOf);
    for (const index of [theirs, ours]) {
      for (let i = 0; i < 50; i += 3) index.discard(`doc-${i}`);
      await index.vacuum();
    }
    theirs.addAll(documents(0, 50, 9).filter((_, i) => i % 3 === 0));
    adder.addAll(
      documents(0, 50, 9).filter((_, i) => i % 3 === 0),
      (doc) => doc.id,
      textOf,
    );
    expect(snapshot(internalsOf(ours))).toEqual(snapshot(internalsOf(theirs)));
  });

  it('refuses an id already in the index, as MiniSearch does', () => {
    const ours = engine();
    const adder = new BulkAdder(internalsOf(ours), FIELDS);
    adder.addAll(documents(0, 2), (doc) => doc.id, textOf);
    expect(() => adder.addAll(documents(1, 1), (doc) => doc.id, textOf)).toThrow(
      'duplicate ID doc-1',
    );
  });
});
