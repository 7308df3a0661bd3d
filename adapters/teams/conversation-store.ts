import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { TeamsMemory } from '../../src/ports/teams-memory.js';

export type { KbOffer, PruneAges, TeamsUserRecord } from '../../src/ports/teams-memory.js';

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

/** The Teams adapter's memory, with conversation references as Bot Framework types them. */
export interface TeamsConversationStore extends Omit<
  TeamsMemory,
  'saveReference' | 'findReference'
> {
  saveReference(reference: Partial<ConversationReference>): Promise<void>;
  findReference(conversationId: string): Promise<Partial<ConversationReference> | undefined>;
}

/** References are kept per channel or chat, not per thread, without the activity id. */
export const createTeamsConversationStore = (memory: TeamsMemory): TeamsConversationStore => {
  // Every activity carries its reference; write it only when it is new or moved.
  const known = new Map<string, string>();
  return {
    ...memory,
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
      await memory.saveReference(base, plain);
      known.set(base, stamp);
    },
    async findReference(conversationId) {
      const found = await memory.findReference(splitConversationId(conversationId).base);
      const parsed = referenceSchema.safeParse(found);
      return parsed.success
        ? (parsed.data as unknown as Partial<ConversationReference>)
        : undefined;
    },
  };
};
