import type {
  ChatLink,
  ChatLinkRepository,
  ChatLinkRole,
  PostIntent,
  PostSlot,
  ThreadOwner,
} from '../../../src/ports/chat-links.js';

/** The chat-links port in maps keyed as MongoChatLinks keys its documents. */
export class InMemoryChatLinks implements ChatLinkRepository {
  private readonly cards = new Map<string, ChatLink>();
  private readonly threads = new Map<string, ThreadOwner>();
  private readonly intakes = new Map<string, { caseId: string; at: Date }>();
  readonly intents = new Map<string, PostIntent>();

  async save(link: ChatLink): Promise<void> {
    this.cards.set(`${link.caseId}|${link.role}`, { ...link });
    this.threads.set(`${link.address}|${link.threadId}`, { caseId: link.caseId, role: link.role });
  }

  async find(caseId: string, role: ChatLinkRole): Promise<ChatLink | undefined> {
    const link = this.cards.get(`${caseId}|${role}`);
    return link && { ...link };
  }

  async findThread(address: string, threadId: string): Promise<ThreadOwner | undefined> {
    const owner = this.threads.get(`${address}|${threadId}`);
    return owner && { ...owner };
  }

  async recentIntake(address: string, contactId: string, now: Date, windowMs: number) {
    const intake = this.intakes.get(`${address}|${contactId}`);
    if (!intake || now.getTime() - intake.at.getTime() > windowMs) return undefined;
    return intake.caseId;
  }

  async rememberIntake(address: string, contactId: string, caseId: string, at: Date) {
    this.intakes.set(`${address}|${contactId}`, { caseId, at: new Date(at) });
  }

  async recordIntent(intent: PostIntent) {
    this.intents.set(`${intent.caseId}|${intent.slot}`, { ...intent });
  }

  async findIntent(caseId: string, slot: PostSlot) {
    const intent = this.intents.get(`${caseId}|${slot}`);
    return intent && { ...intent };
  }

  async markPosted(caseId: string, slot: PostSlot, entryId: string, messageId: string) {
    const intent = this.intents.get(`${caseId}|${slot}`);
    if (intent?.entryId === entryId)
      this.intents.set(`${caseId}|${slot}`, { ...intent, messageId });
  }
}
