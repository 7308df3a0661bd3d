/**
 * The customer's private KB suggestions at intake, as every chat adapter offers them: who
 * asked, which articles the knowledge base suggests for their case, and the words around
 * them. Each adapter decides how to show them to the requester alone.
 */
import type { DirectoryLookups, KbUseCases } from './deps.js';
import type { Actor, CaseState } from '../../src/domain/case/types.js';
import type { Contact } from '../../src/domain/directory.js';
import type { Article } from '../../src/domain/kb/article.js';
import { customerActor } from './actors.js';

type CustomerActor = Actor & { readonly kind: 'customer' };

/** The contact who opened the case, as the actor the suggestions are for. */
export const requesterOf = async (
  directory: Pick<DirectoryLookups, 'getContact'>,
  opened: Pick<CaseState, 'contactId'>,
): Promise<{ contact: Contact; actor: CustomerActor } | undefined> => {
  const contact = await directory.getContact(opened.contactId);
  return contact ? { contact, actor: customerActor(contact) as CustomerActor } : undefined;
};

/** Full articles for slugs, as this actor may read them (unknown or hidden ones left out). */
export const articlesFor = async (
  kb: Pick<KbUseCases, 'getKbArticle'>,
  actor: Actor,
  slugs: readonly string[],
): Promise<Article[]> => {
  const articles: Article[] = [];
  for (const slug of slugs) {
    const found = await kb.getKbArticle({ actor, slug });
    if (found.ok) articles.push(found.value);
  }
  return articles;
};

/** Up to three articles the knowledge base suggests to the requester for this case. */
export const suggestedArticles = async (
  kb: Pick<KbUseCases, 'suggestKbArticles' | 'getKbArticle'>,
  caseId: string,
  actor: CustomerActor,
): Promise<Article[]> => {
  const suggested = await kb.suggestKbArticles({ ref: { caseId }, actor });
  if (!suggested.ok || suggested.value.length === 0) return [];
  return articlesFor(
    kb,
    actor,
    suggested.value.map((hit) => hit.slug),
  );
};

/** The heading above the suggestions. */
export const suggestionsHeading = (caseNumber: string, count: number): string =>
  `While you wait for ${caseNumber}: ${count === 1 ? 'this article' : 'these articles'} may solve it.`;

export const KB_SOLVED_LABEL = 'This solved it';
export const KB_NEED_HELP_LABEL = 'Still need help';

/** After "This solved it". */
export const kbSolvedThanks = (caseNumber: string): string =>
  `Glad it helped: ${caseNumber} is solved. Reopen it any time if the problem comes back.`;

/** After "Still need help". */
export const KB_NEED_HELP_THANKS = 'Thanks for telling us. An agent will pick up your case.';
