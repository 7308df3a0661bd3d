import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { CaseRepository } from '../ports/case-repository.js';
import type { Clock, IdGenerator } from '../ports/clock.js';
import type { Workflow } from '../domain/workflow/index.js';
import { MongoKbArticleStore } from '../store/kb/mongo-kb-article-store.js';
import { MongoKbEvidenceStore } from '../store/kb/mongo-kb-evidence-store.js';
import { makeRecordKbEvidence } from '../use-cases/shared/record-kb-evidence.js';
import { makeAcceptKbArticle } from '../use-cases/accept-kb-article.js';
import { makeDeclineKbArticles } from '../use-cases/decline-kb-articles.js';
import { makeDraftArticleFromCase } from '../use-cases/draft-article-from-case.js';
import { makeGetKbArticle } from '../use-cases/get-kb-article.js';
import { makeListKbArticles } from '../use-cases/list-kb-articles.js';
import { makeFindKbMatches } from '../use-cases/find-kb-matches.js';
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
  const evidence = new MongoKbEvidenceStore(options.connection);
  const follower = new KbFollower({
    store: articles,
    evidence,
    log: options.log,
    tuning: { solutionFieldMaxArticles: settings.solutionFieldMaxArticles },
  });
  const caseDeps = {
    cases: options.cases,
    clock: options.clock,
    newId: options.newId,
    workflow: options.workflow,
  };
  // Presses, resolves and saves record the customer's words for the article they were
  // about; this replica learns them at once, the others on their next poll.
  const recordEvidence = makeRecordKbEvidence({
    evidence,
    clock: options.clock,
    articles,
    onRecorded: (record) => follower.learn([record]),
    onFailed: (error, record) =>
      options.log.error(
        { err: error, key: record.key, slug: record.slug, kind: record.kind },
        'knowledge base: evidence not recorded',
      ),
  });
  const grouper = createCaseGrouper();
  const recentCases = new RecentCases({ cases: options.cases, clock: options.clock });
  // Intake writes these with the new case (see open-case.ts); the suggestions they find
  // reach the requester through the outbox (`kb-suggestions`), not from here.
  const findKbMatches = makeFindKbMatches({
    knowledgeBase: follower,
    similarCases: recentCases,
    minConfidence: settings.suggestionMinScore,
  });
  return {
    articles,
    evidence,
    follower,
    recentCases,
    findKbMatches,
    recordEvidence,
    useCases: {
      searchKb: makeSearchKb({ knowledgeBase: follower }),
      saveKbArticle: makeSaveKbArticle({
        articles,
        clock: options.clock,
        onSaved: (outcome) => follower.applySaved(outcome),
        cases: options.cases,
        recordEvidence,
      }),
      listKbArticles: makeListKbArticles({ articles }),
      getKbArticle: makeGetKbArticle({ articles }),
      draftArticleFromCase: makeDraftArticleFromCase({ cases: options.cases }),
      suggestKbArticles: makeSuggestKbArticles({
        cases: options.cases,
        knowledgeBase: follower,
        minConfidence: settings.suggestionMinScore,
      }),
      acceptKbArticle: makeAcceptKbArticle({ ...caseDeps, articles, recordEvidence }),
      declineKbArticles: makeDeclineKbArticles({
        cases: options.cases,
        articles,
        recordEvidence,
      }),
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
