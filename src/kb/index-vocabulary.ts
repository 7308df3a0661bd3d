import type { FieldPostings, MiniSearchInternals } from './minisearch-internals.js';
import type { Vocabulary } from './query-plan.js';

/** Articles containing a term (in the field where it is most common). */
const frequency = (postings: FieldPostings | undefined): number => {
  if (!postings) return 0;
  let most = 0;
  for (const docs of postings.values()) most = Math.max(most, docs.size);
  return most;
};

/**
 * What the query planner may ask of an index: MiniSearch's radix tree of postings, and the
 * words learned from use (a word only customers used is known too, so it is planned).
 */
export const vocabularyOf = (
  internals: MiniSearchInternals,
  size: () => number,
  learnedFrequency: (term: string) => number,
): Vocabulary => {
  const tree = internals._index;
  return {
    get articleCount() {
      return size();
    },
    documentFrequency: (term) => frequency(tree.get(term)) || learnedFrequency(term),
    // Cheapest first: swapped neighbours (the commonest typo, two edits to Levenshtein) are
    // exact lookups; the radix tree's fuzzy walk, costly at two edits, runs only when
    // nothing closer was found.
    similar: (term, distance) => {
      const swaps: { term: string; distance: number; df: number }[] = [];
      for (let i = 0; i + 1 < term.length; i += 1) {
        const swapped = term.slice(0, i) + term.charAt(i + 1) + term.charAt(i) + term.slice(i + 2);
        const df = swapped === term ? 0 : frequency(tree.get(swapped));
        if (df > 0) swaps.push({ term: swapped, distance: 1, df });
      }
      if (swaps.length > 0) return swaps;
      for (let edits = 1; edits <= distance; edits += 1) {
        const found = [...tree.fuzzyGet(term, edits)]
          .filter(([match]) => match !== term)
          .map(([match, [postings, actual]]) => ({
            term: match,
            distance: actual,
            df: frequency(postings),
          }));
        if (found.length > 0) return found;
      }
      return [];
    },
    completions: (prefix, max) => {
      const found: { term: string; df: number }[] = [];
      for (const [term, postings] of tree.atPrefix(prefix)) {
        found.push({ term, df: frequency(postings) });
        if (found.length >= max) break;
      }
      return found;
    },
  };
};
