import { KbIndex } from '../../../src/kb/kb-index.js';
import { evaluate, loadEvalSet, type EvalSet } from '../../../scripts/eval-kb-lib.js';

/**
 * Floors measured with `npm run eval:kb` on test/fixtures/kb-eval (64 articles, 232
 * questions), a little below the measured figures so that a real regression fails:
 *   small KB (solution indexed):     recall@1 0.918, recall@3 0.948, MRR 0.935
 *   large KB (solution not indexed): recall@1 0.888, recall@3 0.940, MRR 0.915
 */
const rank = (index: KbIndex) => (question: string) =>
  index.search(question, { audience: 'staff', limit: 10 }).map((hit) => hit.slug);

describe('knowledge-base relevance on the evaluation set', () => {
  let set: EvalSet;
  beforeAll(async () => {
    set = await loadEvalSet();
  });

  it('has at least 60 articles and 150 questions, every article asked about', () => {
    expect(set.articles.length).toBeGreaterThanOrEqual(60);
    expect(set.questions.length).toBeGreaterThanOrEqual(150);
    const asked = new Set(set.questions.map((question) => question.article));
    expect(set.articles.filter((article) => !asked.has(article.slug))).toEqual([]);
  });

  it('meets the floors as a small knowledge base indexes it', () => {
    const index = new KbIndex({}, set.articles.length);
    index.upsert(set.articles);
    const scores = evaluate(set.questions, rank(index));
    expect(scores.recallAt1).toBeGreaterThanOrEqual(0.9);
    expect(scores.recallAt3).toBeGreaterThanOrEqual(0.94);
    expect(scores.mrr).toBeGreaterThanOrEqual(0.92);
  });

  it('meets the floors with the large-KB field set (no solution text)', () => {
    const index = new KbIndex({ solutionFieldMaxArticles: 0 }, set.articles.length);
    index.upsert(set.articles);
    const scores = evaluate(set.questions, rank(index));
    expect(scores.recallAt1).toBeGreaterThanOrEqual(0.87);
    expect(scores.recallAt3).toBeGreaterThanOrEqual(0.93);
    expect(scores.mrr).toBeGreaterThanOrEqual(0.9);
  });
});
