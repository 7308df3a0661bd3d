/**
 * The buttons on Teams' answers to a message, pressed over HTTP as `adaptiveCard/action`
 * invokes carrying the notice card's own verb and data: "This is a separate request",
 * "Reopen CASE-…" within the reopen window, and "Open a new case" after it.
 */
import { MongoChatLinks } from '../../src/store/chat-links/mongo-chat-links.js';
import type { CaseState } from '../../src/domain/case/types.js';
import { MESSAGES, OPENING_REQUEST } from '../support/conversation-table.js';
import { moveToStage } from '../support/conversation-stage.js';
import { cardAction } from '../support/teams/activities.js';
import { eventually, TEAMS_CUSTOMER, useTeamsE2E } from '../support/teams/e2e.js';
import {
  answersTo,
  delivered,
  mapCustomerTenant,
  newConversation,
  noticeOf,
  openIn,
  teamsMessage,
  unescapeCard,
  type TeamsWhere,
} from '../support/teams/places.js';

const e2e = useTeamsE2E();
/** Grace's colleague at Harbor Foods (examples/contacts.csv): sees her cases, wrote nothing. */
const LIAM = { id: '29:liam-byrne', name: 'Liam Byrne' } as const;

beforeAll(async () => {
  await mapCustomerTenant(e2e);
  e2e.connector.addMember(LIAM.id, { email: 'liam.byrne@harborfoods.example', name: LIAM.name });
});

const caseCount = async () => (await e2e.app.core.cases.list({ limit: 1000 })).length;
const stored = async (id: string) => (await e2e.app.core.cases.findById(id))!;

/** The customer writes `text`; resolves with the notice card the bot answered with. */
const write = async (where: TeamsWhere, text: string, root?: string) => {
  const since = e2e.connector.calls.length;
  const message = teamsMessage(e2e.connector.url, where, text, root ? { root } : {});
  await e2e.post(message);
  await delivered(e2e.app, message);
  const told = answersTo(e2e.connector.calls.slice(since), message);
  expect(told).toHaveLength(1);
  return { message, notice: told[0]!, ...noticeOf(told[0]!) };
};

type Written = Awaited<ReturnType<typeof write>>;

/** Presses the notice's button titled `title`; resolves with the text the card now shows. */
const press = async (
  written: Written,
  title: string,
  from: { readonly id: string; readonly name: string } = TEAMS_CUSTOMER,
) => {
  const button = written.actions.find((a) => a.title.startsWith(title));
  if (!button) throw new Error(`no ${title} on the notice`);
  const answered = await e2e.post(
    cardAction(e2e.connector.url, {
      from,
      conversation: written.message.conversation,
      verb: button.verb,
      data: button.data,
      replyToId: written.notice.postedId!,
    }),
  );
  expect(answered.status).toBe(200);
  const value = answered.body?.value as { body?: { text: string }[] } | string | undefined;
  return unescapeCard(typeof value === 'string' ? value : (value?.body?.[0]?.text ?? ''));
};

/** The case a message of `from` was moved to, once the move is recorded on it. */
const movedFrom = async (from: CaseState): Promise<CaseState> => {
  const moved = (await stored(from.id)).events.find((e) => e.type === 'message-moved');
  expect(moved).toBeDefined();
  return stored(String(moved!.data?.toCaseId));
};

/** Where the new case's customer card went: conversation and the message it answers. */
const customerCardOf = async (created: CaseState) => {
  const links = new MongoChatLinks(e2e.app.core.connection);
  const link = await eventually(() => links.find(created.id, 'customer-card'));
  return e2e.connector.calls.find((c) => c.postedId === link.messageId)!;
};

describe('Teams: the buttons on an answer to a message', () => {
  it.each(['personal chat', 'channel'] as const)(
    '"This is a separate request" in a %s splits the follow-up into its own case, once, and only for its writer',
    async (place) => {
      const where = newConversation(place, 'press');
      const opened = await openIn(e2e, where, OPENING_REQUEST);
      const followUp = await write(where, MESSAGES['follow-up']);
      expect(followUp.text).toMatch(/^Added to CASE-\d+/);
      const before = await caseCount();

      expect(await press(followUp, 'This is a separate request', LIAM)).toContain(
        'Only the person who wrote the message can move it',
      );
      expect(await caseCount()).toBe(before);

      const told = await press(followUp, 'This is a separate request');
      expect(await caseCount()).toBe(before + 1);
      const created = await movedFrom(opened.case);
      expect(told).toBe(
        `Opened ${created.number} for this message; it is no longer part of ${opened.case.number}.`,
      );
      expect(created.description).toBe(MESSAGES['follow-up']);
      expect(created.contactId).toBe(opened.case.contactId);
      // Where the customer wrote it: a reply to the follow-up in a chat, its thread in a channel.
      const card = await customerCardOf(created);
      expect([card.conversationId, card.activityId]).toEqual(
        place === 'channel'
          ? [followUp.message.conversation.id, undefined]
          : [where.base, followUp.message.id],
      );
      const old = await stored(opened.case.id);
      expect(old.events.filter((e) => e.type === 'message-moved')).toHaveLength(1);
      expect(
        old.events.some((e) => e.type === 'commented' && e.text === MESSAGES['follow-up']),
      ).toBe(true);

      expect(await press(followUp, 'This is a separate request')).toBe(told);
      expect(await press(followUp, 'This is a separate request', LIAM)).toContain(
        'Only the person who wrote the message can move it',
      );
      expect(await caseCount()).toBe(before + 1);
      expect(
        (await stored(opened.case.id)).events.filter((e) => e.type === 'message-moved'),
      ).toHaveLength(1);
    },
  );

  it('"Reopen CASE-…" on a case closed within the window opens it again', async () => {
    const where = newConversation('channel', 'press');
    const opened = await openIn(e2e, where, OPENING_REQUEST);
    await moveToStage(e2e.app.core, opened.case.id, 'closed');
    const written = await write(where, MESSAGES['follow-up'], opened.message.id);
    expect(written.actions.map((a) => a.title)).toEqual([
      `Reopen ${opened.case.number}`,
      'Open a new case',
    ]);
    const before = await caseCount();
    expect(await press(written, 'Reopen')).toBe(
      `Reopened ${opened.case.number}: the team picks it up again.`,
    );
    expect((await stored(opened.case.id)).statusCategory).toBe('open');
    expect(await caseCount()).toBe(before);
  });

  it('"Open a new case" on a case closed long ago opens one that refers to it', async () => {
    const where = newConversation('channel', 'press');
    const opened = await openIn(e2e, where, OPENING_REQUEST);
    await moveToStage(e2e.app.core, opened.case.id, 'closed-long-ago');
    const written = await write(where, MESSAGES['follow-up'], opened.message.id);
    expect(written.actions.map((a) => a.title)).toEqual(['Open a new case']);
    const before = await caseCount();
    const told = await press(written, 'Open a new case');
    expect(await caseCount()).toBe(before + 1);
    const created = await movedFrom(opened.case);
    expect(told).toBe(`Opened ${created.number}, which refers to ${opened.case.number}.`);
    expect(created.description).toBe(MESSAGES['follow-up']);
    expect(created.events.find((e) => e.type === 'opened')?.data?.relatedTo).toBe(
      opened.case.number,
    );
    expect((await stored(opened.case.id)).statusCategory).toBe('closed');
    // A new post at the top of the channel the old case lives in.
    const card = await customerCardOf(created);
    expect([card.conversationId, card.activityId]).toEqual([where.base, undefined]);
  });
});
