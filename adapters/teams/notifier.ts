import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import type { Config } from '../../src/config.js';
import type { CaseEvent } from '../../src/domain/case/types.js';
import type { ChatLinkRepository, ChatLinkRole } from '../../src/ports/chat-links.js';
import type { DirectoryRepository } from '../../src/ports/directory-repository.js';
import type { Notification, Notifier } from '../../src/ports/notifier.js';
import { makePostOnce } from '../../src/use-cases/post-once.js';
import type { CardBuilder, RenderedCard } from './cards.js';
import type { TeamsConversationStore } from './conversation-store.js';
import { teamsConversationOf } from './identity.js';
import { makeWithConversations } from './proactive.js';
import { attachment } from './render/card.js';
import { slaAlertFor } from './render/sla.js';
import { escapeMessageText, threadLine } from './render/thread-lines.js';

export interface TeamsNotifierDeps {
  readonly adapter: CloudAdapter;
  readonly appId: string;
  readonly store: TeamsConversationStore;
  readonly chatLinks: ChatLinkRepository;
  readonly directory: DirectoryRepository;
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
 * Delivers outbox notifications into Teams: the customer's card in their conversation,
 * the agent card in the queue's Teams channel, both updated in place, and short thread
 * messages. Cases started elsewhere and queues without a Teams channel are left alone.
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

  /** Agents in their personal chat with the bot (once they have written to it); Teams channels. */
  const tell = async (agentIds: readonly string[], channels: readonly string[], text: string) => {
    const conversations = [
      ...(await Promise.all(agentIds.map((id) => deps.store.agentChat(id)))),
      ...channels.map(teamsConversationOf),
    ].filter((c): c is string => Boolean(c));
    for (const base of conversations) {
      const reference = await referenceFor(base);
      if (reference)
        await withConversations(reference, (c) =>
          c.sendToConversation(base, { type: 'message', text }),
        );
    }
  };

  const listOf = (value: unknown): string[] =>
    typeof value === 'string' && value ? value.split(',') : [];

  const line = (event: CaseEvent | undefined, audience: 'customer' | 'staff') =>
    event ? threadLine(event, audience, deps.config.workflow) : undefined;

  const customer = async (n: Notification & { audience: 'customer' }) => {
    const view = n.case;
    const base = teamsConversationOf(view.origin.address);
    if (view.origin.channel !== 'teams' || !base) return;
    const topic = n.entry.topic;
    if (topic === 'case-opened' || topic === 'card-refresh') {
      const rendered = await deps.cards.customer(view, { sla: n.sla });
      if (rendered) await postOrUpdate(n, 'customer-card', base, view.origin.messageId, rendered);
      return;
    }
    const text =
      topic === 'public-message' || topic === 'milestone' ? line(n.event, 'customer') : undefined;
    if (text) await postInThread(n, 'customer-card', text);
  };

  const staff = async (n: Notification & { audience: 'staff' }) => {
    const view = n.case;
    const topic = n.entry.topic;
    if (topic === 'case-opened' || topic === 'card-refresh') {
      const queue = await deps.directory.findQueueByKey(view.queueKey);
      const base = deps.staffConversation ?? teamsConversationOf(queue?.triageChannel);
      if (!base) return;
      const rendered = await deps.cards.staff(view, { sla: n.sla });
      await postOrUpdate(n, 'staff-card', base, undefined, rendered);
      return;
    }
    if (topic === 'sla-alert' && n.event) {
      const text = slaAlertFor(view, n.event);
      await tell(listOf(n.event.data?.agentIds), listOf(n.event.data?.channels), text);
      await postInThread(n, 'staff-card', text);
      return;
    }
    const text =
      topic === 'internal-message' || topic === 'public-message'
        ? line(n.event, 'staff')
        : undefined;
    if (text) await postInThread(n, 'staff-card', text);
  };

  return {
    deliver: (n) => (n.audience === 'customer' ? customer(n) : staff(n)),
    async announce(announcement) {
      const agentIds = announcement.recipients.flatMap((r) => (r.kind === 'agent' ? [r.id] : []));
      const channels = announcement.recipients.flatMap((r) =>
        r.kind === 'channel' ? [r.address] : [],
      );
      await tell(agentIds, channels, `📄 ${escapeMessageText(announcement.text)}`);
    },
  };
};
