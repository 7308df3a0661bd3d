import type { WebClient } from '@slack/web-api';
import type { Config } from '../../src/config.js';
import type { CustomerCaseView, StaffCaseView } from '../../src/domain/case/view.js';
import { statusById } from '../../src/domain/workflow/index.js';
import type { ChatLinkRepository, ChatLinkRole, PostSlot } from '../../src/ports/chat-links.js';
import type { Clock } from '../../src/ports/clock.js';
import type { DirectoryRepository } from '../../src/ports/directory-repository.js';
import { DeliveryDeferred, type Notification, type Notifier } from '../../src/ports/notifier.js';
import { makePostOnce } from '../../src/use-cases/post-once.js';
import { loadAgentCardFacts } from '../shared/agent-card-facts.js';
import type { BotTokenFor } from './bot-tokens.js';
import { makeFindEarlierPost, postMetadata } from './earlier-post.js';
import { slackChannelOf } from './identity.js';
import { renderAgentCard } from './render/agent-card.js';
import type { SlackMessage } from './render/blocks.js';
import { renderCustomerCard } from './render/customer-card.js';
import {
  milestoneFor,
  mirrorForStaff,
  noteForStaff,
  publicReplyFor,
  slaAlertFor,
} from './thread-messages.js';
import { escapeMrkdwn } from './render/escape.js';
import { promiseForCustomer, slaLinesForStaff } from './render/sla.js';
import type { SlaSummary } from '../../src/domain/sla/index.js';

export interface SlackNotifierDeps {
  readonly client: WebClient;
  readonly chatLinks: ChatLinkRepository;
  readonly directory: DirectoryRepository;
  readonly config: Pick<Config, 'workflow' | 'priorities'>;
  /** The bot token for a case's workspace; undefined when the client has one already. */
  readonly tokenFor: BotTokenFor;
  readonly clock: Clock;
}

const isRateLimited = (error: unknown): error is { retryAfter: number } =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: unknown }).code === 'slack_webapi_rate_limited_error';

/** Slack's `ratelimited` becomes a deferral, so the outbox waits at least Retry-After. */
const slackCall = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    if (isRateLimited(error))
      throw new DeliveryDeferred('Slack rate limit', error.retryAfter * 1000);
    throw error;
  }
};

/**
 * Delivers outbox notifications into Slack: the customer's card in the thread of their
 * message, the agent card in the queue's triage channel, each updated in place; short
 * thread messages for replies, notes and milestones, each posted once per outbox entry
 * even when recording it fails (src/use-cases/post-once.ts). Cases not started in Slack,
 * and queues without a Slack triage channel, are left to other notifiers.
 */
export const createSlackNotifier = (deps: SlackNotifierDeps): Notifier => {
  const { client, chatLinks } = deps;

  type Auth = { token?: string };
  const authFor = async (workspace: string | undefined): Promise<Auth> => {
    const token = await deps.tokenFor(workspace);
    return token ? { token } : {};
  };

  const postOnce = makePostOnce({ chatLinks, clock: deps.clock });
  const findEarlier = makeFindEarlierPost(client, slackCall);

  /** Posts a card or thread message with metadata, unless an earlier attempt already did. */
  const post = (
    auth: Auth,
    n: Notification,
    slot: PostSlot,
    channel: string,
    thread: string | undefined,
    message: SlackMessage | { text: string },
  ) => {
    const intent = { caseId: n.case.id, slot, entryId: n.entry.id };
    return postOnce({
      ...intent,
      address: `slack:${channel}`,
      threadId: thread,
      findEarlier: (earlier) => findEarlier(auth, earlier),
      post: async () => {
        const posted = await slackCall(() =>
          client.chat.postMessage({
            ...auth,
            channel,
            ...message,
            ...(thread ? { thread_ts: thread } : {}),
            metadata: postMetadata(intent),
          }),
        );
        return String(posted.ts);
      },
    });
  };

  const update = (auth: Auth, channel: string, ts: string, message: SlackMessage) =>
    slackCall(() =>
      client.chat.update({ ...auth, channel, ts, text: message.text, blocks: message.blocks }),
    );

  const postOrUpdate = async (
    auth: Auth,
    n: Notification,
    role: ChatLinkRole,
    channel: string,
    thread: string | undefined,
    message: SlackMessage,
  ) => {
    const link = await chatLinks.find(n.case.id, role);
    if (link) {
      await update(auth, slackChannelOf(link.address) ?? channel, link.messageId, message);
      return;
    }
    const outcome = await post(auth, n, role, channel, thread, message);
    // The earlier attempt's card may show an older state (a refresh retried after it).
    if (outcome.earlier)
      await update(auth, slackChannelOf(outcome.address) ?? channel, outcome.messageId, message);
  };

  const postInThread = async (auth: Auth, n: Notification, role: ChatLinkRole, text: string) => {
    const link = await chatLinks.find(n.case.id, role);
    if (!link) return;
    const channel = slackChannelOf(link.address);
    if (!channel) return;
    const slot = role === 'customer-card' ? 'customer-thread' : 'staff-thread';
    await post(auth, n, slot, channel, link.threadId, { text });
  };

  const customer = async (n: Notification & { audience: 'customer' }) => {
    const view: CustomerCaseView = n.case;
    const channel = slackChannelOf(view.origin.address);
    if (!channel) return;
    const auth = await authFor(view.origin.workspace);
    const topic = n.entry.topic;
    if (topic === 'case-opened' || topic === 'card-refresh') {
      const status = statusById(deps.config.workflow, view.status);
      if (!status) return;
      const promise = promiseForCustomer(n.sla, new Date());
      await postOrUpdate(
        auth,
        n,
        'customer-card',
        channel,
        view.origin.messageId,
        renderCustomerCard({ case: view, status, ...(promise ? { promiseMrkdwn: promise } : {}) }),
      );
    } else if (topic === 'public-message' && n.event) {
      await postInThread(auth, n, 'customer-card', publicReplyFor(n.event));
    } else if (topic === 'milestone' && n.event) {
      const text = milestoneFor(view, n.event, deps.config.workflow);
      if (text) await postInThread(auth, n, 'customer-card', text);
    }
  };

  const staffCard = async (
    view: StaffCaseView,
    sla: SlaSummary | undefined,
  ): Promise<SlackMessage | undefined> => {
    return renderAgentCard({
      ...(await loadAgentCardFacts(deps.directory, deps.config, view, sla)),
      case: view,
      ...(sla ? { slaLines: slaLinesForStaff(sla, new Date()) } : {}),
    });
  };

  /**
   * Direct messages to agents (by their Slack user) and posts to Slack channels. Not posted
   * once: a DM's channel id is known only after posting, so there is nothing to search, and
   * a repeated alert is a second ping rather than a second card (the case thread has it once).
   */
  const tell = async (
    auth: Auth,
    agentIds: readonly string[],
    channels: readonly string[],
    text: string,
  ) => {
    for (const agentId of agentIds) {
      const agent = await deps.directory.getAgent(agentId);
      // Posting to a user id lands in the app's DM with them (chat:write is enough).
      if (agent?.slackUserId) {
        await slackCall(() =>
          client.chat.postMessage({ ...auth, channel: agent.slackUserId!, text }),
        );
      }
    }
    for (const address of channels) {
      const channel = slackChannelOf(address);
      if (channel) await slackCall(() => client.chat.postMessage({ ...auth, channel, text }));
    }
  };

  const listOf = (value: unknown): string[] =>
    typeof value === 'string' && value ? value.split(',') : [];

  const staff = async (n: Notification & { audience: 'staff' }) => {
    const view = n.case;
    const topic = n.entry.topic;
    if (topic === 'case-opened' || topic === 'card-refresh') {
      const queue = await deps.directory.findQueueByKey(view.queueKey);
      const channel = slackChannelOf(queue?.triageChannel);
      if (!channel) return;
      const card = await staffCard(view, n.sla);
      const auth = await authFor(view.origin.workspace);
      if (card) await postOrUpdate(auth, n, 'staff-card', channel, undefined, card);
    } else if (topic === 'internal-message' && n.event) {
      const auth = await authFor(view.origin.workspace);
      await postInThread(auth, n, 'staff-card', noteForStaff(n.event));
    } else if (topic === 'public-message' && n.event) {
      const auth = await authFor(view.origin.workspace);
      await postInThread(auth, n, 'staff-card', mirrorForStaff(n.event));
    } else if (topic === 'sla-alert' && n.event) {
      const auth = await authFor(view.origin.workspace);
      const text = slaAlertFor(view, n.event);
      await tell(auth, listOf(n.event.data?.agentIds), listOf(n.event.data?.channels), text);
      await postInThread(auth, n, 'staff-card', text);
    }
  };

  return {
    deliver: (n) => (n.audience === 'customer' ? customer(n) : staff(n)),
    async announce(announcement) {
      const agentIds = announcement.recipients.flatMap((r) => (r.kind === 'agent' ? [r.id] : []));
      const channels = announcement.recipients.flatMap((r) =>
        r.kind === 'channel' ? [r.address] : [],
      );
      const auth = await authFor(undefined);
      await tell(auth, agentIds, channels, `:page_facing_up: ${escapeMrkdwn(announcement.text)}`);
    },
  };
};
