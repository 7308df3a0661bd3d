/**
 * The customer's private KB suggestions in Teams, over HTTP: intake with a matching article
 * → a suggestion card only the requester sees → "This solved it" solves the case as
 * self-service (the article counts one helpful vote, the customer card updates) or "Still
 * need help" records the answer and leaves the case with the agents.
 */
import { articleDraft } from '../support/kb-article.js';
import { cardAction, messageActivity, SUPPORT_CHANNEL } from '../support/teams/activities.js';
import {
  cardOf,
  eventually,
  TEAMS_AGENT,
  TEAMS_CUSTOMER,
  useTeamsE2E,
  verbsIn,
} from '../support/teams/e2e.js';
import type { ConnectorCall } from '../support/teams/fake-connector.js';

const e2e = useTeamsE2E();
const SYSTEM = { kind: 'system', name: 'teams kb e2e' } as const;
const SLUG = 'receipt-printer-offline';

beforeAll(async () => {
  for (const draft of [
    articleDraft({
      slug: SLUG,
      title: 'Receipt printer shows as offline at the checkout',
      problem: 'The till cannot print receipts.',
      solution: 'Run *Test print* in POS settings <then> reinstall the driver.',
      docLinks: ['https://docs.example/pos/printers'],
    }),
    articleDraft({
      slug: 'printer-server-internal',
      title: 'Server printer not found',
      problem: 'Receipt printer offline on the server; the till cannot print receipts.',
      visibility: 'internal',
    }),
  ]) {
    const saved = await e2e.app.core.kb.useCases.saveKbArticle({ actor: SYSTEM, article: draft });
    expect(saved.ok).toBe(true);
  }
});

const isSuggestionCard = (call: ConnectorCall, caseId: string) =>
  call.method === 'POST' &&
  call.status === 200 &&
  verbsIn(call.body).includes('kbSolved') &&
  JSON.stringify(call.body).includes(caseId);

/** A card as text, with the markdown escapes taken out. */
const textOf = (value: unknown) => JSON.stringify(value).replaceAll('\\\\', '');

const articleOf = () => e2e.app.core.kb.articles.get(SLUG);

type Opened = Awaited<ReturnType<typeof e2e.openCase>>;

/** The requester pressing a button on the suggestion card of their case. */
const pressOn = (
  opened: Opened,
  offer: ConnectorCall,
  verb: string,
  data: Record<string, string>,
) =>
  e2e.post(
    cardAction(e2e.connector.url, {
      from: TEAMS_CUSTOMER,
      conversation: opened.conversation,
      verb,
      data: { caseId: opened.case.id, ...data },
      replyToId: offer.postedId!,
    }),
  );

describe('Teams: KB suggestions in the personal chat', () => {
  it('shows the requester the article; This solved it solves the case once, counts once, and updates the customer card', async () => {
    const opened = await e2e.openCase(
      'Checkout receipts: the receipt printer shows offline and the till cannot print receipts',
    );
    const offer = await e2e.connector.waitFor((c) => isSuggestionCard(c, opened.case.id));
    expect(offer.conversationId).toBe(opened.conversation.id);
    const shown = JSON.stringify(cardOf(offer));
    expect(shown).toContain('Receipt printer shows as offline at the checkout');
    expect(shown).not.toContain('Server printer not found');
    // The author's markup is escaped, not rendered.
    expect(shown).toContain('\\\\*Test print\\\\*');
    expect(verbsIn(cardOf(offer))).toEqual(['kbSolved', 'kbNeedHelp']);
    const helpfulBefore = (await articleOf())?.helpful ?? 0;

    const press = () => pressOn(opened, offer, 'kbSolved', { slug: SLUG });
    const first = await press();
    expect(first.status).toBe(200);
    expect(textOf(first.body!.value)).toContain(`${opened.case.number} is solved`);
    expect(verbsIn(first.body!.value)).toEqual([]);
    const solved = await e2e.app.core.cases.findById(opened.case.id);
    expect(solved?.statusCategory).toBe('solved');
    expect(solved?.resolution?.type).toBe('self-solved');
    expect((await articleOf())?.helpful).toBe(helpfulBefore + 1);
    // The suggestion message itself is replaced, so the chat keeps no live buttons.
    const replaced = await e2e.connector.waitFor(
      (c) => c.method === 'PUT' && c.status === 200 && c.activityId === offer.postedId,
    );
    expect(verbsIn(cardOf(replaced))).toEqual([]);
    // The customer's case card moves to solved with the article as its solution.
    const customerUpdate = await e2e.connector.waitFor(
      (c) =>
        c.method === 'PUT' &&
        c.activityId === opened.customerCard.postedId &&
        textOf(c.body).includes(SLUG),
    );
    expect(verbsIn(cardOf(customerUpdate))).toEqual(expect.arrayContaining(['reopen']));

    // A double press changes nothing and counts nothing.
    const second = await press();
    expect(textOf(second.body!.value)).toContain(`${opened.case.number} is solved`);
    const after = await e2e.app.core.cases.findById(opened.case.id);
    expect(after?.events).toHaveLength(solved!.events.length);
    expect(after?.solvedAt).toEqual(solved?.solvedAt);
    expect((await articleOf())?.helpful).toBe(helpfulBefore + 1);
  });

  it('Still need help is recorded as not helpful and leaves the case open', async () => {
    const opened = await e2e.openCase(
      'Checkout slips: receipt printer offline, the till cannot print receipts again',
    );
    const offer = await e2e.connector.waitFor((c) => isSuggestionCard(c, opened.case.id));
    const before = (await articleOf())?.notHelpful ?? 0;
    const press = () => pressOn(opened, offer, 'kbNeedHelp', { slugs: SLUG });
    const answer = await press();
    expect(JSON.stringify(answer.body!.value)).toMatch(/agent will pick up/);
    await press();
    expect((await articleOf())?.notHelpful).toBe(before + 1);
    const stored = await e2e.app.core.cases.findById(opened.case.id);
    expect(stored?.statusCategory).toBe('new');
    expect(stored?.resolution).toBeUndefined();
  });

  it('someone else pressing This solved it on the card is refused and nothing changes', async () => {
    const opened = await e2e.openCase(
      'Checkout copies: receipt printer offline, the till cannot print receipts at all',
    );
    await e2e.connector.waitFor((c) => isSuggestionCard(c, opened.case.id));
    const pressed = await e2e.post(
      cardAction(e2e.connector.url, {
        from: { id: '29:stranger', name: 'Who' },
        conversation: opened.conversation,
        verb: 'kbSolved',
        data: { caseId: opened.case.id, slug: SLUG },
      }),
    );
    expect(JSON.stringify(pressed.body!.value)).toContain('We do not know you');
    expect((await e2e.app.core.cases.findById(opened.case.id))?.statusCategory).toBe('new');
  });
});

describe('Teams: KB suggestions in a shared channel', () => {
  it('everyone gets a placeholder; only the requester’s user-specific view has the articles', async () => {
    const rootId = '1700000999001';
    const channel = {
      id: `${SUPPORT_CHANNEL};messageid=${rootId}`,
      conversationType: 'channel' as const,
    };
    await e2e.post(
      messageActivity(e2e.connector.url, {
        from: TEAMS_CUSTOMER,
        conversation: channel,
        text: 'Checkout print: the receipt printer shows offline and the till cannot print receipts',
        id: rootId,
      }),
    );
    const stored = await eventually(() =>
      e2e.app.core.cases.findByIntakeKey(`teams:${SUPPORT_CHANNEL}:${rootId}`),
    );
    const placeholder = await e2e.connector.waitFor(
      (c) =>
        c.method === 'POST' &&
        c.status === 200 &&
        c.conversationId === channel.id &&
        JSON.stringify(c.body).includes('only they see them'),
    );
    const card = cardOf(placeholder) as { refresh?: { userIds: string[] } };
    expect(JSON.stringify(card)).not.toContain('Receipt printer shows as offline');
    expect(verbsIn(card)).toEqual([]);
    expect(card.refresh?.userIds).toEqual([TEAMS_CUSTOMER.id]);

    const refresh = (from: typeof TEAMS_CUSTOMER | typeof TEAMS_AGENT) =>
      e2e.post(
        cardAction(e2e.connector.url, {
          from,
          conversation: channel,
          verb: 'refresh',
          data: { caseId: stored.id, card: 'kb' },
          replyToId: placeholder.postedId!,
        }),
      );
    const mine = await refresh(TEAMS_CUSTOMER);
    expect(JSON.stringify(mine.body!.value)).toContain('Receipt printer shows as offline');
    expect(verbsIn(mine.body!.value)).toEqual(['kbSolved', 'kbNeedHelp']);
    const theirs = await refresh(TEAMS_AGENT);
    expect(JSON.stringify(theirs.body!.value)).not.toContain('Receipt printer shows as offline');
    expect(verbsIn(theirs.body!.value)).toEqual([]);
  });
});
