/**
 * What every chat-links store must do: run against the in-memory one (unit project) and
 * MongoChatLinks on the real server (integration project). Case ids are unique per test.
 */
import type { ChatLinkRepository } from '../../src/ports/chat-links.js';

export interface ChatLinksSubject {
  readonly links: ChatLinkRepository;
  close(): Promise<void>;
}

const at = (iso: string) => new Date(`2026-12-02T${iso}Z`);

export const describeChatLinksContract = (
  kind: string,
  open: () => Promise<ChatLinksSubject>,
): void =>
  describe(`the chat links contract (${kind})`, () => {
    let subject: ChatLinksSubject;
    let links: ChatLinkRepository;
    beforeAll(async () => {
      subject = await open();
      links = subject.links;
    });
    afterAll(() => subject.close());

    it("finds a card by case and role, and the case by the card's thread", async () => {
      const link = {
        caseId: 'c1',
        role: 'customer-card' as const,
        address: 'slack:D1',
        messageId: '100.1',
        threadId: '100.0',
      };
      await links.save(link);
      expect(await links.find('c1', 'customer-card')).toEqual(link);
      expect(await links.find('c1', 'staff-card')).toBeUndefined();
      expect(await links.findThread('slack:D1', '100.0')).toEqual({
        caseId: 'c1',
        role: 'customer-card',
      });
      expect(await links.findThread('slack:D1', '999.0')).toBeUndefined();
    });

    it('replaces a card saved again: the latest post is the card', async () => {
      const first = {
        caseId: 'c2',
        role: 'staff-card' as const,
        address: 'slack:C9',
        messageId: '200.1',
        threadId: '200.1',
      };
      await links.save(first);
      await links.save({ ...first, messageId: '300.1', threadId: '300.1' });
      expect(await links.find('c2', 'staff-card')).toMatchObject({ messageId: '300.1' });
      expect(await links.findThread('slack:C9', '300.1')).toEqual({
        caseId: 'c2',
        role: 'staff-card',
      });
    });

    it('remembers what a person last wrote about, within the window only', async () => {
      await links.rememberIntake('slack:C1', 'p1', 'c3', at('09:00:00'));
      expect(await links.recentIntake('slack:C1', 'p1', at('09:01:00'), 120_000)).toBe('c3');
      expect(await links.recentIntake('slack:C1', 'p1', at('09:03:00'), 120_000)).toBeUndefined();
      expect(await links.recentIntake('slack:C1', 'p2', at('09:01:00'), 120_000)).toBeUndefined();
      await links.rememberIntake('slack:C1', 'p1', 'c4', at('09:02:30'));
      expect(await links.recentIntake('slack:C1', 'p1', at('09:03:00'), 120_000)).toBe('c4');
    });

    it("keeps one intent per slot; a posted message is noted only on that entry's intent", async () => {
      const intent = {
        caseId: 'c5',
        slot: 'customer-thread' as const,
        entryId: 'e1',
        address: 'slack:D5',
        threadId: '500.0',
        at: at('10:00:00'),
      };
      await links.recordIntent(intent);
      await links.markPosted('c5', 'customer-thread', 'e1', '500.1');
      expect(await links.findIntent('c5', 'customer-thread')).toEqual({
        ...intent,
        messageId: '500.1',
      });
      await links.recordIntent({ ...intent, entryId: 'e2', at: at('10:01:00') });
      await links.markPosted('c5', 'customer-thread', 'e1', 'stale');
      expect(await links.findIntent('c5', 'customer-thread')).toEqual({
        ...intent,
        entryId: 'e2',
        at: at('10:01:00'),
      });
      expect(await links.findIntent('c5', 'staff-thread')).toBeUndefined();
    });
  });
