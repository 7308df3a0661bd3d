import {
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { Config } from '../../src/config.js';
import type { Actor } from '../../src/domain/case/types.js';
import type { Contact, Organization } from '../../src/domain/directory.js';
import { customerActor } from '../shared/actors.js';
import type { ConversationUseCases } from '../shared/deps.js';
import type { TeamsDeps } from './deps.js';
import type { Result } from '../../src/domain/result.js';
import { pressConversationAction, tellOutcome } from './conversation.js';
import { runCardAction } from './actions.js';
import { refusalCard } from './refusals.js';
import { isUnaddressedChatter } from './channel-chatter.js';
import { answerTeamsCommand } from './commands.js';
import { rememberTeamChannels } from './installation.js';
import type { CardBuilder } from './cards.js';
import { splitConversationId, type TeamsConversationStore } from './conversation-store.js';
import { withFiles } from '../shared/files.js';
import { friendlyFailure } from './failures.js';
import { filesOf } from './files.js';
import { resolveTeamsActor, teamsAddress, tenantOf } from './identity.js';
import { openCaseFromForm } from './intake-form.js';
import { isCsatVerb, type TeamsCsat } from './csat.js';
import { isKbVerb, type TeamsKb } from './kb.js';
import { answerKbArticle, isKbArticleVerb } from './kb-article.js';
import { timeZoneOf } from './time-zone.js';
import { CARD_CONTENT_TYPE, VERBS } from './render/card.js';
import { REPEATED_DELIVERY } from './http.js';

export interface TeamsBotDeps {
  /** The use cases and lookups the bot calls (never the whole core). */
  readonly core: TeamsDeps;
  readonly config: Config;
  readonly store: TeamsConversationStore;
  readonly cards: CardBuilder;
  readonly log: Logger;
  /** What a written message becomes, and the presses its answers offer. */
  readonly conversation: ConversationUseCases;
  readonly kb: TeamsKb;
  /** The satisfaction survey's answers (absent where a test builds the bot without it). */
  readonly csat?: TeamsCsat | undefined;
  /** The playground's desk: every agent card goes there, so the bot listens there too. */
  readonly deskConversation?: string | undefined;
  /** Makes an unknown sender from a mapped tenant a contact of that organization. */
  readonly registerContact: (input: unknown) => Promise<Result<Contact>>;
}

export const NOT_ON_FILE =
  "We don't have you on file yet, so this message did not open a case. Ask your account manager to add you as a contact.";

/** Roster emails, asked of Teams at most once per user per process (found ones only). */
const emailLookup = () => {
  const cache = new Map<string, string>();
  return async (context: TurnContext, userId: string): Promise<string | undefined> => {
    const cached = cache.get(userId);
    if (cached) return cached;
    const member = await TeamsInfo.getMember(context, userId).catch(() => undefined);
    const email = (member?.email ?? member?.userPrincipalName)?.toLowerCase();
    if (email?.includes('@')) cache.set(userId, email);
    return email?.includes('@') ? email : undefined;
  };
};

const cardResponse = (card: object): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: CARD_CONTENT_TYPE,
  value: card as Record<string, unknown>,
});

const messageResponse = (text: string): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.activity.message',
  value: text as unknown as Record<string, unknown>,
});

/**
 * Teams activities → use cases, results → cards. Messages open cases or join their
 * threads; card actions run as the pressing user and answer with that user's card.
 */
export class CaselineTeamsBot extends TeamsActivityHandler {
  private readonly emailOf = emailLookup();

  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    const remember = async (context: TurnContext, next: () => Promise<void>) => {
      await rememberTeamChannels(context, this.deps);
      await next();
    };
    this.onConversationUpdate(remember);
    this.onInstallationUpdate(remember);
  }

  /** Every activity carries the conversation reference later proactive posts need. */
  override async run(context: TurnContext): Promise<void> {
    const { config, core } = this.deps;
    const desk = this.deps.deskConversation;
    const chatter = { config, directory: core.directory, ...(desk ? { desk } : {}) };
    if (await isUnaddressedChatter(context.activity, chatter)) return;
    await this.deps.store.saveReference(TurnContext.getConversationReference(context.activity));
    await super.run(context);
  }

  /**
   * Who sent this activity. With `tenantOrganization`, a sender not on file who writes from
   * that organization's Microsoft tenant becomes its contact (by their roster email).
   */
  async actorOf(
    context: TurnContext,
    tenantOrganization?: Organization,
  ): Promise<Actor | undefined> {
    const from = context.activity.from;
    if (!from?.id) return undefined;
    const actor =
      (await resolveTeamsActor(
        this.deps.core.directory,
        { aadObjectId: from.aadObjectId, userId: from.id },
        (userId) => this.emailOf(context, userId),
      )) ??
      (tenantOrganization && (await this.contactFromTenant(context, tenantOrganization)));
    // Who they are in Teams, their chat with us and their zone: for private views and times.
    const personal =
      context.activity.conversation.conversationType === 'personal'
        ? context.activity.conversation.id
        : undefined;
    const zone = timeZoneOf(context.activity);
    if (actor?.kind === 'staff')
      await this.deps.store.rememberAgentUser(actor.agentId, from.id, personal, zone);
    if (actor?.kind === 'customer')
      await this.deps.store.rememberContactUser(actor.contactId, from.id, personal, zone);
    return actor;
  }

  private async contactFromTenant(
    context: TurnContext,
    organization: Organization,
  ): Promise<Actor | undefined> {
    const from = context.activity.from;
    const email = await this.emailOf(context, from.id);
    if (!email) return undefined;
    const added = await this.deps.registerContact({
      organizationId: organization.id,
      name: from.name || email,
      email,
      ...(from.aadObjectId ? { teamsAadObjectId: from.aadObjectId } : {}),
    });
    if (!added.ok) {
      this.deps.log.warn({ code: added.code, organization: organization.key }, added.message);
      return undefined;
    }
    // Their email may already name a contact elsewhere: that contact stands.
    return customerActor(added.value);
  }

  private async tenantOrganization(context: TurnContext): Promise<Organization | undefined> {
    const tenant = tenantOf(context.activity);
    return tenant ? this.deps.core.directory.findOrganizationByTeamsTenant(tenant) : undefined;
  }

  private intakeAllowed(context: TurnContext, base: string, tenantMapped: boolean): boolean {
    const type = context.activity.conversation.conversationType;
    // A customer's own tenant: its chats and channels with the bot are theirs to ask in.
    if (type === 'personal' || type === 'groupChat' || tenantMapped) return true;
    const address = teamsAddress(base);
    return this.deps.config.supportChannels.some((c) => c.channel === address);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    // Action.Submit from an old card arrives as a message with a value and no text.
    const written = TurnContext.removeRecipientMention(activity)?.trim() ?? activity.text ?? '';
    const files = filesOf(activity.attachments);
    if (!written && files.length === 0) return;
    const { base, threadId } = splitConversationId(activity.conversation.id);
    const tenantOrganization = await this.tenantOrganization(context);
    const actor = await this.actorOf(context, tenantOrganization);
    const intakeAllowed = this.intakeAllowed(context, base, Boolean(tenantOrganization));
    if (!actor) {
      if (intakeAllowed && !threadId) await context.sendActivity(NOT_ON_FILE);
      return;
    }
    if (await answerTeamsCommand(context, this.deps, actor, written, tenantOrganization)) return;
    const result = await this.deps.conversation.receiveMessage({
      actor,
      channel: 'teams',
      address: teamsAddress(base),
      messageId: activity.id,
      ...(activity.conversation.tenantId ? { workspace: activity.conversation.tenantId } : {}),
      ...(threadId ? { threadId } : {}),
      // Shared files become lines of the message, as in Slack, so the history keeps them.
      text: withFiles(written, files),
      intakeAllowed,
    });
    if (!result.ok) {
      this.deps.log.warn({ code: result.code, activity: activity.id }, result.message);
      await context.sendActivity(friendlyFailure(result));
      return;
    }
    await tellOutcome(context, result.value);
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const { verb } = invokeValue.action;
    const data = { ...(invokeValue.action.data as Record<string, unknown>) };
    const actor = await this.actorOf(context);
    if (!actor)
      return messageResponse(
        friendlyFailure({ code: 'not-allowed', message: 'We do not know you yet.' }),
      );
    if (verb === VERBS.openCase) return openCaseFromForm(context, this.deps, actor, data);
    const answered = await pressConversationAction(this.deps.conversation, actor, verb, data);
    if (answered) return cardResponse(answered);
    const caseId = typeof data.caseId === 'string' ? data.caseId : '';
    // Teams may deliver an invoke twice: the inbox knows the second, which must not act again.
    const repeated = context.turnState.get(REPEATED_DELIVERY) === true;
    if (isKbVerb(verb, data)) {
      const act = verb !== VERBS.refresh && !repeated;
      const shown = await this.deps.kb.handle(actor, verb, data, { act });
      return shown.ok ? cardResponse(shown.value) : messageResponse(friendlyFailure(shown));
    }
    if (isCsatVerb(verb) && this.deps.csat) {
      const answered = await this.deps.csat.answer(actor, data, !repeated);
      if (!answered)
        return messageResponse(friendlyFailure({ code: 'not-found', message: 'No such case.' }));
      return 'card' in answered ? cardResponse(answered.card) : messageResponse(answered.message);
    }
    if (isKbArticleVerb(verb)) {
      const shown = await answerKbArticle(this.deps, actor, verb, data, !repeated);
      return shown
        ? cardResponse(shown)
        : messageResponse(friendlyFailure({ code: 'not-found', message: 'No such case.' }));
    }
    if (verb !== VERBS.refresh) {
      const result = !repeated ? await runCardAction(this.deps.core, actor, verb, data) : undefined;
      if (result && !result.ok) {
        const refused = await refusalCard(this.deps, actor, verb, data, result);
        return refused ? cardResponse(refused) : messageResponse(friendlyFailure(result));
      }
    }
    const fresh = await this.deps.cards.forActor(caseId, actor);
    return fresh
      ? cardResponse(fresh.card)
      : messageResponse(friendlyFailure({ code: 'not-found', message: 'No such case.' }));
  }
}
