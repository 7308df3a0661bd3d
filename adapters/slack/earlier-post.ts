import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { PostIntent } from '../../src/ports/chat-links.js';
import { slackChannelOf } from './identity.js';

/**
 * Every card and thread message Caseline posts carries message metadata naming the case,
 * the outbox entry and the slot. Only opaque ids: in a Slack Connect channel the other
 * organization's apps can read metadata too.
 */
export const POST_EVENT_TYPE = 'caseline_post';

export const postMetadata = (post: {
  readonly caseId: string;
  readonly entryId: string;
  readonly slot: string;
}) => ({
  event_type: POST_EVENT_TYPE,
  event_payload: { case_id: post.caseId, entry_id: post.entryId, slot: post.slot },
});

const ourPost = z.object({
  ts: z.string(),
  bot_id: z.string(),
  metadata: z.object({
    event_type: z.literal(POST_EVENT_TYPE),
    event_payload: z.object({ case_id: z.string(), entry_id: z.string(), slot: z.string() }),
  }),
});

// Slack's clock and ours may differ a little; a slow post still lands soon after its intent.
const BEFORE_MS = 60_000;
const AFTER_MS = 10 * 60_000;
// Tier 3 (50+ a minute): a busy triage channel may need a second page, rarely a third.
const PAGE_SIZE = 200;
const MAX_PAGES = 3;

const slackTs = (ms: number): string => (ms / 1000).toFixed(6);

/** Errors Slack answers for a conversation we cannot read (a scope, a channel left): post again. */
const isPlatformError = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: unknown }).code === 'slack_webapi_platform_error';

type Auth = { token?: string };

/**
 * Finds the message an earlier attempt posted for an intent: in the thread it went to
 * (`conversations.replies`) or at the top of the channel (`conversations.history`), within
 * a window around the intent, with `include_all_metadata` so the metadata comes back. A card
 * is matched by case and slot, a thread message by its entry too; only our bot's messages
 * count, so another app in a shared channel cannot stand in for a card.
 */
export const makeFindEarlierPost = (
  client: WebClient,
  call: <T>(request: () => Promise<T>) => Promise<T>,
) => {
  const botIds = new Map<string, string | undefined>();
  const botIdFor = async (auth: Auth) => {
    const key = auth.token ?? '';
    if (!botIds.has(key)) botIds.set(key, (await call(() => client.auth.test(auth))).bot_id);
    return botIds.get(key);
  };

  return async (auth: Auth, intent: PostIntent): Promise<string | undefined> => {
    const channel = slackChannelOf(intent.address);
    if (!channel) return undefined;
    const at = intent.at.getTime();
    const window = {
      ...auth,
      channel,
      oldest: slackTs(at - BEFORE_MS),
      latest: slackTs(at + AFTER_MS),
      inclusive: true,
      include_all_metadata: true,
      limit: PAGE_SIZE,
    };
    const card = intent.slot === 'customer-card' || intent.slot === 'staff-card';
    try {
      const botId = await botIdFor(auth);
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const paged = { ...window, ...(cursor ? { cursor } : {}) };
        const answer = await call(() =>
          intent.threadId
            ? client.conversations.replies({ ...paged, ts: intent.threadId })
            : client.conversations.history(paged),
        );
        for (const message of answer.messages ?? []) {
          const parsed = ourPost.safeParse(message);
          if (!parsed.success || parsed.data.bot_id !== botId) continue;
          const payload = parsed.data.metadata.event_payload;
          const same =
            payload.case_id === intent.caseId &&
            payload.slot === intent.slot &&
            (card || payload.entry_id === intent.entryId);
          if (same) return parsed.data.ts;
        }
        cursor = answer.response_metadata?.next_cursor;
        if (!answer.has_more || !cursor) return undefined;
      }
      return undefined;
    } catch (error) {
      if (isPlatformError(error)) return undefined;
      throw error;
    }
  };
};
