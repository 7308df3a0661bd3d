/**
 * "Save as KB article" pressed on a Teams agent card: the same use cases Slack's modal
 * calls. The press answers with the prefilled form; Save drafts again from the case (so
 * products, links and the case reference cannot be forged) and saves what the agent wrote.
 */
import type { Actor } from '../../src/domain/case/types.js';
import type { CardBuilder } from './cards.js';
import type { TeamsDeps } from './deps.js';
import { friendlyFailure } from './failures.js';
import { VERBS, type AdaptiveCard } from './render/card.js';
import { KB_ARTICLE_INPUTS, renderKbArticleForm } from './render/kb-article-card.js';

export const isKbArticleVerb = (verb: string): boolean =>
  verb === VERBS.saveKbArticle || verb === VERBS.saveKbArticleSave;

const text = (data: Record<string, unknown>, key: string): string =>
  typeof data[key] === 'string' ? data[key].trim() : '';

const keywordsOf = (raw: string): string[] =>
  raw
    .split(',')
    .map((keyword) => keyword.trim())
    .filter(Boolean);

/** The card that answers the press; undefined when there is no case to show this actor. */
export const answerKbArticle = async (
  deps: { readonly core: Pick<TeamsDeps, 'kb'>; readonly cards: CardBuilder },
  actor: Actor,
  verb: string,
  data: Record<string, unknown>,
  /** False for a repeated delivery of the same press: show, do not save again. */
  act: boolean,
): Promise<AdaptiveCard | undefined> => {
  const caseId = text(data, 'caseId');
  const caseCard = async (notice?: string) =>
    (await deps.cards.forActor(caseId, actor, notice))?.card;
  const kb = deps.core.kb.useCases;
  const draft = await kb.draftArticleFromCase({ ref: { caseId }, actor });
  if (!draft.ok) return caseCard(friendlyFailure(draft));
  if (verb === VERBS.saveKbArticle) return renderKbArticleForm(caseId, draft.value);
  if (!act) return caseCard();
  const i = KB_ARTICLE_INPUTS;
  const saved = await kb.saveKbArticle({
    actor,
    article: {
      ...draft.value,
      title: text(data, i.title),
      problem: text(data, i.problem),
      solution: text(data, i.solution),
      keywords: keywordsOf(text(data, i.keywords)),
      visibility: text(data, i.visibility) || undefined,
      status: text(data, i.status) || undefined,
    },
  });
  if (!saved.ok) return caseCard(friendlyFailure(saved));
  const { article, change } = saved.value;
  return caseCard(
    `KB article ${article.slug} ${change === 'unchanged' ? 'was already saved' : change} as ${article.status === 'published' ? 'published' : 'a draft'} (${article.visibility}).`,
  );
};
