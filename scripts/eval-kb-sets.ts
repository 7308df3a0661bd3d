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
import { visibleTo } from '../src/domain/kb/article.js';
import { KbIndex } from '../src/kb/kb-index.js';
import { MAX_SUGGESTIONS } from '../src/use-cases/suggest-kb-articles.js';
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
  readonly info: SetInfo;
  readonly index: KbIndex;
  readonly articles: number;
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
    const index = new KbIndex(tuning, set.articles.length);
    index.upsert(set.articles);
    loaded.push({
      info,
      index,
      articles: set.articles.length,
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
