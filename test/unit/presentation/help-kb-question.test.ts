import type { Article } from '../../../src/domain/kb/article.js';
import { fail, ok } from '../../../src/domain/result.js';
import { makeAnswerKbQuestion } from '../../../src/presentation/kb-answers.js';
import { CAROL } from '../../support/build-case.js';
import { articleDraft } from '../../support/kb-article.js';

const article = (slug: string, over: Partial<Article> = {}): Article => ({
  ...articleDraft({ slug, title: `About ${slug}` }),
  helpful: 0,
  notHelpful: 0,
  updatedAt: new Date('2026-11-23T09:00:00Z'),
  ...over,
});

const answerOver = (stored: readonly Article[], hits: readonly string[]) => {
  const asked: unknown[] = [];
  const answer = makeAnswerKbQuestion({
    searchKb: async (input) => {
      asked.push(input);
      return ok(hits.map((slug, i) => ({ slug, title: slug, score: 10 - i, confidence: 0.9 })));
    },
    getKbArticle: async (input) => {
      const found = stored.find((a) => a.slug === (input as { slug: string }).slug);
      return found ? ok(found) : fail('not-found', 'No such article.');
    },
  });
  return { answer, asked };
};

describe('kb QUESTION', () => {
  it('gives the best three articles in search order, as the asker, solutions cut short', async () => {
    const long = article('b', { solution: 'x'.repeat(2000) });
    const { answer, asked } = answerOver([article('a'), long, article('c')], ['c', 'b', 'a']);
    const found = await answer(CAROL, 'printer offline');
    expect(asked).toEqual([{ actor: CAROL, query: 'printer offline', limit: 3 }]);
    expect(found.ok && found.value.articles.map((a) => a.slug)).toEqual(['c', 'b', 'a']);
    expect(found.ok && found.value.articles[1]!.solution.length).toBeLessThanOrEqual(600);
    expect(found.ok && found.value.heading).toBe(
      'Knowledge base: 3 articles for “printer offline”',
    );
    expect(found.ok && found.value.none).toBeUndefined();
  });

  it('leaves out an article the asker can no longer read', async () => {
    const { answer } = answerOver([article('a')], ['gone', 'a']);
    const found = await answer(CAROL, 'printer');
    expect(found.ok && found.value.articles.map((a) => a.slug)).toEqual(['a']);
    expect(found.ok && found.value.heading).toBe('Knowledge base: 1 article for “printer”');
  });

  it('says what to do when nothing matches', async () => {
    const { answer } = answerOver([], []);
    const found = await answer(CAROL, 'zebra');
    expect(found.ok && [found.value.heading, found.value.none]).toEqual([
      'Knowledge base: no articles for “zebra”',
      'Try other words, or open a case with',
    ]);
  });
});
