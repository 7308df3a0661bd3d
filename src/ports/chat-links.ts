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
}
