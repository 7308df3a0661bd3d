/**
 * What the chat adapters may be given, by name: use cases and read-only directory lookups.
 * Each adapter picks the few it calls (SlackDeps, TeamsDeps, PlaygroundDeps) and the
 * composition root builds exactly those, so no adapter holds the core, a case repository
 * or a database connection.
 */
import type { CaseState } from '../../src/domain/case/types.js';
import type { SlaSummary } from '../../src/domain/sla/index.js';
import type { DirectoryRepository } from '../../src/ports/directory-repository.js';
import type { makeAnswerConversationPress } from '../../src/presentation/conversation.js';
import type { makeAcceptKbArticle } from '../../src/use-cases/accept-kb-article.js';
import type { makeAddInternalNote } from '../../src/use-cases/add-internal-note.js';
import type { makeAssignCase } from '../../src/use-cases/assign-case.js';
import type { makeClaimCase } from '../../src/use-cases/claim-case.js';
import type { makeCloseCase } from '../../src/use-cases/close-case.js';
import type { makeCompleteTask } from '../../src/use-cases/complete-task.js';
import type { makeCreateTask } from '../../src/use-cases/create-task.js';
import type { makeDeclineKbArticles } from '../../src/use-cases/decline-kb-articles.js';
import type { makeDraftArticleFromCase } from '../../src/use-cases/draft-article-from-case.js';
import type { makeExplainRefusal } from '../../src/use-cases/explain-refusal.js';
import type { makeGetAccessNotes } from '../../src/use-cases/get-access-notes.js';
import type { makeGetCase } from '../../src/use-cases/get-case.js';
import type { makeGetKbArticle } from '../../src/use-cases/get-kb-article.js';
import type { makeLinkIssue } from '../../src/use-cases/link-issue.js';
import type { makeListAvailability } from '../../src/use-cases/list-availability.js';
import type { makeListCases } from '../../src/use-cases/list-cases.js';
import type { makeListKbArticles } from '../../src/use-cases/list-kb-articles.js';
import type { makeLogTime } from '../../src/use-cases/log-time.js';
import type { makeMoveCaseToQueue } from '../../src/use-cases/move-case-to-queue.js';
import type { makeOpenCase } from '../../src/use-cases/open-case.js';
import type { makeReceiveChatMessage } from '../../src/use-cases/receive-chat-message.js';
import type { makeRegisterChatContact } from '../../src/use-cases/register-chat-contact.js';
import type { makeReopenCase } from '../../src/use-cases/reopen-case.js';
import type { makeReplyToCustomer } from '../../src/use-cases/reply-to-customer.js';
import type { makeResolveCase } from '../../src/use-cases/resolve-case.js';
import type { makeSaveKbArticle } from '../../src/use-cases/save-kb-article.js';
import type { makeSearchKb } from '../../src/use-cases/search-kb.js';
import type { makeSetAvailability } from '../../src/use-cases/set-availability.js';
import type { ShowRota } from '../../src/use-cases/rota/show-rota.js';
import type { makeSetCasePriority } from '../../src/use-cases/set-case-priority.js';
import type { makeSuggestKbArticles } from '../../src/use-cases/suggest-kb-articles.js';
import type { makeTransitionCase } from '../../src/use-cases/transition-case.js';

/** The case use cases, as the composition root wires them. */
export interface CaseUseCases {
  readonly openCase: ReturnType<typeof makeOpenCase>;
  readonly claimCase: ReturnType<typeof makeClaimCase>;
  readonly assignCase: ReturnType<typeof makeAssignCase>;
  readonly moveCaseToQueue: ReturnType<typeof makeMoveCaseToQueue>;
  readonly transitionCase: ReturnType<typeof makeTransitionCase>;
  readonly setCasePriority: ReturnType<typeof makeSetCasePriority>;
  readonly replyToCustomer: ReturnType<typeof makeReplyToCustomer>;
  readonly addInternalNote: ReturnType<typeof makeAddInternalNote>;
  readonly logTime: ReturnType<typeof makeLogTime>;
  readonly resolveCase: ReturnType<typeof makeResolveCase>;
  readonly closeCase: ReturnType<typeof makeCloseCase>;
  readonly reopenCase: ReturnType<typeof makeReopenCase>;
  readonly createTask: ReturnType<typeof makeCreateTask>;
  readonly completeTask: ReturnType<typeof makeCompleteTask>;
  readonly linkIssue: ReturnType<typeof makeLinkIssue>;
  readonly getCase: ReturnType<typeof makeGetCase>;
  readonly listCases: ReturnType<typeof makeListCases>;
  readonly getAccessNotes: ReturnType<typeof makeGetAccessNotes>;
  readonly explainRefusal: ReturnType<typeof makeExplainRefusal>;
  readonly setAvailability: ReturnType<typeof makeSetAvailability>;
  readonly listAvailability: ReturnType<typeof makeListAvailability>;
  readonly showRota: ShowRota;
}

export interface KbUseCases {
  readonly searchKb: ReturnType<typeof makeSearchKb>;
  readonly saveKbArticle: ReturnType<typeof makeSaveKbArticle>;
  readonly listKbArticles: ReturnType<typeof makeListKbArticles>;
  readonly getKbArticle: ReturnType<typeof makeGetKbArticle>;
  readonly draftArticleFromCase: ReturnType<typeof makeDraftArticleFromCase>;
  readonly suggestKbArticles: ReturnType<typeof makeSuggestKbArticles>;
  readonly acceptKbArticle: ReturnType<typeof makeAcceptKbArticle>;
  readonly declineKbArticles: ReturnType<typeof makeDeclineKbArticles>;
}

/**
 * The case use cases a chat calls. Slack and Teams offer the same cards and commands
 * (src/presentation decides them), so they call the same use cases: one list, not one per
 * chat that could drift.
 */
export const CHAT_USE_CASES = [
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
  'setAvailability',
  'listAvailability',
  'showRota',
] as const satisfies readonly (keyof CaseUseCases)[];

/** The knowledge-base use cases a chat calls. */
export const CHAT_KB_USE_CASES = [
  'searchKb',
  'getKbArticle',
  'suggestKbArticles',
  'acceptKbArticle',
  'declineKbArticles',
  'draftArticleFromCase',
  'saveKbArticle',
] as const satisfies readonly (keyof KbUseCases)[];

export type ChatUseCases = Pick<CaseUseCases, (typeof CHAT_USE_CASES)[number]>;
export type ChatKbUseCases = (typeof CHAT_KB_USE_CASES)[number];

/** The case whose requester is offered suggestions (as the customer may see it). */
export type SuggestionTarget = Pick<CaseState, 'id' | 'number' | 'origin' | 'contactId'>;

/** The knowledge base as a chat sees it: its use cases, and the suggestions it offers. */
export interface ChatKb<K extends keyof KbUseCases> {
  readonly useCases: Pick<KbUseCases, K>;
  /**
   * Adds a handler of the `kb-suggestions` effect, which the outbox carries out for each
   * new case with articles to offer its requester privately (throwing retries it).
   */
  onKbSuggestions(handler: (opened: SuggestionTarget) => Promise<void>): void;
}

/** The directory, read only: a chat adds a contact through `registerContact`. */
export const DIRECTORY_LOOKUPS = [
  'getOrganization',
  'findOrganizationByKey',
  'findOrganizationBySlackTeam',
  'findOrganizationByTeamsTenant',
  'listOrganizations',
  'getContact',
  'findContactByEmail',
  'findContactBySlackUser',
  'findContactByTeamsUser',
  'getAgent',
  'findAgentByEmail',
  'findAgentBySlackUser',
  'findAgentByTeamsUser',
  'listAgents',
  'listQueues',
  'findQueueByKey',
  'findProductByKey',
  'listProducts',
  'getInstallation',
  'listInstallations',
  'findInstallationBySupportKey',
  'getInstallationAccessNotes',
  'listContracts',
  'findContractBySupportKey',
] as const satisfies readonly (keyof DirectoryRepository)[];

export type DirectoryLookups = Pick<DirectoryRepository, (typeof DIRECTORY_LOOKUPS)[number]>;

/** What a written message becomes, and the presses its answers offer (both chats). */
export interface ConversationUseCases {
  readonly receiveMessage: ReturnType<typeof makeReceiveChatMessage>;
  readonly answerPress: ReturnType<typeof makeAnswerConversationPress>;
}

export type RegisterChatContact = ReturnType<typeof makeRegisterChatContact>;

/** A case's SLA clocks, for the cards; absent when no SLA is configured. */
export interface SlaLookups {
  /** From the case as staff see it (the whole state). */
  describe(state: CaseState): SlaSummary;
  /** From the stored case, for readers whose view lacks the clocks (customers). */
  ofCase(caseId: string): Promise<SlaSummary | undefined>;
}

/**
 * The named members of `source`, bound to it: what the composition root hands an adapter,
 * so it holds those functions and nothing else of the object.
 */
export const pick = <T extends object, K extends keyof T>(
  source: T,
  keys: readonly K[],
): Pick<T, K> =>
  Object.fromEntries(
    keys.map((key) => {
      const value = source[key];
      return [key, typeof value === 'function' ? value.bind(source) : value];
    }),
  ) as Pick<T, K>;
