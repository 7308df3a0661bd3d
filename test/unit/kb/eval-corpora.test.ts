import { existsSync } from 'node:fs';
import { loadArticles, loadEvalSet } from '../../../scripts/eval-kb-lib.js';
import type { ArticleDraft } from '../../../src/domain/kb/article.js';

const fixture = (name: string) => new URL(`../../fixtures/${name}/`, import.meta.url).pathname;
const DEV = fixture('kb-dev-python');
const HELD_OUT = fixture('kb-heldout-freebsd');

const expectWhole = (articles: readonly ArticleDraft[]) => {
  const empty = articles.filter(
    (article) => article.problem.trim() === '' || article.solution.trim() === '',
  );
  expect(empty.map((article) => article.slug)).toEqual([]);
  const unpublished = articles.filter(
    (article) => article.status !== 'published' || article.visibility !== 'public',
  );
  expect(unpublished.map((article) => article.slug)).toEqual([]);
};

describe('evaluation corpora', () => {
  it('the Python development set loads, with enough questions over enough articles', async () => {
    const { articles, questions } = await loadEvalSet(DEV);
    expect(articles.length).toBeGreaterThanOrEqual(120);
    expectWhole(articles);
    expect(questions.length).toBeGreaterThanOrEqual(100);
    expect(new Set(questions.map((question) => question.article)).size).toBeGreaterThanOrEqual(70);
  });

  it('the FreeBSD held-out set loads, with at least 80 questions and off-topic messages', async () => {
    const { articles, questions } = await loadEvalSet(HELD_OUT);
    expect(articles.length).toBeGreaterThanOrEqual(150);
    expectWhole(articles);
    expect(questions.length).toBeGreaterThanOrEqual(80);
    expect(new Set(questions.map((question) => question.article)).size).toBeGreaterThanOrEqual(70);
    expect(existsSync(`${HELD_OUT}off-topic.yaml`)).toBe(true);
  });

  it('every article links back to the FAQ entry it was made from', async () => {
    const dev = await loadArticles(DEV);
    const heldOut = await loadArticles(HELD_OUT);
    const unlinked = [
      ...dev.filter((a) => !a.docLinks[0]?.startsWith('https://docs.python.org/3/faq/')),
      ...heldOut.filter(
        (a) => !a.docLinks[0]?.startsWith('https://docs.freebsd.org/en/books/faq/#'),
      ),
    ];
    expect(unlinked.map((article) => article.slug)).toEqual([]);
  });
});
