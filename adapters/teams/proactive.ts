import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { DeliveryDeferred } from '../../src/ports/notifier.js';

/** The three connector calls we make; typed here so nothing else of the client leaks in. */
export interface Conversations {
  sendToConversation(conversationId: string, activity: object): Promise<{ id?: string }>;
  replyToActivity(
    conversationId: string,
    activityId: string,
    activity: object,
  ): Promise<{ id?: string }>;
  updateActivity(conversationId: string, activityId: string, activity: object): Promise<unknown>;
}

// Bot Framework's throttling and gateway answers: worth another try, later.
const RETRYABLE = new Set([412, 429, 502, 504]);

const statusOf = (error: unknown): number | undefined => {
  const e = error as { statusCode?: unknown; response?: { status?: unknown } } | null;
  const status = e?.statusCode ?? e?.response?.status;
  return typeof status === 'number' ? status : undefined;
};

const retryAfterMs = (error: unknown): number => {
  const headers = (error as { response?: { headers?: { get?: (name: string) => unknown } } })
    ?.response?.headers;
  const value = Number(headers?.get?.('retry-after'));
  return Number.isFinite(value) && value > 0 ? value * 1000 : 1000;
};

export type WithConversations = <T>(
  reference: Partial<ConversationReference>,
  call: (conversations: Conversations) => Promise<T>,
) => Promise<T>;

/**
 * Runs connector calls in a stored conversation (a proactive turn). Throttling and gateway
 * answers become `DeliveryDeferred`, so the outbox tries again later.
 */
export const makeWithConversations =
  (adapter: CloudAdapter, appId: string): WithConversations =>
  async (reference, call) => {
    let result: unknown;
    try {
      await adapter.continueConversationAsync(appId, reference, async (ctx: TurnContext) => {
        const client = ctx.turnState.get(ctx.adapter.ConnectorClientKey) as {
          conversations: Conversations;
        };
        result = await call(client.conversations);
      });
    } catch (error) {
      const status = statusOf(error);
      if (status !== undefined && RETRYABLE.has(status))
        throw new DeliveryDeferred(`Teams answered ${status}`, retryAfterMs(error));
      throw error;
    }
    return result as Awaited<ReturnType<typeof call>>;
  };
