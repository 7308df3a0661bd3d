import type { CaseState } from '../domain/case/types.js';
import { MATCHED_MAX, type KbMatchReason, type KbMatches } from '../domain/kb/matches.js';
import type { KbHitReason, KnowledgeBase, SimilarCases } from '../ports/knowledge-base.js';
import { suggestionsFor } from './suggest-kb-articles.js';

const MAX_SIMILAR = 5;
const MATCHED_WORD_MAX = 100;

const boundedReason = (why: KbHitReason): KbMatchReason => ({
  matched: [...new Set(why.matched)]
    .slice(0, MATCHED_MAX)
    .map((word) => word.slice(0, MATCHED_WORD_MAX)),
  solvedSimilar: Math.max(0, Math.round(why.solvedSimilar)),
});

export type FindKbMatches = (opened: CaseState) => Promise<KbMatches>;

/**
 * At intake, before the case is written: the articles a customer would be offered and
 * the open or recent cases this one looks like ("Looks like CASE-1040 and 2 others"),
 * recorded in the intake's own insert so the first agent card shows them. Both come from
 * this replica's memory (the article index and `SimilarCases`), not from a query, so they
 * cost intake about a millisecond; recording them in a second write after the insert (as
 * before) cost a read and a version-checked update per case. Compares titles for similar
 * cases, so it stays cheap however long descriptions are.
 */
export const makeFindKbMatches =
  (deps: {
    readonly knowledgeBase: KnowledgeBase;
    readonly similarCases: SimilarCases;
    readonly minConfidence: number;
  }): FindKbMatches =>
  async (opened) => {
    const articles = suggestionsFor(deps.knowledgeBase, opened, deps.minConfidence);
    const similarCases = (await deps.similarCases.similarTo(opened)).slice(0, MAX_SIMILAR);
    return {
      articles: articles.map((hit) => ({
        slug: hit.slug,
        title: hit.title,
        ...(hit.why ? { why: boundedReason(hit.why) } : {}),
      })),
      similarCases,
    };
  };
