/**
 * The Resolve form's "answered by a knowledge-base article" choice, for every chat: the
 * articles the case was offered at intake. Citing one remembers the customer's words for
 * it, so it is suggested for questions like this one.
 */
import type { CaseEvent } from '../domain/case/types.js';
import { latestKbMatches } from '../domain/kb/matches.js';
import type { ActionChoice } from './case-actions.js';

export const CITE_ARTICLE_LABEL = 'Answered by a knowledge-base article';
export const CITE_ARTICLE_HINT =
  'Optional. The knowledge base learns from it: the article is suggested for questions like this one.';

/** The articles an agent may cite when resolving: what the knowledge base found for it. */
export const citableArticles = (events: readonly CaseEvent[]): ActionChoice[] =>
  (latestKbMatches(events)?.articles ?? []).map((article) => ({
    value: article.slug,
    label: article.title,
  }));
