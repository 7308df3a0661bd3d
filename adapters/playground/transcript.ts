/**
 * What each emulated conversation has said, in order, for Direct Line polling. An update
 * (the bot's PUT, an invoke's refreshed card) appends the activity again under the same id
 * with a later watermark, which is how a polling client learns that a card changed.
 */
export interface Activity {
  readonly id?: string;
  readonly type: string;
  readonly [key: string]: unknown;
}

interface Entry {
  readonly watermark: number;
  readonly activity: Activity;
}

// A playground session is short; an upper bound keeps a forgotten tab from growing memory.
const MAX_ENTRIES = 2000;

export class Transcripts {
  private readonly byConversation = new Map<string, Entry[]>();
  private watermark = 0;
  private ids = 0;

  newId(): string {
    return `pg-${Date.now().toString(36)}-${(this.ids += 1).toString(36)}`;
  }

  append(conversationId: string, activity: Activity): void {
    // An update supersedes the earlier version, so a client starting from zero sees one.
    const entries = (this.byConversation.get(conversationId) ?? []).filter(
      (e) => !activity.id || e.activity.id !== activity.id,
    );
    entries.push({ watermark: (this.watermark += 1), activity });
    if (entries.length > MAX_ENTRIES) entries.splice(0, entries.length - MAX_ENTRIES);
    this.byConversation.set(conversationId, entries);
  }

  find(conversationId: string, id: string): Activity | undefined {
    const entries = this.byConversation.get(conversationId) ?? [];
    for (let i = entries.length - 1; i >= 0; i -= 1)
      if (entries[i]!.activity.id === id) return entries[i]!.activity;
    return undefined;
  }

  /** Everything after `watermark`, and the watermark to ask from next time. */
  since(conversationId: string, watermark: number): { activities: Activity[]; watermark: number } {
    const entries = (this.byConversation.get(conversationId) ?? []).filter(
      (e) => e.watermark > watermark,
    );
    const last = entries.at(-1)?.watermark ?? watermark;
    return { activities: entries.map((e) => e.activity), watermark: last };
  }
}
