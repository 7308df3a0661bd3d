import {
  isCardSlot,
  type ChatLinkRepository,
  type PostIntent,
  type PostSlot,
} from '../ports/chat-links.js';
import type { Clock } from '../ports/clock.js';

/** One post an outbox entry makes into a chat: a card, or a message in a card's thread. */
export interface OnePost {
  readonly caseId: string;
  readonly slot: PostSlot;
  readonly entryId: string;
  readonly address: string;
  readonly threadId?: string | undefined;
  /** Posts the message; resolves to the platform's id for it. */
  post(): Promise<string>;
  /**
   * Looks in the chat for the message an earlier attempt made, for platforms that can
   * (Slack's message metadata). Without it no intent is recorded: nothing could read it.
   */
  findEarlier?: (intent: PostIntent) => Promise<string | undefined>;
}

export interface PostOutcome {
  readonly messageId: string;
  /** Where the message is: an earlier attempt's address when it was found there. */
  readonly address: string;
  /** True when no post was made because an earlier attempt's message was found. */
  readonly earlier: boolean;
}

interface Where {
  readonly address: string;
  readonly threadId?: string | undefined;
}
interface Posted extends Where {
  readonly entryId: string;
  readonly messageId: string;
}

export interface PostOnceDeps {
  readonly chatLinks: ChatLinkRepository;
  readonly clock: Clock;
  /** Posts this process remembers, newest kept (default 1000, about 100 kB). */
  readonly remember?: number;
}

/**
 * Posts a card or thread message at most once per outbox entry, even when recording it
 * fails: the outbox retries the entry, and posting again would show the person a second
 * card. A card is one per case and role, whichever entry posted it; a thread message is one
 * per entry. A retry first asks this process's memory of its own posts (a database blip),
 * then, where the chat can be searched, the intent recorded before the earlier attempt (a
 * crash, another replica): only an intent without a recorded result costs a search.
 */
export const makePostOnce = (deps: PostOnceDeps) => {
  const limit = deps.remember ?? 1000;
  const recent = new Map<string, Posted>();
  const remember = (key: string, post: Posted) => {
    recent.delete(key);
    recent.set(key, post);
    const oldest = recent.keys().next();
    if (recent.size > limit && !oldest.done) recent.delete(oldest.value);
  };

  const record = async (p: OnePost, where: Where, messageId: string) => {
    if (isCardSlot(p.slot)) {
      const { address, threadId = messageId } = where;
      await deps.chatLinks.save({ caseId: p.caseId, role: p.slot, address, messageId, threadId });
    } else if (p.findEarlier) {
      await deps.chatLinks.markPosted(p.caseId, p.slot, p.entryId, messageId);
    }
  };

  return async (p: OnePost): Promise<PostOutcome> => {
    const key = `${p.caseId}|${p.slot}`;
    const same = (entryId: string) => isCardSlot(p.slot) || entryId === p.entryId;
    const mine = recent.get(key);
    if (mine && same(mine.entryId)) {
      await record(p, mine, mine.messageId);
      return { messageId: mine.messageId, address: mine.address, earlier: true };
    }
    if (p.findEarlier) {
      const intent = await deps.chatLinks.findIntent(p.caseId, p.slot);
      if (intent && same(intent.entryId)) {
        const found = intent.messageId ?? (await p.findEarlier(intent));
        if (found) {
          if (!intent.messageId) await record(p, intent, found);
          const { address, threadId } = intent;
          remember(key, { entryId: p.entryId, messageId: found, address, threadId });
          return { messageId: found, address: intent.address, earlier: true };
        }
      }
      await deps.chatLinks.recordIntent({
        caseId: p.caseId,
        slot: p.slot,
        entryId: p.entryId,
        address: p.address,
        ...(p.threadId ? { threadId: p.threadId } : {}),
        at: deps.clock.now(),
      });
    }
    const messageId = await p.post();
    remember(key, { entryId: p.entryId, messageId, address: p.address, threadId: p.threadId });
    await record(p, p, messageId);
    return { messageId, address: p.address, earlier: false };
  };
};

export type PostOnce = ReturnType<typeof makePostOnce>;
