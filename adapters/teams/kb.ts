/**
 * The customer's private KB suggestions in Teams. Right after a case opens from Teams the
 * requester gets up to three articles: in their personal chat with the bot the card holds
 * them; in a channel or group chat everyone gets a placeholder card whose user-specific
 * view (`refresh.userIds` = the requester) is the only one with the articles. "This solved
 * it" and "Still need help" run the same use cases as Slack; the answer is kept so a second
 * press, or a stale card, changes nothing.
 */
import type { Logger } from 'pino';
import type { TeamsDeps } from './deps.js';
import type { Actor, CaseState } from '../../src/domain/case/types.js';
import { fail, ok, type Result } from '../../src/domain/result.js';
import {
  articlesFor,
  KB_NEED_HELP_THANKS,
  kbSolvedThanks,
  requesterOf,
  suggestedArticles,
  suggestionsHeading,
} from '../shared/kb-suggestions.js';
import type { KbOffer, TeamsConversationStore } from './conversation-store.js';
import { teamsConversationOf } from './identity.js';
import type { WithConversations } from './proactive.js';
import { attachment, VERBS, type AdaptiveCard } from './render/card.js';
import { renderKbAnswered, renderKbPlaceholder, renderKbSuggestions } from './render/kb.js';

export interface TeamsKbDeps {
  readonly core: Pick<TeamsDeps, 'directory' | 'kb'>;
  readonly store: TeamsConversationStore;
  readonly withConversations: WithConversations;
  readonly log: Pick<Logger, 'warn'>;
}

export const isKbVerb = (verb: string, data: Record<string, unknown>): boolean =>
  verb === VERBS.kbSolved ||
  verb === VERBS.kbNeedHelp ||
  (verb === VERBS.refresh && data.card === 'kb');

const field = (data: Record<string, unknown>, key: string): string =>
  typeof data[key] === 'string' ? data[key].trim() : '';

export const createTeamsKb = (deps: TeamsKbDeps) => {
  const { core, store } = deps;

  const userSpecific = (offer: KbOffer) =>
    offer.private === 'user-specific-view'
      ? { requesterUserId: offer.teamsUserId }
      : ({} as { requesterUserId?: string });

  /** The card as this actor should see it now: the requester's view, or the placeholder. */
  const view = async (caseId: string, offer: KbOffer, actor: Actor): Promise<AdaptiveCard> => {
    const privacy = { caseId, ...userSpecific(offer) };
    const mine = actor.kind === 'customer' && actor.contactId === offer.contactId;
    if (!mine)
      return renderKbPlaceholder({
        caseId,
        caseNumber: offer.caseNumber,
        requesterName: offer.requesterName,
        requesterUserId: offer.teamsUserId,
      });
    if (offer.answer === 'solved')
      return renderKbAnswered(kbSolvedThanks(offer.caseNumber), privacy);
    if (offer.answer === 'need-help') return renderKbAnswered(KB_NEED_HELP_THANKS, privacy);
    const articles = await articlesFor(core.kb.useCases, actor, offer.slugs);
    return renderKbSuggestions({
      caseId,
      caseNumber: offer.caseNumber,
      articles,
      ...userSpecific(offer),
    });
  };

  /** The `kb-suggestions` effect of a case opened from Teams: offers the articles, if any. */
  const offer = async (
    opened: Pick<CaseState, 'id' | 'number' | 'origin' | 'contactId'>,
  ): Promise<void> => {
    const base = teamsConversationOf(opened.origin.address);
    if (opened.origin.channel !== 'teams' || !base) return;
    const requester = await requesterOf(core.directory, opened);
    // Without their Teams user id (learned when they wrote) no one can be shown privately.
    const user = requester ? await store.contactUser(requester.contact.id) : undefined;
    const reference = await store.findReference(base);
    if (!requester || !user || !reference) return;
    const articles = await suggestedArticles(core.kb.useCases, opened.id, requester.actor);
    if (articles.length === 0) return;
    const type = reference.conversation?.conversationType;
    const conversationId =
      type === 'channel' && opened.origin.messageId
        ? `${base};messageid=${opened.origin.messageId}`
        : base;
    const offered: KbOffer = {
      caseNumber: opened.number,
      contactId: requester.contact.id,
      requesterName: requester.contact.name,
      teamsUserId: user.teamsUserId,
      slugs: articles.map((a) => a.slug),
      conversationId,
      messageId: '',
      private: type === 'personal' ? 'personal-chat' : 'user-specific-view',
    };
    // Saved before it is shown, so a press that comes back at once finds it.
    await store.saveKbOffer(opened.id, offered);
    // The message everyone in the conversation gets: in a personal chat that is the requester.
    const content = await view(
      opened.id,
      offered,
      offered.private === 'personal-chat' ? requester.actor : { kind: 'system', name: 'Caseline' },
    );
    const sent = await deps.withConversations(reference, (c) =>
      c.sendToConversation(conversationId, {
        type: 'message',
        summary: suggestionsHeading(opened.number, articles.length),
        attachments: [attachment(content)],
      }),
    );
    await store.saveKbOffer(opened.id, { ...offered, messageId: sent.id ?? '' });
  };

  const answer = async (
    verb: string,
    actor: Actor,
    caseId: string,
    offered: KbOffer,
    data: Record<string, unknown>,
  ): Promise<Result<unknown>> => {
    if (offered.answer) return ok(undefined); // answered before: nothing changes
    const result =
      verb === VERBS.kbSolved
        ? await core.kb.useCases.acceptKbArticle({
            ref: { caseId },
            actor,
            slug: field(data, 'slug'),
          })
        : await core.kb.useCases.declineKbArticles({
            ref: { caseId },
            actor,
            slugs: field(data, 'slugs').split(',').filter(Boolean),
          });
    if (!result.ok) return result;
    await store.answerKbOffer(caseId, verb === VERBS.kbSolved ? 'solved' : 'need-help');
    return result;
  };

  /**
   * A press on a suggestion card (or its refresh): runs the answer as the pressing user and
   * returns the card they should see, or the failure to tell them.
   */
  const handle = async (
    actor: Actor,
    verb: string,
    data: Record<string, unknown>,
    options: { readonly act: boolean },
  ): Promise<Result<AdaptiveCard>> => {
    const caseId = field(data, 'caseId');
    const offered = caseId ? await store.kbOffer(caseId) : undefined;
    if (!offered) return fail('not-found', 'These suggestions are no longer available.');
    const acts = verb !== VERBS.refresh && options.act;
    if (acts) {
      const result = await answer(verb, actor, caseId, offered, data);
      if (!result.ok) return result;
    }
    // Read again only after an answer (ours, or a concurrent press's); a refresh shows it as is.
    const fresh = acts ? ((await store.kbOffer(caseId)) ?? offered) : offered;
    const card = await view(caseId, fresh, actor);
    // In a personal chat the message itself changes, so the answered card stays answered.
    if (fresh.answer && !offered.answer && fresh.private === 'personal-chat' && fresh.messageId) {
      const reference = await store.findReference(fresh.conversationId);
      if (reference)
        await deps
          .withConversations(reference, (c) =>
            c.updateActivity(fresh.conversationId, fresh.messageId, {
              type: 'message',
              id: fresh.messageId,
              attachments: [attachment(card)],
            }),
          )
          .catch((error: unknown) =>
            deps.log.warn({ err: error, case: fresh.caseNumber }, 'KB card update failed'),
          );
    }
    return ok(card);
  };

  return { offer, handle };
};

export type TeamsKb = ReturnType<typeof createTeamsKb>;
