import type { ChatLink, PostIntent, PostSlot } from '../../../src/ports/chat-links.js';
import { makePostOnce, type OnePost } from '../../../src/use-cases/post-once.js';
import { InMemoryChatLinks } from '../../support/in-memory/cases.js';

/** The chat-link port in memory; `failSaves` makes the next records throw (a database down). */
class MemoryChatLinks extends InMemoryChatLinks {
  failSaves = 0;
  private fail() {
    if (this.failSaves <= 0) return;
    this.failSaves -= 1;
    throw new Error('database down');
  }
  override async save(link: ChatLink) {
    this.fail();
    await super.save(link);
  }
  override async markPosted(caseId: string, slot: PostSlot, entryId: string, messageId: string) {
    this.fail();
    await super.markPosted(caseId, slot, entryId, messageId);
  }
}

const clock = { now: () => new Date('2026-12-02T09:00:00Z') };

/** A chat that numbers its messages and, optionally, can be searched for earlier ones. */
const chat = (links: MemoryChatLinks, searchable: boolean) => {
  const posted: string[] = [];
  const searched: PostIntent[] = [];
  const post = (slot: PostSlot, entryId: string, found?: string): OnePost => ({
    caseId: 'case-1',
    slot,
    entryId,
    address: 'chat:C1',
    threadId: slot.endsWith('-card') ? undefined : 'm-card',
    post: async () => {
      // The intent is on record before anything reaches the chat.
      if (searchable) expect(await links.findIntent('case-1', slot)).toBeDefined();
      posted.push(entryId);
      return `m-${posted.length}`;
    },
    ...(searchable
      ? {
          findEarlier: async (intent: PostIntent) => {
            searched.push(intent);
            return found;
          },
        }
      : {}),
  });
  return { posted, searched, post };
};

describe('posting once per outbox entry', () => {
  it('after a failed record, the retry in the same process posts nothing and records the link', async () => {
    const links = new MemoryChatLinks();
    const postOnce = makePostOnce({ chatLinks: links, clock });
    const { posted, searched, post } = chat(links, true);
    links.failSaves = 1;
    await expect(postOnce(post('customer-card', 'e1'))).rejects.toThrow('database down');

    const retry = await postOnce(post('customer-card', 'e1'));

    expect(posted).toEqual(['e1']);
    expect(searched).toHaveLength(0);
    expect(retry).toEqual({ messageId: 'm-1', address: 'chat:C1', earlier: true });
    expect(await links.find('case-1', 'customer-card')).toMatchObject({ messageId: 'm-1' });
  });

  it('a card is one per case: a later entry finds the card an earlier entry posted', async () => {
    const links = new MemoryChatLinks();
    await links.recordIntent({
      caseId: 'case-1',
      slot: 'staff-card',
      entryId: 'e1',
      address: 'chat:C1',
      at: clock.now(),
    });
    const { posted, searched, post } = chat(links, true);

    await makePostOnce({ chatLinks: links, clock })(post('staff-card', 'e2', 'm-earlier'));

    expect(posted).toEqual([]);
    expect(searched.map((i) => i.entryId)).toEqual(['e1']);
    expect(await links.find('case-1', 'staff-card')).toMatchObject({
      messageId: 'm-earlier',
      threadId: 'm-earlier',
    });
  });

  it('a thread message is one per entry: the next entry posts without a search', async () => {
    const links = new MemoryChatLinks();
    const first = makePostOnce({ chatLinks: links, clock });
    const { posted, searched, post } = chat(links, true);
    await first(post('staff-thread', 'e1'));
    // Another process, with no memory of the first post.
    const other = makePostOnce({ chatLinks: links, clock });

    await other(post('staff-thread', 'e1'));
    await other(post('staff-thread', 'e2'));

    expect(posted).toEqual(['e1', 'e2']);
    expect(searched).toHaveLength(0);
    expect(await links.findIntent('case-1', 'staff-thread')).toMatchObject({
      entryId: 'e2',
      messageId: 'm-2',
    });
  });

  it('a chat that cannot be searched records no intents and relies on memory alone', async () => {
    const links = new MemoryChatLinks();
    const postOnce = makePostOnce({ chatLinks: links, clock, remember: 1 });
    const { posted, post } = chat(links, false);
    await postOnce(post('customer-thread', 'e1'));
    await postOnce(post('customer-thread', 'e1'));
    expect(posted).toEqual(['e1']);
    expect(links.intents.size).toBe(0);

    // Memory is bounded: what it forgot is posted again.
    await postOnce(post('staff-thread', 'e2'));
    await postOnce(post('customer-thread', 'e1'));
    expect(posted).toEqual(['e1', 'e2', 'e1']);
  });
});
