/**
 * The evaluation sets and what is measured on each: ranking (recall@1, recall@3, MRR, as an
 * agent searches) and intake (what a customer is shown at a confidence threshold: the
 * right article among the shown ones, only wrong ones, nothing; and how often a message
 * the knowledge base cannot answer is shown anything). Shared by `npm run eval:kb`, the
 * confidence fit and the floor test.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { visibleTo, type ArticleDraft } from '../src/domain/kb/article.js';
import { KbIndex } from '../src/kb/kb-index.js';
import { MAX_SUGGESTIONS } from '../src/use-cases/suggest-kb-articles.js';
import { buildVocabulary, generateArticles, rng } from '../bench/kb-corpus.js';
import { evaluate, loadEvalSet, type EvalQuestion, type EvalScores } from './eval-kb-lib.js';

const FIXTURES = new URL('../test/fixtures/', import.meta.url).pathname;

export interface SetInfo {
  readonly name: string;
  readonly dir: string;
  /**
   * `tuning`: the configuration was chosen on it. `held-out`: its questions were written
   * after the configuration was frozen; nothing may be tuned on it.
   */
  readonly role: 'tuning' | 'held-out';
}

export const EVAL_SETS: readonly SetInfo[] = [
  { name: 'ledgerline (our own, 64 articles)', dir: join(FIXTURES, 'kb-eval'), role: 'tuning' },
  { name: 'python-faq (development)', dir: join(FIXTURES, 'kb-dev-python'), role: 'tuning' },
  { name: 'freebsd-faq (held out)', dir: join(FIXTURES, 'kb-heldout-freebsd'), role: 'held-out' },
];

export interface LoadedSet {
  /** Builds a fresh index of the set's articles (for runs that change what it learned). */
  readonly fresh: () => KbIndex;
  readonly info: SetInfo;
  readonly index: KbIndex;
  readonly articles: number;
  readonly drafts: readonly ArticleDraft[];
  readonly questions: readonly EvalQuestion[];
  /** The questions whose article a customer may be shown (intake is measured on these). */
  readonly customerQuestions: readonly EvalQuestion[];
  readonly offTopic: readonly string[];
}

/** The sets whose questions exist yet, each with its index built. */
export const loadSets = async (roles?: readonly SetInfo['role'][]): Promise<LoadedSet[]> => {
  const loaded: LoadedSet[] = [];
  for (const info of EVAL_SETS) {
    if (roles && !roles.includes(info.role)) continue;
    if (!existsSync(join(info.dir, 'questions.yaml'))) continue;
    const set = await loadEvalSet(info.dir);
    // KB_TUNING='{"fuzzyWeight":0.5}' tries other settings (on tuning sets only).
    const tuning = process.env.KB_TUNING ? (JSON.parse(process.env.KB_TUNING) as object) : {};
    const fresh = () => {
      const built = new KbIndex(tuning, set.articles.length);
      built.upsert(set.articles);
      return built;
    };
    loaded.push({
      info,
      fresh,
      index: fresh(),
      articles: set.articles.length,
      drafts: set.articles,
      questions: set.questions,
      customerQuestions: set.questions.filter((question) =>
        set.articles.some(
          (article) => article.slug === question.article && visibleTo(article, 'customer'),
        ),
      ),
      offTopic: await loadOffTopic(info.dir),
    });
  }
  return loaded;
};

const offTopicSchema = z.array(z.string().min(1));

const loadOffTopic = async (dir: string): Promise<string[]> => {
  const path = join(dir, 'off-topic.yaml');
  if (!existsSync(path)) return [];
  return offTopicSchema.parse(parse(await readFile(path, 'utf8')));
};

export interface IntakeScores {
  readonly rightShown: number;
  readonly onlyWrongShown: number;
  readonly nothingShown: number;
  /** Off-topic messages shown any article (NaN when the set has none). */
  readonly offTopicShown: number;
}

export const ranking = (set: LoadedSet): EvalScores =>
  evaluate(set.questions, (question) =>
    set.index.search(question, { audience: 'staff', limit: 10 }).map((hit) => hit.slug),
  );

/** What a customer is shown at intake, at `minConfidence`. */
export const intake = (set: LoadedSet, minConfidence: number): IntakeScores => {
  const shown = (question: string) =>
    set.index
      .search(question, { audience: 'customer', limit: MAX_SUGGESTIONS, minConfidence })
      .map((hit) => hit.slug);
  let right = 0;
  let onlyWrong = 0;
  let nothing = 0;
  for (const { question, article } of set.customerQuestions) {
    const slugs = shown(question);
    if (slugs.includes(article)) right += 1;
    else if (slugs.length > 0) onlyWrong += 1;
    else nothing += 1;
  }
  const n = set.customerQuestions.length;
  const offTopic = set.offTopic.filter((question) => shown(question).length > 0).length;
  return {
    rightShown: right / n,
    onlyWrongShown: onlyWrong / n,
    nothingShown: nothing / n,
    offTopicShown: set.offTopic.length > 0 ? offTopic / set.offTopic.length : Number.NaN,
  };
};

/**
 * Learning from use, measured: the questions in two halves; an index that learned one half
 * as solved by its article ("This solved it") is asked the other half, and the other way
 * round. Ranking and intake over both halves.
 */
export const afterLearning = (
  set: LoadedSet,
  minConfidence: number,
): { ranking: EvalScores; intake: IntakeScores } => {
  const halves = [0, 1].map((half) => set.questions.filter((_, i) => i % 2 === half));
  const now = new Date();
  const learned = halves.map((taught, half) => {
    const index = set.fresh();
    index.learn(
      taught.map(({ question, article }, i) => ({
        key: `eval-${half}-${i}|${article}|solved`,
        slug: article,
        text: question,
        kind: 'solved' as const,
        at: now,
      })),
      now,
    );
    return { ...set, index };
  });
  const asked = (half: number): LoadedSet => {
    const other = halves[1 - half] ?? [];
    const visible = new Set(set.customerQuestions);
    return {
      ...learned[half]!,
      questions: other,
      customerQuestions: other.filter((question) => visible.has(question)),
    };
  };
  const [a, b] = [asked(0), asked(1)];
  const combine = <T extends object>(x: T, y: T, nx: number, ny: number): T =>
    Object.fromEntries(
      Object.entries(x).map(([key, value]) => [
        key,
        typeof value === 'number'
          ? (value * nx + (y as Record<string, number>)[key]! * ny) / (nx + ny)
          : value,
      ]),
    ) as T;
  return {
    ranking: combine(ranking(a), ranking(b), a.questions.length, b.questions.length),
    intake: combine(
      intake(a, minConfidence),
      intake(b, minConfidence),
      a.customerQuestions.length,
      b.customerQuestions.length,
    ),
  };
};

/**
 * Whether the confidence means what it says: the hits an intake would show (up to three
 * per question, none filtered), by confidence bucket, with the share that were right.
 */
export const calibration = (set: LoadedSet): { from: number; hits: number; right: number }[] => {
  const buckets = [0, 0.2, 0.4, 0.6, 0.8].map((from) => ({ from, hits: 0, right: 0 }));
  const add = (question: string, article: string | undefined) => {
    for (const hit of set.index.search(question, {
      audience: 'customer',
      limit: MAX_SUGGESTIONS,
    })) {
      const bucket = buckets[Math.min(4, Math.floor(hit.confidence * 5))]!;
      bucket.hits += 1;
      if (hit.slug === article) bucket.right += 1;
    }
  };
  for (const { question, article } of set.customerQuestions) add(question, article);
  for (const question of set.offTopic) add(question, undefined);
  return buckets;
};

/**
 * The same set inside a knowledge base `size` articles larger (generated articles, as the
 * benchmark makes them, from the set's own words): one confidence threshold must mean the
 * same on a 60-article and a 50,000-article knowledge base.
 */
export const embedded = (set: LoadedSet, size: number): LoadedSet => {
  const vocabulary = buildVocabulary(
    set.drafts.flatMap((a) => [a.title, a.problem, a.solution, ...a.keywords]),
    30_000,
    rng(7),
  );
  const articles = [...set.drafts, ...generateArticles(size, vocabulary)];
  const fresh = () => {
    const built = new KbIndex({}, articles.length);
    built.upsert(articles);
    return built;
  };
  return { ...set, fresh, index: fresh(), articles: articles.length };
};
