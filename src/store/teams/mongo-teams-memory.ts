import type { Collection, Connection } from 'mongoose';
import { z } from 'zod';
import { PRUNE_AGES, type TeamsMemory, type TeamsUserRecord } from '../../ports/teams-memory.js';

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

export const TEAMS_COLLECTION = 'teamsConversations';

const referenceJson = z.record(z.string(), z.unknown());

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

/** How long another replica's newly seen agent may be missing from `agentUserIds`. */
const AGENT_IDS_TTL_MS = 30_000;

export const createMongoTeamsMemory = (connection: Connection): TeamsMemory => {
  const docs = connection.collection<TeamsDoc>(TEAMS_COLLECTION) as unknown as Collection<TeamsDoc>;
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
    async saveReference(conversationId, reference) {
      await docs.replaceOne(
        { _id: `ref|${conversationId}` },
        { reference: { ...reference }, at: new Date() },
        { upsert: true },
      );
    },
    async findReference(conversationId) {
      const doc = await docs.findOne({ _id: `ref|${conversationId}` });
      const parsed = referenceJson.safeParse(doc?.reference);
      return parsed.success ? parsed.data : undefined;
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
