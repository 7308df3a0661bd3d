/**
 * What the Slack adapter is given: the use cases its listeners call, the directory read
 * only, and the clock. The composition root builds it from these lists.
 */
import type { Clock } from '../../src/ports/clock.js';
import type { CaseUseCases, ChatKb, DirectoryLookups } from '../shared/deps.js';

export const SLACK_USE_CASES = [
  'openCase',
  'claimCase',
  'assignCase',
  'moveCaseToQueue',
  'transitionCase',
  'setCasePriority',
  'replyToCustomer',
  'addInternalNote',
  'logTime',
  'resolveCase',
  'closeCase',
  'reopenCase',
  'createTask',
  'linkIssue',
  'getCase',
  'listCases',
  'explainRefusal',
] as const satisfies readonly (keyof CaseUseCases)[];

export const SLACK_KB_USE_CASES = [
  'searchKb',
  'getKbArticle',
  'suggestKbArticles',
  'acceptKbArticle',
  'declineKbArticles',
  'draftArticleFromCase',
  'saveKbArticle',
] as const;

export interface SlackDeps {
  readonly useCases: Pick<CaseUseCases, (typeof SLACK_USE_CASES)[number]>;
  readonly kb: ChatKb<(typeof SLACK_KB_USE_CASES)[number]>;
  readonly directory: DirectoryLookups;
  readonly clock: Clock;
}
