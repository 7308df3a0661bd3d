import { analyze, parseQuery } from '../../../src/kb/analyze.js';
import { DEFAULT_TUNING, planQuery, type Vocabulary } from '../../../src/kb/query-plan.js';

/** A vocabulary from a term → document-frequency table. */
const vocabulary = (df: Record<string, number>, articleCount: number): Vocabulary => ({
  articleCount,
  documentFrequency: (term) => df[term] ?? 0,
  similar: (term, distance) =>
    Object.entries(df)
      .map(([known, count]) => ({ term: known, distance: editDistance(term, known), df: count }))
      .filter((match) => match.distance <= distance),
  completions: (prefix) =>
    Object.entries(df)
      .filter(([known]) => known.startsWith(prefix))
      .map(([known, count]) => ({ term: known, df: count })),
});

const editDistance = (a: string, b: string): number => {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
};

const plan = (query: string, df: Record<string, number>, articleCount = 100) =>
  planQuery(parseQuery(query), vocabulary(df, articleCount), DEFAULT_TUNING);

describe('analyze', () => {
  it('lower-cases, drops stop words and customer filler, stems', () => {
    // "not" stays: dropping it cost MRR on the evaluation set.
    expect(analyze('Hi team, the Invoices are NOT exporting!')).toEqual([
      'invoic',
      'not',
      'export',
    ]);
  });
});

describe('planQuery', () => {
  it('takes known words as written, without expansion', () => {
    expect(plan('invoice export ', { invoic: 5, export: 3, exporter: 1 })).toEqual([
      { term: 'invoic', weight: 1, source: 0, required: false, kind: 'exact' },
      { term: 'export', weight: 1, source: 1, required: false, kind: 'exact' },
    ]);
  });

  it('replaces an unknown word by its closest known words, the commonest first', () => {
    const terms = plan('invoce ', { invoic: 50, invok: 1 }).map((term) => term.term);
    expect(terms[0]).toBe('invoic');
  });

  it('completes the last word while it is being typed', () => {
    const terms = plan('invoice expo', { invoic: 5, export: 3 });
    expect(terms.map((term) => term.term)).toEqual(['invoic', 'export']);
    expect(terms[1]!.weight).toBeLessThan(1);
  });

  it('never expands words of a quoted phrase', () => {
    expect(plan('"invoce"', { invoic: 5 })).toEqual([
      { term: 'invoc', weight: 1, source: 0, required: true, kind: 'exact' },
    ]);
  });

  it('drops words found in most articles of a large index, keeping the rare ones', () => {
    const terms = plan('invoice dunning ', { invoic: 4_000, dun: 12 }, 5_000);
    expect(terms.map((term) => term.term)).toEqual(['dun']);
  });

  it('keeps every word in a small index', () => {
    const terms = plan('invoice dunning ', { invoic: 90, dun: 2 }, 100);
    expect(terms.map((term) => term.term)).toEqual(['invoic', 'dun']);
  });

  it('keeps the rarest common word when all of them are common', () => {
    const terms = plan('invoice export ', { invoic: 4_900, export: 3_000 }, 5_000);
    expect(terms.map((term) => term.term)).toEqual(['export']);
  });
});
