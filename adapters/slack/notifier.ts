import type { WebClient } from '@slack/web-api';
import type { Config } from '../../src/config.js';
import type { CaseOrigin } from '../../src/domain/case/types.js';
import type { StaffCaseView } from '../../src/domain/case/view.js';
import type { ChatLinkRepository, ChatLinkRole, PostSlot } from '../../src/ports/chat-links.js';
import type { Clock } from '../../src/ports/clock.js';
import type { DirectoryLookups } from '../shared/deps.js';
import { DeliveryDeferred, type Notification, type Notifier } from '../../src/ports/notifier.js';
import {
  planAnnouncement,
  planDelivery,
  type LinePlace,
  type LineStep,
} from '../../src/presentation/delivery-plan.js';
import { makePostOnce } from '../../src/use-cases/post-once.js';
import { makeCardViews } from '../../src/presentation/load-card-views.js';
import type { BotTokenFor } from './bot-tokens.js';
import { makeFindEarlierPost, postMetadata } from './earlier-post.js';
import { slackChannelOf } from './identity.js';
import { renderAgentCard } from './render/agent-card.js';
import type { SlackMessage } from './render/blocks.js';
import { renderCustomerCard } from './render/customer-card.js';
import { slackLine } from './thread-messages.js';
import { makePostSlackDigest } from './digest.js';
import type { SlaSummary } from '../../src/domain/sla/index.js';

export interface SlackNotifierDeps {
  readonly client: WebClient;
  readonly chatLinks: ChatLinkRepository;
  readonly directory: DirectoryLookups;
  readonly config: Pick<Config, 'workflow' | 'priorities' | 'intake'>;
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
 * Executes delivery plans (src/presentation/delivery-plan.ts) in Slack: the customer's card
 * in the thread of their message, the agent card in the queue's triage channel, each
 * updated in place; the plan's lines under them, each posted once per outbox entry even
 * when recording it fails (src/use-cases/post-once.ts). Cases not started in Slack, and
 * queues without a Slack triage channel, are left to other notifiers.
 */
export const createSlackNotifier = (deps: SlackNotifierDeps): Notifier => {
  const { client, chatLinks } = deps;
  const views = makeCardViews({
    directory: deps.directory,
    workflow: deps.config.workflow,
    priorityLabels: deps.config.priorities.labels,
    reopenWithinDays: deps.config.intake.reopenWithinDays,
    clock: deps.clock,
  });

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

  const staffCard = async (
    view: StaffCaseView,
    sla: SlaSummary | undefined,
  ): Promise<SlackMessage | undefined> => renderAgentCard(await views.agentCard(view, { sla }));

  /**
   * Direct messages to agents (by their Slack user) and posts to Slack channels. Not posted
   * once: a DM's channel id is known only after posting, so there is nothing to search, and
   * a repeated alert is a second ping rather than a second card (the case thread has it once).
   */
  const tell = async (
    auth: Auth,
    to: Exclude<LinePlace, { kind: 'case-thread' }>,
    text: string,
  ) => {
    if (to.kind === 'agent') {
      const agent = await deps.directory.getAgent(to.agentId);
      // Posting to a user id lands in the app's DM with them (chat:write is enough).
      const user = agent?.slackUserId;
      if (user) await slackCall(() => client.chat.postMessage({ ...auth, channel: user, text }));
      return;
    }
    const channel = slackChannelOf(to.address);
    if (channel) await slackCall(() => client.chat.postMessage({ ...auth, channel, text }));
  };

  const customerCard = async (n: Notification, origin: CaseOrigin) => {
    const channel = slackChannelOf(origin.address);
    // The plan asks for this card only with a customer notification (its view is the customer's).
    if (n.audience !== 'customer' || !channel) return;
    const view = await views.customerCard(n.case, { sla: n.sla });
    if (!view) return;
    const card = renderCustomerCard(view);
    await postOrUpdate(
      await authFor(origin.workspace),
      n,
      'customer-card',
      channel,
      origin.messageId,
      card,
    );
  };

  const agentCard = async (n: Notification, queueKey: string) => {
    if (n.audience !== 'staff') return;
    const queue = await deps.directory.findQueueByKey(queueKey);
    const channel = slackChannelOf(queue?.triageChannel);
    if (!channel) return;
    const card = await staffCard(n.case, n.sla);
    const auth = await authFor(n.case.origin.workspace);
    if (card) await postOrUpdate(auth, n, 'staff-card', channel, undefined, card);
  };

  const postLine = async (auth: Auth, n: Notification | undefined, step: LineStep) => {
    const text = slackLine(step.line);
    const to = step.to;
    if (to.kind !== 'case-thread') await tell(auth, to, text);
    else if (n)
      await postInThread(auth, n, to.card === 'customer' ? 'customer-card' : 'staff-card', text);
  };

  /** Cards first: a line under a card needs the card posted. */
  const execute = async (n: Notification) => {
    const plan = planDelivery(n, deps.config.workflow);
    for (const step of plan.cards) {
      if (step.card === 'customer') await customerCard(n, step.origin);
      else await agentCard(n, step.queueKey);
    }
    if (plan.lines.length === 0) return;
    const auth = await authFor(n.case.origin.workspace);
    for (const step of plan.lines) await postLine(auth, n, step);
  };

  return {
    deliver: execute,
    async announce(announcement) {
      const auth = await authFor(undefined);
      for (const step of planAnnouncement(announcement)) await postLine(auth, undefined, step);
    },
    postDigest: makePostSlackDigest(client, () => authFor(undefined), slackCall),
  };
};
