import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { CaseRepository } from '../ports/case-repository.js';
import type { Clock } from '../ports/clock.js';
import { MongoKbArticleStore } from '../store/kb/mongo-kb-article-store.js';
import { makeDraftArticleFromCase } from '../use-cases/draft-article-from-case.js';
import { makeGetKbArticle } from '../use-cases/get-kb-article.js';
import { makeListKbArticles } from '../use-cases/list-kb-articles.js';
import { makeReportRecurringProblems } from '../use-cases/report-recurring-problems.js';
import { makeSaveKbArticle } from '../use-cases/save-kb-article.js';
import { makeSearchKb } from '../use-cases/search-kb.js';
import { createCaseGrouper } from './case-grouper.js';
import { KbFollower } from './kb-follower.js';

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
}) => {
  const articles = new MongoKbArticleStore(options.connection);
  const follower = new KbFollower({ store: articles, log: options.log });
  return {
    articles,
    follower,
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
      reportRecurringProblems: makeReportRecurringProblems({
        cases: options.cases,
        knowledgeBase: follower,
        grouper: createCaseGrouper(),
        clock: options.clock,
      }),
    },
  };
};

export type KbCore = ReturnType<typeof composeKb>;
