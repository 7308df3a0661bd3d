import { LEXICON } from './analyze.js';
import type { FieldPostings, MiniSearchInternals } from './minisearch-internals.js';

/**
 * Adds documents to a MiniSearch 7.2 index by writing the postings it would write, at a
 * fraction of the cost of `addAll` (measured at 50k generated articles: see README
 * "Knowledge base"). MiniSearch's own `add` does, per word occurrence, a stop-word check,
 * a stem lookup, a `Set` insert for the field length, a radix-tree walk and two Map
 * operations on the term's postings, touching a different Map at almost every word. Here:
 * - each word costs a probe of the lexicon's table (no string is made for a known word)
 *   and a typed-array count;
 * - each distinct term of a field appends one posting to flat typed arrays;
 * - at the end the postings are grouped by term and field (a counting sort) and each
 *   term's Map is filled in one go, which keeps the writes in cache.
 * Document ids, field lengths and their averages go through MiniSearch's own methods, so
 * `discard`, `vacuum` and search see the index MiniSearch would have built
 * (test/unit/kb/bulk-add.test.ts compares both, posting for posting).
 */
export class BulkAdder {
  private frequency = new Int32Array(4096);
  private stamp = new Int32Array(4096);
  private currentStamp = 0;
  private readonly touched: number[] = [];
  // Group number + 1 of each (term, field) in the current batch, at term * fields + field.
  private groupOf = new Int32Array(1 << 14);
  // The batch's postings: which (term, field) group, which document, how often.
  private postingGroup = new Int32Array(1 << 16);
  private postingDoc = new Int32Array(1 << 16);
  private postingFrequency = new Int32Array(1 << 16);

  constructor(
    private readonly internals: MiniSearchInternals,
    private readonly fields: readonly string[],
  ) {}

  addAll<T>(
    documents: Iterable<T>,
    idOf: (document: T) => string,
    textOf: (document: T, field: string) => string | undefined,
    /** Hears how many documents were read so far, after each one. */
    progress?: (read: number) => void,
  ): void {
    const internals = this.internals;
    const fieldIds = this.fields.map((field) => internals._fieldIds[field] ?? -1);
    LEXICON.bound(); // term numbers stay valid until the batch is written
    const fieldCount = fieldIds.length;
    const groupTerm: number[] = [];
    const groupField: number[] = [];
    let postings = 0;
    let read = 0;
    for (const document of documents) {
      const id = idOf(document);
      if (internals._idToShortId.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
      const shortId = internals.addDocumentId(id);
      for (let f = 0; f < fieldIds.length; f += 1) {
        const text = textOf(document, this.fields[f]!);
        if (text === undefined || text === null) continue;
        const distinct = this.count(text);
        internals.addFieldLength(shortId, fieldIds[f]!, internals._documentCount - 1, distinct);
        if (postings + distinct > this.postingDoc.length) this.growPostings(postings + distinct);
        for (let i = 0; i < distinct; i += 1) {
          const termId = this.touched[i]!;
          const key = termId * fieldCount + f;
          if (key >= this.groupOf.length) this.growGroups(key);
          let group = this.groupOf[key]! - 1;
          if (group < 0) {
            group = groupTerm.length;
            this.groupOf[key] = group + 1;
            groupTerm.push(termId);
            groupField.push(f);
          }
          this.postingGroup[postings] = group;
          this.postingDoc[postings] = shortId;
          this.postingFrequency[postings] = this.frequency[termId]!;
          postings += 1;
        }
      }
      progress?.((read += 1));
    }
    this.write(
      postings,
      groupTerm,
      groupField.map((f) => fieldIds[f]!),
    );
    for (let g = 0; g < groupTerm.length; g += 1)
      this.groupOf[groupTerm[g]! * fieldCount + groupField[g]!] = 0;
  }

  /** Counting sort by group, then one Map per (term, field) filled in document order. */
  private write(postings: number, groupTerm: readonly number[], groupField: readonly number[]) {
    const groups = groupTerm.length;
    const starts = new Int32Array(groups + 1);
    for (let p = 0; p < postings; p += 1) {
      const group = this.postingGroup[p]! + 1;
      starts[group] = starts[group]! + 1;
    }
    for (let g = 0; g < groups; g += 1) starts[g + 1] = starts[g + 1]! + starts[g]!;
    const next = starts.slice(0, groups);
    const order = new Int32Array(postings);
    for (let p = 0; p < postings; p += 1) {
      const group = this.postingGroup[p]!;
      order[next[group]!] = p;
      next[group] = next[group]! + 1;
    }
    const tree = this.internals._index;
    const terms = LEXICON.terms;
    // Groups are numbered in order of first occurrence: the tree gets its terms in the
    // order MiniSearch's add would insert them.
    const byTerm = new Map<number, FieldPostings>();
    for (let g = 0; g < groups; g += 1) {
      const termId = groupTerm[g]!;
      let postings = byTerm.get(termId);
      if (postings === undefined) {
        postings = tree.fetch(terms[termId]!, () => new Map());
        byTerm.set(termId, postings);
      }
      let docs = postings.get(groupField[g]!);
      if (docs === undefined) {
        docs = new Map();
        postings.set(groupField[g]!, docs);
      }
      for (let at = starts[g]!; at < starts[g + 1]!; at += 1) {
        const p = order[at]!;
        docs.set(this.postingDoc[p]!, this.postingFrequency[p]!);
      }
    }
  }

  /** Counts the terms of one field; `touched[0..n)` are the distinct term numbers. */
  private count(text: string): number {
    if (this.currentStamp === 0x7fffffff) {
      this.stamp.fill(0);
      this.currentStamp = 0;
    }
    const stampValue = ++this.currentStamp;
    const words = LEXICON.scan(text);
    const ids = LEXICON.ids;
    let distinct = 0;
    for (let i = 0; i < words; i += 1) {
      const termId = ids[i]!;
      if (termId >= this.stamp.length) this.growTerms(termId);
      if (this.stamp[termId] === stampValue) {
        this.frequency[termId] = this.frequency[termId]! + 1;
      } else {
        this.stamp[termId] = stampValue;
        this.frequency[termId] = 1;
        this.touched[distinct++] = termId;
      }
    }
    return distinct;
  }

  private growTerms(termId: number): void {
    const size = Math.max(termId + 1, this.stamp.length * 2);
    this.frequency = copyInto(new Int32Array(size), this.frequency);
    this.stamp = copyInto(new Int32Array(size), this.stamp);
  }

  private growGroups(key: number): void {
    this.groupOf = copyInto(
      new Int32Array(Math.max(key + 1, this.groupOf.length * 2)),
      this.groupOf,
    );
  }

  private growPostings(needed: number): void {
    const size = Math.max(needed, this.postingDoc.length * 2);
    this.postingGroup = copyInto(new Int32Array(size), this.postingGroup);
    this.postingDoc = copyInto(new Int32Array(size), this.postingDoc);
    this.postingFrequency = copyInto(new Int32Array(size), this.postingFrequency);
  }
}

const copyInto = (to: Int32Array<ArrayBuffer>, from: Int32Array): Int32Array<ArrayBuffer> => {
  to.set(from);
  return to;
};
