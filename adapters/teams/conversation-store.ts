import type { ConversationReference } from 'botbuilder';
import type { Collection, Connection } from 'mongoose';
import { z } from 'zod';

/**
 * What the Teams adapter keeps in MongoDB, in one collection where every lookup is by
 * `_id` (FerretDB 1.x only pushes `_id` filters down):
 *   ref|<conversationId>      → the conversation reference proactive posts need
 *   activity|<activityId>     → an invoke already handled (Teams may deliver it twice)
 *   agent|<agentId>           → the agent's Teams user id, for user-specific card views
 */
interface TeamsDoc {
  _id: string;
  reference?: Record<string, unknown>;
  teamsUserId?: string;
  personalChat?: string;
  at: Date;
}

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

export interface TeamsConversationStore {
  saveReference(reference: Partial<ConversationReference>): Promise<void>;
  findReference(conversationId: string): Promise<Partial<ConversationReference> | undefined>;
  /** True the first time an activity id is seen; false for a redelivery. */
  claimActivity(activityId: string): Promise<boolean>;
  /** The agent's Teams user id and, when they wrote in a personal chat, that chat. */
  rememberAgentUser(agentId: string, teamsUserId: string, personalChat?: string): Promise<void>;
  agentChat(agentId: string): Promise<string | undefined>;
  agentUserIds(): Promise<string[]>;
}

const isDuplicateKey = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;

export const createTeamsConversationStore = (connection: Connection): TeamsConversationStore => {
  const docs = connection.collection<TeamsDoc>(TEAMS_COLLECTION) as unknown as Collection<TeamsDoc>;
  // Every activity carries its reference; write it only when it is new or moved.
  const known = new Map<string, string>();
  const agentUsers = new Map<string, string>();
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
    async claimActivity(activityId) {
      try {
        await docs.insertOne({ _id: `activity|${activityId}`, at: new Date() });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },
    async rememberAgentUser(agentId, teamsUserId, personalChat) {
      const stamp = `${teamsUserId}|${personalChat ?? ''}`;
      if (agentUsers.get(agentId) === stamp) return;
      await docs.updateOne(
        { _id: `agent|${agentId}` },
        { $set: { teamsUserId, at: new Date(), ...(personalChat ? { personalChat } : {}) } },
        { upsert: true },
      );
      agentUsers.set(agentId, stamp);
    },
    async agentChat(agentId) {
      const doc = await docs.findOne({ _id: `agent|${agentId}` });
      return doc?.personalChat;
    },
    async agentUserIds() {
      // A handful of agents: a scan of this prefix is cheap next to a card post.
      const found = await docs.find({ _id: { $regex: '^agent\\|' } }).toArray();
      return found.map((d) => d.teamsUserId).filter((id): id is string => Boolean(id));
    },
  };
};
