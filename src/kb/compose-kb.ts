import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { CaseRepository } from '../ports/case-repository.js';
import type { Clock, IdGenerator } from '../ports/clock.js';
import type { CaseState } from '../domain/case/types.js';
import type { Result } from '../domain/result.js';
import type { Workflow } from '../domain/workflow/index.js';
import { MongoKbArticleStore } from '../store/kb/mongo-kb-article-store.js';
import { makeAcceptKbArticle } from '../use-cases/accept-kb-article.js';
import { makeDeclineKbArticles } from '../use-cases/decline-kb-articles.js';
import { makeDraftArticleFromCase } from '../use-cases/draft-article-from-case.js';
import { makeGetKbArticle } from '../use-cases/get-kb-article.js';
import { makeListKbArticles } from '../use-cases/list-kb-articles.js';
import { makeRecordKbMatches } from '../use-cases/record-kb-matches.js';
import { makeReportRecurringProblems } from '../use-cases/report-recurring-problems.js';
import { makeSaveKbArticle } from '../use-cases/save-kb-article.js';
import { makeSearchKb } from '../use-cases/search-kb.js';
import { makeSuggestKbArticles } from '../use-cases/suggest-kb-articles.js';
import { createCaseGrouper } from './case-grouper.js';
import { KbFollower } from './kb-follower.js';
import { RecentCases } from './recent-cases.js';

/** The `kb` section of caseline.yaml (defaults in src/config.ts). */
export interface KbSettings {
  /**
   * Suggestions below this score are left out. Default 40, measured with
   * scripts/eval-kb-threshold.ts on the evaluation set (64 articles) plus 20 questions it
   * cannot answer: at 40 the top article is kept for 98% of questions where it is right,
   * 39% where it is wrong and 20% of the unanswerable ones. Scores grow with the number
   * of words matched and shrink as a word gets common, so revisit it for a much larger
   * knowledge base.
   */
  readonly suggestionMinScore: number;
  /** How often the follower looks for other replicas' changes (`follower.start`). */
  readonly followPollMs: number;
  /** See `KbTuning.solutionFieldMaxArticles`. */
  readonly solutionFieldMaxArticles: number;
}

/**
 * The knowledge base's part of the core: the article store, this replica's index (empty
 * until `follower.load()` — the server loads it at start, a CLI command only when it
 * searches) and the use cases on top.
 */
export const composeKb = (options: {
  readonly connection: Connection;
  readonly log: Pick<Logger, 'info' | 'error'>;
  readonly clock: Clock;
  readonly cases: CaseRepository;
  readonly newId: IdGenerator;
  readonly workflow: Workflow;
  readonly settings: KbSettings;
}) => {
  const settings = options.settings;
  const articles = new MongoKbArticleStore(options.connection);
  const follower = new KbFollower({
    store: articles,
    log: options.log,
    tuning: { solutionFieldMaxArticles: settings.solutionFieldMaxArticles },
  });
  const caseDeps = {
    cases: options.cases,
    clock: options.clock,
    newId: options.newId,
    workflow: options.workflow,
  };
  // Chat adapters subscribe to offer suggestions to the requester of each new case.
  const openedListeners: ((opened: CaseState) => Promise<void>)[] = [];
  const grouper = createCaseGrouper();
  const recentCases = new RecentCases({ cases: options.cases, clock: options.clock });
  const recordMatches = makeRecordKbMatches({
    ...caseDeps,
    knowledgeBase: follower,
    similarCases: recentCases,
    minScore: settings.suggestionMinScore,
  });
  /**
   * Wraps `openCase`: each newly created case (not a replayed intake) gets its KB matches
   * recorded before the caller sees it (so the first agent card already shows them), then
   * is announced to subscribers.
   */
  const announcingOpened =
    <R extends { readonly case: CaseState; readonly created: boolean }>(
      openCase: (input: unknown) => Promise<Result<R>>,
    ) =>
    async (input: unknown): Promise<Result<R>> => {
      const result = await openCase(input);
      if (!result.ok || !result.value.created) return result;
      const recorded = await recordMatches({ ref: { caseId: result.value.case.id } });
      if (!recorded.ok)
        options.log.error(
          { case: result.value.case.number, code: recorded.code },
          recorded.message,
        );
      const opened = recorded.ok ? recorded.value.case : result.value.case;
      for (const listener of openedListeners)
        listener(opened).catch((error: unknown) =>
          options.log.error({ err: error, case: opened.number }, 'KB suggestions failed'),
        );
      return { ok: true, value: { ...result.value, case: opened } };
    };
  return {
    articles,
    follower,
    recentCases,
    announcingOpened,
    onCaseOpened: (listener: (opened: CaseState) => Promise<void>) => {
      openedListeners.push(listener);
    },
    useCases: {
      searchKb: makeSearchKb({ knowledgeBase: follower }),
      saveKbArticle: makeSaveKbArticle({
        articles,
        clock: options.clock,
        onSaved: (outcome) => follower.applySaved(outcome),
      }),
      listKbArticles: makeListKbArticles({ articles }),
      getKbArticle: makeGetKbArticle({ articles }),
      draftArticleFromCase: makeDraftArticleFromCase({ cases: options.cases }),
      suggestKbArticles: makeSuggestKbArticles({
        cases: options.cases,
        knowledgeBase: follower,
        minScore: settings.suggestionMinScore,
      }),
      acceptKbArticle: makeAcceptKbArticle({ ...caseDeps, articles }),
      declineKbArticles: makeDeclineKbArticles({ cases: options.cases, articles }),
      reportRecurringProblems: makeReportRecurringProblems({
        cases: options.cases,
        knowledgeBase: follower,
        grouper,
        clock: options.clock,
      }),
    },
  };
};

export type KbCore = ReturnType<typeof composeKb>;
