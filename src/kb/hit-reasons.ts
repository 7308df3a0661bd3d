import type { ParsedQuery } from './analyze.js';
import { writtenWords } from './analyze.js';
import { rankFeatures, type HitFeatures } from './confidence.js';
import type { LearnedEvidence } from './learned-evidence.js';
import type { QueryInformation } from './query-information.js';
import type { PlannedTerm } from './query-plan.js';

export interface RankedHit {
  readonly slug: string;
  readonly title: string;
  readonly score: number;
  readonly features: HitFeatures;
  /** The question's words, as written, that the article matched. */
  readonly matched: readonly string[];
  /** Solved questions held for the article that share words with this one. */
  readonly solvedSimilar: number;
}

/** A solved question is "similar" when it shares this many of the question's terms. */
const SIMILAR_SHARED = 2;

/**
 * What the confidence of each ranked hit is computed from, and why it matched: the
 * question's words it holds (in its text or in the words of customers it solved) and how
 * many similar questions it solved. `ranked` holds one hit more than `limit`: the last
 * shown hit's lead over the next is a feature.
 */
export const describeHits = (input: {
  readonly query: string;
  readonly parsed: ParsedQuery;
  readonly terms: readonly PlannedTerm[];
  readonly ranked: readonly {
    readonly slug: string;
    readonly title: string;
    readonly shortId: number;
    readonly score: number;
  }[];
  readonly limit: number;
  readonly information: QueryInformation;
  /** Whether the article holds the term (`strong`: in its title or keywords). */
  readonly holds: (term: string, shortId: number, strong: boolean) => boolean;
  readonly learned: LearnedEvidence;
}): RankedHit[] => {
  const { parsed, terms, information, holds, learned } = input;
  const shown = input.ranked.slice(0, input.limit);
  const learnedFor = (term: string, slug: string) => (learned.postings(term)?.get(slug) ?? 0) > 0;
  const features = rankFeatures(
    input.ranked.map((hit) => hit.score),
    shown.map(({ slug, shortId }) => ({
      evidence: information.measure((term) => holds(term, shortId, false) || learnedFor(term, slug))
        .evidence,
      titleCoverage: information.measure((term) => holds(term, shortId, true)).coverage,
    })),
  );
  const written = writtenWords(input.query);
  const asked = new Set(terms.map((term) => term.term));
  return shown.map(({ slug, title, shortId, score }, k) => {
    const matched = new Set<string>();
    for (const term of terms)
      if (holds(term.term, shortId, false) || learnedFor(term.term, slug)) {
        const word = parsed.terms[term.source];
        if (word !== undefined) matched.add(written.get(word) ?? word);
      }
    return {
      slug,
      title,
      score,
      features: features[k]!,
      matched: [...matched],
      solvedSimilar: learned.size > 0 ? learned.solvedWith(slug, asked, SIMILAR_SHARED) : 0,
    };
  });
};
