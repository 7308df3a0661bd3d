import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import type { Config } from '../../src/config.js';
import type { CaseOrigin } from '../../src/domain/case/types.js';
import type { ChatLinkRepository, ChatLinkRole } from '../../src/ports/chat-links.js';
import type { DirectoryLookups } from '../shared/deps.js';
import type { DigestPost, Notification, Notifier } from '../../src/ports/notifier.js';
import {
  planAnnouncement,
  planDelivery,
  type LinePlace,
  type LineStep,
} from '../../src/presentation/delivery-plan.js';
import { makePostOnce } from '../../src/use-cases/post-once.js';
import type { CardBuilder, RenderedCard } from './cards.js';
import type { TeamsConversationStore } from './conversation-store.js';
import { teamsConversationOf } from './identity.js';
import { makeWithConversations } from './proactive.js';
import { attachment } from './render/card.js';
import { escapeMessageText, teamsLine } from './render/thread-lines.js';
import { renderWeeklyDigest } from './render/digest.js';
import { weeklyDigestView } from '../../src/presentation/weekly-digest-view.js';

export interface TeamsNotifierDeps {
  readonly adapter: CloudAdapter;
  readonly appId: string;
  readonly store: TeamsConversationStore;
  readonly chatLinks: ChatLinkRepository;
  readonly directory: DirectoryLookups;
  readonly cards: CardBuilder;
  readonly config: Pick<Config, 'workflow'>;
  readonly log: Logger;
  /** Every agent card goes to this conversation instead of the queue's channel (playground). */
  readonly staffConversation?: string | undefined;
}

interface Outgoing {
  readonly type: 'message';
  readonly summary: string;
  readonly attachments?: object[];
}

/**
 * Executes delivery plans (src/presentation/delivery-plan.ts) in Teams: the customer's card
 * in their conversation, the agent card in the queue's Teams channel, both updated in
 * place, and the plan's lines. Cases started elsewhere and queues without a Teams channel
 * are left alone.
 */
export const createTeamsNotifier = (deps: TeamsNotifierDeps): Notifier => {
  const withConversations = makeWithConversations(deps.adapter, deps.appId);

  /** Where a card or a thread line goes: channel threads are `<channel>;messageid=<root>`. */
  const target = (reference: Partial<ConversationReference>, base: string, root?: string) =>
    reference.conversation?.conversationType === 'channel' && root
      ? `${base};messageid=${root}`
      : base;

  const referenceFor = async (base: string) => {
    const reference = await deps.store.findReference(base);
    if (!reference)
      deps.log.warn(
        { conversation: base },
        'no Teams conversation reference yet; add the bot there',
      );
    return reference;
  };

  // The Bot Framework cannot search a conversation for an earlier post, so no intent is
  // recorded: a retry in this process uses its memory of the post (a database blip); after
  // a crash between the post and its record the card or message is posted again.
  const postOnce = makePostOnce({ chatLinks: deps.chatLinks, clock: { now: () => new Date() } });

  const postOrUpdate = async (
    n: Notification,
    role: ChatLinkRole,
    base: string,
    root: string | undefined,
    rendered: RenderedCard,
  ) => {
    const reference = await referenceFor(base);
    if (!reference) return;
    // The summary shows in notifications and the chat list; the card itself is the message.
    const activity: Outgoing = {
      type: 'message',
      summary: escapeMessageText(rendered.summary, 500),
      attachments: [attachment(rendered.card)],
    };
    const update = (threadId: string, messageId: string) =>
      withConversations(reference, (c) =>
        c.updateActivity(target(reference, base, threadId), messageId, {
          ...activity,
          id: messageId,
        }),
      );
    const link = await deps.chatLinks.find(n.case.id, role);
    if (link) {
      await update(link.threadId, link.messageId);
      return;
    }
    const channel = reference.conversation?.conversationType === 'channel';
    const outcome = await postOnce({
      caseId: n.case.id,
      slot: role,
      entryId: n.entry.id,
      address: `teams:${base}`,
      threadId: root,
      post: async () => {
        const posted = await withConversations(reference, (c) =>
          channel || !root
            ? c.sendToConversation(target(reference, base, root), activity)
            : c.replyToActivity(base, root, activity),
        );
        return posted.id ?? '';
      },
    });
    // The earlier attempt's card may show an older state (a refresh retried after it).
    if (outcome.earlier) await update(root ?? outcome.messageId, outcome.messageId);
  };

  const postInThread = async (n: Notification, role: ChatLinkRole, text: string) => {
    const link = await deps.chatLinks.find(n.case.id, role);
    const base = teamsConversationOf(link?.address);
    if (!link || !base) return;
    const reference = await referenceFor(base);
    if (!reference) return;
    await postOnce({
      caseId: n.case.id,
      slot: role === 'customer-card' ? 'customer-thread' : 'staff-thread',
      entryId: n.entry.id,
      address: link.address,
      threadId: link.threadId,
      post: async () => {
        const posted = await withConversations(reference, (c) =>
          c.sendToConversation(target(reference, base, link.threadId), { type: 'message', text }),
        );
        return posted.id ?? '';
      },
    });
  };

  /** An agent in their personal chat with the bot (once they have written to it); a channel. */
  const tell = async (to: Exclude<LinePlace, { kind: 'case-thread' }>, text: string) => {
    const base =
      to.kind === 'agent'
        ? await deps.store.agentChat(to.agentId)
        : teamsConversationOf(to.address);
    if (!base) return;
    const reference = await referenceFor(base);
    if (reference)
      await withConversations(reference, (c) =>
        c.sendToConversation(base, { type: 'message', text }),
      );
  };

  const customerCard = async (n: Notification, origin: CaseOrigin) => {
    const base = teamsConversationOf(origin.address);
    // The plan asks for this card only with a customer notification (its view is the customer's).
    if (n.audience !== 'customer' || origin.channel !== 'teams' || !base) return;
    const rendered = await deps.cards.customer(n.case, { sla: n.sla });
    if (rendered) await postOrUpdate(n, 'customer-card', base, origin.messageId, rendered);
  };

  const agentCard = async (n: Notification, queueKey: string) => {
    if (n.audience !== 'staff') return;
    const queue = await deps.directory.findQueueByKey(queueKey);
    const base = deps.staffConversation ?? teamsConversationOf(queue?.triageChannel);
    if (!base) return;
    await postOrUpdate(
      n,
      'staff-card',
      base,
      undefined,
      await deps.cards.staff(n.case, { sla: n.sla }),
    );
  };

  const postLine = async (n: Notification | undefined, step: LineStep) => {
    const text = teamsLine(step.line);
    const to = step.to;
    if (to.kind !== 'case-thread') await tell(to, text);
    else if (n)
      await postInThread(n, to.card === 'customer' ? 'customer-card' : 'staff-card', text);
  };

  /** A weekly digest to a Teams channel or chat the bot has a reference for. */
  const postDigest = async (digest: DigestPost): Promise<boolean> => {
    const base = teamsConversationOf(digest.channel);
    if (!base) return false;
    const reference = await referenceFor(base);
    if (!reference) return false;
    const view = weeklyDigestView(digest.report);
    const activity: Outgoing = {
      type: 'message',
      summary: escapeMessageText(view.summary, 500),
      attachments: [attachment(renderWeeklyDigest(view, digest.images))],
    };
    await withConversations(reference, (c) => c.sendToConversation(base, activity));
    return true;
  };

  /** Cards first: a line under a card needs the card posted. */
  const execute = async (n: Notification) => {
    const plan = planDelivery(n, deps.config.workflow);
    for (const step of plan.cards) {
      if (step.card === 'customer') await customerCard(n, step.origin);
      else await agentCard(n, step.queueKey);
    }
    for (const step of plan.lines) await postLine(n, step);
  };

  return {
    deliver: execute,
    async announce(announcement) {
      for (const step of planAnnouncement(announcement)) await postLine(undefined, step);
    },
    postDigest,
  };
};
