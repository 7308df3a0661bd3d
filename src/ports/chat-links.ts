/**
 * Where a case lives in chat, in chat-neutral words: an `address` (e.g. `slack:C0123`)
 * and a `messageId` (Slack's ts, a Teams activity id). The adapters read and write these
 * so they can update a card in place or find the case a thread reply belongs to.
 */
export type ChatLinkRole = 'customer-card' | 'staff-card';

export interface ChatLink {
  readonly caseId: string;
  readonly role: ChatLinkRole;
  readonly address: string;
  readonly messageId: string;
  /** The thread the card starts or sits in. */
  readonly threadId: string;
}

/**
 * Which of a case's posts an intent is about: one of its two cards, or the latest short
 * message in a card's thread. A case's outbox delivers in order, one entry at a time, so
 * only the latest message of a thread can be in flight.
 */
export type PostSlot = ChatLinkRole | 'customer-thread' | 'staff-thread';

export const isCardSlot = (slot: PostSlot): slot is ChatLinkRole =>
  slot === 'customer-card' || slot === 'staff-card';

/**
 * A post recorded before it is made. A retry that finds one without a message id cannot
 * tell "never posted" from "posted, then the record failed", so it looks before posting.
 */
export interface PostIntent {
  readonly caseId: string;
  readonly slot: PostSlot;
  /** The outbox entry making the post. */
  readonly entryId: string;
  readonly address: string;
  /** The thread the message goes into; absent for a card at the top of a channel. */
  readonly threadId?: string;
  readonly at: Date;
  /** Set once the platform answered (thread messages; a card's link says it instead). */
  readonly messageId?: string;
}

export interface ThreadOwner {
  readonly caseId: string;
  readonly role: ChatLinkRole;
}

export interface ChatLinkRepository {
  save(link: ChatLink): Promise<void>;
  find(caseId: string, role: ChatLinkRole): Promise<ChatLink | undefined>;
  /** The case whose customer or staff thread this is. */
  findThread(address: string, threadId: string): Promise<ThreadOwner | undefined>;
  /**
   * Notes that `contactId` just wrote in `address` about `caseId`, and returns the case
   * they wrote about within `windowMs` before `now` (for grouping messages into one case).
   */
  recentIntake(
    address: string,
    contactId: string,
    now: Date,
    windowMs: number,
  ): Promise<string | undefined>;
  rememberIntake(address: string, contactId: string, caseId: string, at: Date): Promise<void>;
  /** Replaces the slot's intent: only the latest attempt's is kept. */
  recordIntent(intent: PostIntent): Promise<void>;
  findIntent(caseId: string, slot: PostSlot): Promise<PostIntent | undefined>;
  /** Notes the message an intent became; ignored once another entry's intent replaced it. */
  markPosted(caseId: string, slot: PostSlot, entryId: string, messageId: string): Promise<void>;
}
