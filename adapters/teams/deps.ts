/**
 * What the Teams adapter is given: the use cases its bot calls, the directory read only
 * and the SLA clocks for its cards. The composition root builds it from these lists.
 */
import type { Clock } from '../../src/ports/clock.js';
import type {
  CaseUseCases,
  ChatKb,
  DirectoryLookups,
  RegisterChatContact,
  SlaLookups,
} from '../shared/deps.js';

export const TEAMS_USE_CASES = [
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

export const TEAMS_KB_USE_CASES = [
  'searchKb',
  'getKbArticle',
  'suggestKbArticles',
  'acceptKbArticle',
  'declineKbArticles',
  'draftArticleFromCase',
  'saveKbArticle',
] as const;

export interface TeamsDeps {
  readonly useCases: Pick<CaseUseCases, (typeof TEAMS_USE_CASES)[number]>;
  readonly kb: ChatKb<(typeof TEAMS_KB_USE_CASES)[number]>;
  readonly directory: DirectoryLookups;
  /** Makes an unknown sender from a mapped tenant a contact of that organization. */
  readonly registerContact: RegisterChatContact;
  readonly sla?: SlaLookups | undefined;
  readonly clock: Clock;
}
