import type { Collection, Connection } from 'mongoose';
import { z } from 'zod';
import type {
  ChatLink,
  ChatLinkRepository,
  ChatLinkRole,
  PostIntent,
  PostSlot,
  ThreadOwner,
} from '../../ports/chat-links.js';

/**
 * One collection, every lookup by `_id`: FerretDB 1.x only pushes `_id` filters down to
 * its storage, and on MongoDB a primary-key lookup is the cheapest there is.
 *   case|<caseId>|<role>          → the card's address and message id
 *   thread|<address>|<threadId>   → the case and role that own a thread
 *   intake|<address>|<contactId>  → the case a person last wrote about, and when
 *   intent|<caseId>|<slot>        → the latest post attempted in that slot (one per slot,
 *                                   replaced by the next, so they never pile up)
 */
interface LinkDoc {
  _id: string;
  caseId: string;
  role?: ChatLinkRole;
  slot?: PostSlot;
  entryId?: string;
  address?: string;
  messageId?: string;
  threadId?: string;
  at?: Date;
}

const intentDoc = z.object({
  caseId: z.string(),
  slot: z.enum(['customer-card', 'staff-card', 'customer-thread', 'staff-thread']),
  entryId: z.string(),
  address: z.string(),
  threadId: z.string().optional(),
  at: z.date(),
  messageId: z.string().optional(),
});
const intentId = (caseId: string, slot: PostSlot) => `intent|${caseId}|${slot}`;

export class MongoChatLinks implements ChatLinkRepository {
  private readonly links: Collection<LinkDoc>;

  constructor(connection: Connection) {
    this.links = connection.collection<LinkDoc>('chatLinks') as unknown as Collection<LinkDoc>;
  }

  async save(link: ChatLink): Promise<void> {
    await Promise.all([
      this.links.replaceOne(
        { _id: `case|${link.caseId}|${link.role}` },
        { ...link },
        { upsert: true },
      ),
      this.links.replaceOne(
        { _id: `thread|${link.address}|${link.threadId}` },
        { caseId: link.caseId, role: link.role },
        { upsert: true },
      ),
    ]);
  }

  async find(caseId: string, role: ChatLinkRole): Promise<ChatLink | undefined> {
    const doc = await this.links.findOne({ _id: `case|${caseId}|${role}` });
    if (!doc?.address || !doc.messageId || !doc.threadId) return undefined;
    return { caseId, role, address: doc.address, messageId: doc.messageId, threadId: doc.threadId };
  }

  async findThread(address: string, threadId: string): Promise<ThreadOwner | undefined> {
    const doc = await this.links.findOne({ _id: `thread|${address}|${threadId}` });
    return doc?.role ? { caseId: doc.caseId, role: doc.role } : undefined;
  }

  async recentIntake(
    address: string,
    contactId: string,
    now: Date,
    windowMs: number,
  ): Promise<string | undefined> {
    const doc = await this.links.findOne({ _id: `intake|${address}|${contactId}` });
    if (!doc?.at || now.getTime() - doc.at.getTime() > windowMs) return undefined;
    return doc.caseId;
  }

  async rememberIntake(
    address: string,
    contactId: string,
    caseId: string,
    at: Date,
  ): Promise<void> {
    await this.links.replaceOne(
      { _id: `intake|${address}|${contactId}` },
      { caseId, at },
      { upsert: true },
    );
  }

  async recordIntent(intent: PostIntent): Promise<void> {
    await this.links.replaceOne(
      { _id: intentId(intent.caseId, intent.slot) },
      { ...intent },
      { upsert: true },
    );
  }

  async findIntent(caseId: string, slot: PostSlot): Promise<PostIntent | undefined> {
    const doc = await this.links.findOne({ _id: intentId(caseId, slot) });
    if (!doc) return undefined;
    const { _id: _, ...fields } = doc;
    return intentDoc.parse(fields);
  }

  async markPosted(
    caseId: string,
    slot: PostSlot,
    entryId: string,
    messageId: string,
  ): Promise<void> {
    await this.links.updateOne({ _id: intentId(caseId, slot), entryId }, { $set: { messageId } });
  }
}
