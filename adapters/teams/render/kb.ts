/**
 * The customer's KB suggestions at intake: up to three articles, each with "This solved
 * it", and one "Still need help". In a personal chat the card itself carries them; in a
 * channel or group chat everyone gets a placeholder and only the requester, through the
 * card's user-specific view (`refresh.userIds`), gets the articles.
 */
import type { Article } from '../../../src/domain/kb/article.js';
import {
  KB_NEED_HELP_LABEL,
  KB_SOLVED_LABEL,
  suggestionsHeading,
} from '../../shared/kb-suggestions.js';
import {
  card,
  escapeCardText,
  execute,
  refreshFor,
  textBlock,
  VERBS,
  type AdaptiveCard,
  type CardElement,
} from './card.js';

const SNIPPET = 600;

export interface KbSuggestionsInput {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly articles: readonly Pick<Article, 'slug' | 'title' | 'solution' | 'docLinks'>[];
  /** Set in shared conversations: the requester's Teams user id, who alone gets this view. */
  readonly requesterUserId?: string;
}

const articleBlock = (
  caseId: string,
  article: KbSuggestionsInput['articles'][number],
): CardElement[] => [
  textBlock(escapeCardText(article.title, 200), { weight: 'Bolder', separator: true }),
  textBlock(escapeCardText(article.solution, SNIPPET)),
  ...article.docLinks
    .slice(0, 2)
    .map((link) => textBlock(`[Documentation](${encodeURI(link)})`, { spacing: 'None' })),
  {
    type: 'ActionSet',
    actions: [
      execute(
        KB_SOLVED_LABEL,
        VERBS.kbSolved,
        { caseId, slug: article.slug },
        { style: 'positive' },
      ),
    ],
  },
];

const privately = (input: Pick<KbSuggestionsInput, 'caseId' | 'requesterUserId'>) =>
  input.requesterUserId ? refreshFor(input.caseId, 'kb', [input.requesterUserId]) : undefined;

/** The requester's view: the articles and the two answers. */
export const renderKbSuggestions = (input: KbSuggestionsInput): AdaptiveCard =>
  card(
    [
      textBlock(escapeCardText(suggestionsHeading(input.caseNumber, input.articles.length)), {
        weight: 'Bolder',
      }),
      ...input.articles.flatMap((article) => articleBlock(input.caseId, article)),
    ],
    [
      execute(KB_NEED_HELP_LABEL, VERBS.kbNeedHelp, {
        caseId: input.caseId,
        slugs: input.articles.map((a) => a.slug).join(','),
      }),
    ],
    privately(input),
  );

/** What everyone else in a shared conversation sees: no article, no button. */
export const renderKbPlaceholder = (input: {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly requesterName: string;
  readonly requesterUserId: string;
}): AdaptiveCard =>
  card(
    [
      textBlock(
        `Articles that may solve ${escapeCardText(input.caseNumber)} were suggested to ${escapeCardText(input.requesterName, 120)}; only they see them.`,
        { isSubtle: true },
      ),
    ],
    [],
    privately(input),
  );

/** After an answer: what happened, with no buttons left to press. */
export const renderKbAnswered = (
  text: string,
  input?: Pick<KbSuggestionsInput, 'caseId' | 'requesterUserId'>,
): AdaptiveCard =>
  card([textBlock(escapeCardText(text))], [], input ? privately(input) : undefined);
