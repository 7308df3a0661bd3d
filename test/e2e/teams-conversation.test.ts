/**
 * The conversation table run against Teams over HTTP: each row's message posted to
 * /api/messages as Teams sends it, in a personal chat, a group chat and a channel of the
 * customer's tenant (thread rows in a channel post's thread: Teams chats have no threads),
 * and what the customer saw caught by the fake connector.
 */
import { MongoChatLinks } from '../../src/store/chat-links/mongo-chat-links.js';
import {
  CONVERSATION_TABLE,
  FILE_NAME,
  MESSAGES,
  OPENING_REQUEST,
  rowName,
  type ConversationRow,
} from '../support/conversation-table.js';
import { moveToStage } from '../support/conversation-stage.js';
import { eventually, useTeamsE2E } from '../support/teams/e2e.js';
import {
  answersTo,
  delivered,
  mapCustomerTenant,
  newConversation,
  noticeOf,
  openIn,
  sourceOf,
  teamsMessage,
  unescapeCard,
  type TeamsPlace,
} from '../support/teams/places.js';

const e2e = useTeamsE2E();

beforeAll(() => mapCustomerTenant(e2e));

const caseCount = async () => (await e2e.app.core.cases.list({ limit: 1000 })).length;

const run = async (row: ConversationRow, place: TeamsPlace) => {
  const where = newConversation(place);
  const opened = row.stage === 'none' ? undefined : await openIn(e2e, where, OPENING_REQUEST);
  if (opened) await moveToStage(e2e.app.core, opened.case.id, row.stage);
  const before = await caseCount();
  const since = e2e.connector.calls.length;
  const message = teamsMessage(e2e.connector.url, where, MESSAGES[row.kind], {
    ...(row.kind === 'file-only' ? { file: FILE_NAME } : {}),
    ...(row.place === 'thread' && opened ? { root: opened.message.id } : {}),
  });
  expect((await e2e.post(message)).status).toBe(200);
  await delivered(e2e.app, message);
  const later = () => e2e.connector.calls.slice(since);

  expect(await caseCount()).toBe(before + (row.outcome === 'new case' ? 1 : 0));
  if (opened) {
    const after = (await e2e.app.core.cases.findById(opened.case.id))!;
    expect(after.statusCategory).toBe(row.after);
    const kept = after.events.some((e) => e.data?.sourceId === sourceOf(where, message));
    expect(kept).toBe(row.outcome === 'comment');
  }
  const sees = row.sees;
  if ('card' in sees) {
    const created = await e2e.app.core.cases.findByIntakeKey(sourceOf(where, message));
    expect(created).toBeDefined();
    const links = new MongoChatLinks(e2e.app.core.connection);
    const link = await eventually(() => links.find(created!.id, 'customer-card'));
    const card = later().find((c) => c.postedId === link.messageId)!;
    expect(JSON.stringify(card.body)).toContain(created!.number);
    // In a chat, a reply to the message; in a channel, in the post's own thread.
    expect(card.conversationId).toBe(message.conversation.id);
    expect(card.activityId).toBe(place === 'channel' ? undefined : message.id);
    expect(answersTo(later(), message).filter((c) => c !== card)).toHaveLength(0);
  } else if ('notice' in sees) {
    const told = answersTo(later(), message);
    expect(told).toHaveLength(1);
    const notice = noticeOf(told[0]!);
    expect(notice.text).toMatch(sees.notice);
    const titles = notice.actions.map((a) => a.title);
    expect(titles).toHaveLength(sees.buttons.length);
    sees.buttons.forEach((label, i) => expect(titles[i]).toContain(label));
  } else if ('answer' in sees) {
    const told = answersTo(later(), message);
    expect(told).toHaveLength(1);
    expect(unescapeCard(String(told[0]!.body.text))).toMatch(sees.answer);
  } else if ('milestone' in sees) {
    await e2e.connector.waitFor(
      (c) =>
        c.method === 'POST' &&
        c.status === 200 &&
        c.conversationId === message.conversation.id &&
        sees.milestone.test(unescapeCard(String(c.body.text))),
    );
    expect(answersTo(later(), message)).toHaveLength(0);
  } else {
    expect(answersTo(later(), message)).toHaveLength(0);
  }
};

const TOP = CONVERSATION_TABLE.filter((row) => row.place === 'top');
const THREAD = CONVERSATION_TABLE.filter((row) => row.place === 'thread');
const named = (rows: readonly ConversationRow[]) => rows.map((row) => [rowName(row), row] as const);

describe('Caseline in Teams: what every message becomes (the conversation table)', () => {
  describe.each(['personal chat', 'group chat', 'channel'] as const)('in a %s', (place) => {
    it.each(named(TOP))('%s', (_, row) => run(row, place));
  });
  describe('in a channel post’s thread', () => {
    it.each(named(THREAD))('%s', (_, row) => run(row, 'channel'));
  });
});
