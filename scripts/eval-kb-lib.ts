/**
 * The knowledge-base evaluation: articles and customer-style questions from
 * test/fixtures/kb-eval, each question with the article that answers it. Shared by
 * `npm run eval:kb`, the floor test and the benchmark's engine comparison.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { ArticleDraft } from '../src/domain/kb/article.js';
import { parseArticleFile } from '../src/kb/markdown.js';

export const EVAL_DIR = new URL('../test/fixtures/kb-eval/', import.meta.url).pathname;

const questionsSchema = z.array(
  z.object({ article: z.string().min(1), question: z.string().min(1) }),
);
export type EvalQuestion = z.infer<typeof questionsSchema>[number];

export interface EvalSet {
  readonly articles: readonly ArticleDraft[];
  readonly questions: readonly EvalQuestion[];
}

/** The articles of an evaluation folder alone: a held-out corpus has no questions yet. */
export const loadArticles = async (dir = EVAL_DIR): Promise<ArticleDraft[]> => {
  const folder = join(dir, 'articles');
  const files = (await readdir(folder)).filter((name) => name.endsWith('.md')).sort();
  return Promise.all(
    files.map(async (file) => {
      const parsed = parseArticleFile(
        basename(file, '.md'),
        await readFile(join(folder, file), 'utf8'),
      );
      if (!parsed.ok) throw new Error(`${file}: ${parsed.problems.join('; ')}`);
      return parsed.article;
    }),
  );
};

export const loadEvalSet = async (dir = EVAL_DIR): Promise<EvalSet> => {
  const articles = await loadArticles(dir);
  const questions = questionsSchema.parse(
    parse(await readFile(join(dir, 'questions.yaml'), 'utf8')),
  );
  const slugs = new Set(articles.map((article) => article.slug));
  const orphan = questions.find((question) => !slugs.has(question.article));
  if (orphan) throw new Error(`question names an unknown article: ${orphan.article}`);
  return { articles, questions };
};

export interface EvalScores {
  readonly questions: number;
  readonly recallAt1: number;
  readonly recallAt3: number;
  readonly mrr: number;
  /** Questions whose article was not in the top 3, with what came first instead. */
  readonly misses: readonly { question: string; expected: string; got: readonly string[] }[];
}

/** Scores any engine that ranks slugs for a question (ours, or a baseline in the bench). */
export const evaluate = (
  questions: readonly EvalQuestion[],
  rank: (question: string) => readonly string[],
): EvalScores => {
  let at1 = 0;
  let at3 = 0;
  let reciprocal = 0;
  const misses: EvalScores['misses'][number][] = [];
  for (const { question, article } of questions) {
    const ranked = rank(question);
    const position = ranked.indexOf(article);
    if (position === 0) at1 += 1;
    if (position >= 0 && position < 3) at3 += 1;
    else misses.push({ question, expected: article, got: ranked.slice(0, 3) });
    if (position >= 0) reciprocal += 1 / (position + 1);
  }
  const n = questions.length;
  return { questions: n, recallAt1: at1 / n, recallAt3: at3 / n, mrr: reciprocal / n, misses };
};
