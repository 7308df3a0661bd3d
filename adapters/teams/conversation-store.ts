import type { ConversationReference } from 'botbuilder';
import type { Collection, Connection } from 'mongoose';
import { z } from 'zod';

/**
 * What the Teams adapter keeps in MongoDB, in one collection where every lookup is by
 * `_id` (FerretDB 1.x only pushes `_id` filters down):
 *   ref|<conversationId>      → the conversation reference proactive posts need
 *   agent|<agentId>           → the agent's Teams user id (user-specific card views), personal
 *                               chat and time zone
 *   contact|<contactId>       → the same for a customer contact (their private KB suggestions)
 *   kb|<caseId>               → the KB suggestions offered at intake and what the customer chose
 */
interface TeamsDoc {
  _id: string;
  reference?: Record<string, unknown>;
  teamsUserId?: string;
  personalChat?: string;
  timeZone?: string;
  offer?: Record<string, unknown>;
  at: Date;
}

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

const kbOfferSchema = z.object({
  caseNumber: z.string().min(1),
  contactId: z.string().min(1),
  requesterName: z.string(),
  teamsUserId: z.string().min(1),
  slugs: z.array(z.string()),
  conversationId: z.string().min(1),
  messageId: z.string(),
  private: z.enum(['personal-chat', 'user-specific-view']),
  answer: z.enum(['solved', 'need-help']).optional(),
});

export const TEAMS_COLLECTION = 'teamsConversations';

// Only what continueConversationAsync needs; read back through zod like any stored document.
const referenceSchema = z.looseObject({
  serviceUrl: z.string().min(1),
  channelId: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1) }),
  bot: z.looseObject({ id: z.string() }).optional(),
});

/** `19:abc@thread.tacv2;messageid=123` → the channel and the thread (root message id). */
export const splitConversationId = (id: string): { base: string; threadId?: string } => {
  const [base = id, thread] = id.split(';messageid=');
  return thread ? { base, threadId: thread } : { base };
};

/**
 * A reference for a channel of the team another reference comes from: the same service
 * and bot, the channel's id (`19:…@thread.tacv2`). A new post there starts a new thread.
 */
export const channelReference = (
  from: Partial<ConversationReference>,
  channelId: string,
): Partial<ConversationReference> => {
  const { activityId: _activityId, ...rest } = from;
  return {
    ...rest,
    conversation: {
      ...(from.conversation ?? {}),
      id: channelId,
      conversationType: 'channel',
      isGroup: true,
    } as ConversationReference['conversation'],
  };
};

export interface TeamsConversationStore {
  saveReference(reference: Partial<ConversationReference>): Promise<void>;
  findReference(conversationId: string): Promise<Partial<ConversationReference> | undefined>;
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

export interface PruneAges {
  readonly kbOfferMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const PRUNE_AGES: PruneAges = { kbOfferMs: 90 * DAY_MS };

/** How long another replica's newly seen agent may be missing from `agentUserIds`. */
const AGENT_IDS_TTL_MS = 30_000;

export const createTeamsConversationStore = (connection: Connection): TeamsConversationStore => {
  const docs = connection.collection<TeamsDoc>(TEAMS_COLLECTION) as unknown as Collection<TeamsDoc>;
  // Every activity carries its reference; write it only when it is new or moved.
  const known = new Map<string, string>();
  const users = new Map<string, string>();
  const zones = new Map<string, string>();
  // Every card render lists the agents' Teams ids, and they change only when an agent is
  // first seen: this replica's own writes drop the list at once, other replicas' age it out.
  let agentIds: { readonly at: number; readonly ids: Promise<string[]> } | undefined;
  const rememberUser = async (
    id: string,
    teamsUserId: string,
    personalChat: string | undefined,
    timeZone: string | undefined,
  ) => {
    const stamp = `${teamsUserId}|${personalChat ?? ''}|${timeZone ?? ''}`;
    if (timeZone) zones.set(id, timeZone);
    if (users.get(id) === stamp) return;
    await docs.updateOne(
      { _id: id },
      {
        $set: {
          teamsUserId,
          at: new Date(),
          ...(personalChat ? { personalChat } : {}),
          ...(timeZone ? { timeZone } : {}),
        },
      },
      { upsert: true },
    );
    users.set(id, stamp);
    if (id.startsWith('agent|')) agentIds = undefined;
  };
  const userRecord = async (id: string): Promise<TeamsUserRecord | undefined> => {
    const doc = await docs.findOne({ _id: id });
    return doc?.teamsUserId
      ? {
          teamsUserId: doc.teamsUserId,
          ...(doc.personalChat ? { personalChat: doc.personalChat } : {}),
          ...(doc.timeZone ? { timeZone: doc.timeZone } : {}),
        }
      : undefined;
  };
  const zoneOf = async (id: string): Promise<string | undefined> => {
    const known = zones.get(id);
    if (known) return known;
    const zone = (await userRecord(id))?.timeZone;
    if (zone) zones.set(id, zone);
    return zone;
  };
  return {
    async saveReference(reference) {
      const id = reference.conversation?.id;
      if (!id || !reference.serviceUrl) return;
      const { base } = splitConversationId(id);
      const stamp = `${reference.serviceUrl}|${reference.bot?.id ?? ''}`;
      if (known.get(base) === stamp) return;
      const plain = JSON.parse(
        JSON.stringify({ ...reference, conversation: { ...reference.conversation, id: base } }),
      ) as Record<string, unknown>;
      delete plain.activityId;
      await docs.replaceOne(
        { _id: `ref|${base}` },
        { reference: plain, at: new Date() },
        { upsert: true },
      );
      known.set(base, stamp);
    },
    async findReference(conversationId) {
      const doc = await docs.findOne({ _id: `ref|${splitConversationId(conversationId).base}` });
      const parsed = referenceSchema.safeParse(doc?.reference);
      return parsed.success
        ? (parsed.data as unknown as Partial<ConversationReference>)
        : undefined;
    },
    rememberAgentUser: (agentId, teamsUserId, personalChat, timeZone) =>
      rememberUser(`agent|${agentId}`, teamsUserId, personalChat, timeZone),
    rememberContactUser: (contactId, teamsUserId, personalChat, timeZone) =>
      rememberUser(`contact|${contactId}`, teamsUserId, personalChat, timeZone),
    contactUser: (contactId) => userRecord(`contact|${contactId}`),
    agentUser: (agentId) => userRecord(`agent|${agentId}`),
    agentZone: (agentId) => zoneOf(`agent|${agentId}`),
    contactZone: (contactId) => zoneOf(`contact|${contactId}`),
    async saveKbOffer(caseId, offer) {
      await docs.replaceOne(
        { _id: `kb|${caseId}` },
        { offer: { ...offer }, at: new Date() },
        { upsert: true },
      );
    },
    async kbOffer(caseId) {
      const doc = await docs.findOne({ _id: `kb|${caseId}` });
      const parsed = kbOfferSchema.safeParse(doc?.offer);
      return parsed.success ? parsed.data : undefined;
    },
    async answerKbOffer(caseId, answer) {
      // Only an offer without an answer takes one, so two presses cannot both count.
      const result = await docs.updateOne(
        { _id: `kb|${caseId}`, 'offer.answer': { $exists: false } },
        { $set: { 'offer.answer': answer, at: new Date() } },
      );
      return result.modifiedCount === 1;
    },
    async agentChat(agentId) {
      const doc = await docs.findOne({ _id: `agent|${agentId}` });
      return doc?.personalChat;
    },
    async prune(now, keep = {}) {
      const ages = { ...PRUNE_AGES, ...keep };
      const before = (ms: number) => ({ $lt: new Date(now.getTime() - ms) });
      const [activities, offers] = await Promise.all([
        docs.deleteMany({ _id: { $regex: '^activity\\|' } }),
        docs.deleteMany({ _id: { $regex: '^kb\\|' }, at: before(ages.kbOfferMs) }),
      ]);
      return activities.deletedCount + offers.deletedCount;
    },
    agentUserIds() {
      if (agentIds && Date.now() - agentIds.at < AGENT_IDS_TTL_MS) return agentIds.ids;
      const ids = docs
        .find({ _id: { $regex: '^agent\\|' } })
        .toArray()
        .then((found) => found.map((d) => d.teamsUserId).filter((id): id is string => Boolean(id)));
      const entry = { at: Date.now(), ids };
      agentIds = entry;
      ids.catch(() => {
        if (agentIds === entry) agentIds = undefined;
      });
      return ids;
    },
  };
};
