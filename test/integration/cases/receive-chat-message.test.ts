import { MongoChatLinks } from '../../../src/store/chat-links/mongo-chat-links.js';
import { wordOverlap } from '../../../src/kb/word-overlap.js';
import { makeReceiveChatMessage } from '../../../src/use-cases/receive-chat-message.js';
import { startCoreFixture, type CoreFixture } from '../../support/core-fixture.js';

/**
 * Chat messages as the adapters hand them over, against the real database. Here no
 * notifier posts cards, so no thread is on record: what the use case decides alone.
 */
describe('a chat message in the thread of a new request', () => {
  let fx: CoreFixture;
  beforeAll(async () => {
    fx = await startCoreFixture('chat_message');
  });
  afterAll(async () => fx.close());

  const receiver = (withIntakeLookup: boolean) =>
    makeReceiveChatMessage({
      chatLinks: new MongoChatLinks(fx.connection),
      cases: fx.core.cases,
      clock: fx.clock,
      groupingWindowMs: 60_000,
      reopenWithinDays: 14,
      overlap: wordOverlap,
      openCase: fx.core.useCases.openCase,
      replyToCustomer: fx.core.useCases.replyToCustomer,
      addInternalNote: fx.core.useCases.addInternalNote,
      ...(withIntakeLookup
        ? { caseOfIntake: (key: string) => fx.core.cases.findByIntakeClaim(key) }
        : {}),
    });
  // Each test starts after the grouping window of the one before.
  beforeEach(() => fx.clock.advance(120_000));
  const message = async (messageId: string, text: string, threadId?: string) => ({
    actor: await fx.customer(),
    channel: 'slack' as const,
    address: 'slack:D0CHAT0001',
    messageId,
    text,
    intakeAllowed: true,
    ...(threadId ? { threadId } : {}),
  });

  it('joins the case the customer’s own message opened, before its card is out', async () => {
    const receive = receiver(true);
    const opened = await receive(await message('100.1', 'Payslips show last month’s tax code'));
    if (!opened.ok || opened.value.outcome !== 'opened') throw new Error('expected a new case');

    const reply = await receive(await message('100.2', 'Screenshot attached: code 1257L', '100.1'));
    expect(reply).toEqual({
      ok: true,
      value: { outcome: 'commented', caseId: opened.value.caseId, reopened: false },
    });
    const stored = await fx.core.cases.findById(opened.value.caseId);
    expect(stored?.events.filter((e) => e.type === 'commented').map((e) => e.text)).toEqual([
      'Screenshot attached: code 1257L',
    ]);
    // A redelivery of the same reply adds nothing.
    await receive(await message('100.2', 'Screenshot attached: code 1257L', '100.1'));
    const again = await fx.core.cases.findById(opened.value.caseId);
    expect(again?.events.filter((e) => e.type === 'commented')).toHaveLength(1);
  });

  it('ignores a reply under a message that opened no case', async () => {
    const receive = receiver(true);
    const courtesy = await receive(await message('200.1', 'thanks!'));
    // A courtesy opens nothing; its writer is told so.
    expect(courtesy).toEqual({ ok: true, value: { outcome: 'courtesy', on: 'none' } });
    const reply = await receive(await message('200.2', 'and one more thing', '200.1'));
    expect(reply).toEqual({ ok: true, value: { outcome: 'ignored', reason: 'not a case thread' } });
  });

  it('without the intake lookup wired in, such a reply is not recognised (the control)', async () => {
    const receive = receiver(false);
    const opened = await receive(await message('300.1', 'Year-end report is empty'));
    expect(opened.ok && opened.value.outcome).toBe('opened');
    const reply = await receive(await message('300.2', 'for all cost centres', '300.1'));
    expect(reply).toEqual({ ok: true, value: { outcome: 'ignored', reason: 'not a case thread' } });
  });
});
