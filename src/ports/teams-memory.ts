/**
 * What the Teams adapter remembers between turns, every lookup by key:
 *   - a conversation's reference (as Bot Framework gave it, opaque JSON here), which a post
 *     Caseline starts itself needs;
 *   - who a person is in Teams: their user id (user-specific card views), their personal
 *     chat with the bot and their time zone;
 *   - the KB suggestions offered to a case's requester, and their answer.
 */
export type ReferenceJson = Readonly<Record<string, unknown>>;

/** A Teams user as we last saw them: who they are in Teams, their chat with us, their zone. */
export interface TeamsUserRecord {
  readonly teamsUserId: string;
  readonly personalChat?: string | undefined;
  /** IANA zone from the activity's clientInfo entity / localTimezone. */
  readonly timeZone?: string | undefined;
}

/** KB suggestions offered to a case's requester, where they were posted, and the answer. */
export interface KbOffer {
  readonly caseNumber: string;
  readonly contactId: string;
  readonly requesterName: string;
  readonly teamsUserId: string;
  readonly slugs: readonly string[];
  /** The conversation (thread included) and the message holding the suggestions. */
  readonly conversationId: string;
  readonly messageId: string;
  readonly private: 'personal-chat' | 'user-specific-view';
  readonly answer?: 'solved' | 'need-help' | undefined;
}

export interface PruneAges {
  readonly kbOfferMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const PRUNE_AGES: PruneAges = { kbOfferMs: 90 * DAY_MS };

export interface TeamsMemory {
  /** Keyed by the conversation without its thread (`;messageid=`). */
  saveReference(conversationId: string, reference: ReferenceJson): Promise<void>;
  findReference(conversationId: string): Promise<ReferenceJson | undefined>;
  /** The agent's Teams user id and, when they wrote in a personal chat, that chat. */
  rememberAgentUser(
    agentId: string,
    teamsUserId: string,
    personalChat?: string,
    timeZone?: string,
  ): Promise<void>;
  agentChat(agentId: string): Promise<string | undefined>;
  agentUserIds(): Promise<string[]>;
  rememberContactUser(
    contactId: string,
    teamsUserId: string,
    personalChat?: string,
    timeZone?: string,
  ): Promise<void>;
  contactUser(contactId: string): Promise<TeamsUserRecord | undefined>;
  agentUser(agentId: string): Promise<TeamsUserRecord | undefined>;
  /** The zone Teams last reported for them (this replica's memory first, then the store). */
  agentZone(agentId: string): Promise<string | undefined>;
  contactZone(contactId: string): Promise<string | undefined>;
  saveKbOffer(caseId: string, offer: KbOffer): Promise<void>;
  kbOffer(caseId: string): Promise<KbOffer | undefined>;
  /** Records the customer's answer; false when one was recorded before (a double press). */
  answerKbOffer(caseId: string, answer: NonNullable<KbOffer['answer']>): Promise<boolean>;
  /**
   * Forgets what is only needed for a while: KB offers (their cards go stale) older than
   * the given age, and the handled-activity records of earlier versions (the inbox keeps
   * delivery identities now). References and users stay. Returns how many records went.
   */
  prune(now: Date, keep?: Partial<PruneAges>): Promise<number>;
}
