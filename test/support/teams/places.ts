/**
 * The places a customer writes to Caseline in Teams, each a conversation of its own, and
 * what the bot answered there: a personal chat, a group chat and a channel of the
 * customer's own tenant (channel posts are `<channel>;messageid=<root>`; a reply in a
 * post's thread carries that root with an id of its own).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importDirectory } from '../../../src/import/index.js';
import type { RunningApp } from '../../../src/main.js';
import { MongoChatLinks } from '../../../src/store/chat-links/mongo-chat-links.js';
import { messageActivity, TEAMS_CUSTOMER, TENANT } from './activities.js';
import { eventually, type TeamsE2E } from './e2e.js';
import type { ConnectorCall } from './fake-connector.js';

export type TeamsPlace = 'personal chat' | 'group chat' | 'channel';

export interface TeamsWhere {
  readonly place: TeamsPlace;
  /** The conversation without a thread: what the case's address names. */
  readonly base: string;
}

const TYPES = {
  'personal chat': 'personal',
  'group chat': 'groupChat',
  channel: 'channel',
} as const;

let conversations = 0;
let messages = 0;

export const newConversation = (place: TeamsPlace, label = 'conv'): TeamsWhere => {
  const n = String((conversations += 1)).padStart(4, '0');
  const base =
    place === 'personal chat'
      ? `a:${label}-${n}`
      : place === 'group chat'
        ? `19:${label}-group-${n}@thread.v2`
        : `19:${label}-channel-${n}@thread.tacv2`;
  return { place, base };
};

/**
 * Maps the activities' Microsoft tenant to Harbor Foods (the rest of its row as in
 * examples/organizations.csv): its channels are then support conversations.
 */
export const mapCustomerTenant = async (e2e: TeamsE2E): Promise<void> => {
  const file = join(mkdtempSync(join(tmpdir(), 'caseline-conversation-')), 'organizations.csv');
  writeFileSync(
    file,
    [
      'key,name,slackTeamIds,accountOwnerEmail,notes,teamsTenantIds',
      `harbor-foods,Harbor Foods Ltd,T05HARBOR2;T05HARBOR3,priya.raman@ledgerline.example,Two Slack workspaces: head office and stores.,${TENANT}`,
    ].join('\n'),
  );
  const report = await importDirectory({
    kind: 'organizations',
    filePath: file,
    connection: e2e.app.core.connection,
  });
  if (!report.ok) throw new Error(`mapping the tenant failed: ${JSON.stringify(report)}`);
};

type Person = Parameters<typeof messageActivity>[1]['from'];

/** A shared file as Teams attaches it: an upload in a personal chat, SharePoint elsewhere. */
const fileAttachment = (place: TeamsPlace, name: string) => ({
  contentType:
    place === 'personal chat' ? 'application/vnd.microsoft.teams.file.download.info' : 'reference',
  contentUrl: `https://harborfoods.sharepoint.com/sites/support/Shared%20Documents/${name}`,
  name,
});

/** A message at the top of `where`, or in the thread under `root` (channels only). */
export const teamsMessage = (
  serviceUrl: string,
  where: TeamsWhere,
  text: string,
  options: { root?: string; file?: string; from?: Person } = {},
) => {
  const id = `1710000${String((messages += 1)).padStart(6, '0')}`;
  const conversationId =
    where.place === 'channel' ? `${where.base};messageid=${options.root ?? id}` : where.base;
  const activity = messageActivity(serviceUrl, {
    from: options.from ?? TEAMS_CUSTOMER,
    conversation: { id: conversationId, conversationType: TYPES[where.place] },
    text,
    id,
  });
  return options.file
    ? { ...activity, attachments: [fileAttachment(where.place, options.file)] }
    : activity;
};
export type TeamsMessage = ReturnType<typeof teamsMessage>;

/** The case a message opened or joins is found by this: `teams:<base>:<message id>`. */
export const sourceOf = (where: TeamsWhere, message: TeamsMessage): string =>
  `teams:${where.base}:${message.id}`;

/** Waits until the inbox has ended the message's delivery: every effect of it has run. */
export const delivered = (app: RunningApp, message: TeamsMessage) =>
  eventually(async () => {
    const entry = await app.core.connection
      .collection('inbox')
      .findOne({ _id: `teams:${message.conversation.id}:${message.id}` as never });
    return entry?.state === 'done' ? entry : undefined;
  }, 10_000);

/**
 * The customer opens a case at the top of `where`; resolves once their card is out (the
 * request routes to a queue triaged in Slack: no agent card in Teams).
 */
export const openIn = async (e2e: TeamsE2E, where: TeamsWhere, text: string) => {
  const message = teamsMessage(e2e.connector.url, where, text);
  const sent = await e2e.post(message);
  if (sent.status !== 200) throw new Error(`message refused with ${sent.status}`);
  const opened = await eventually(() =>
    e2e.app.core.cases.findByIntakeKey(sourceOf(where, message)),
  );
  const links = new MongoChatLinks(e2e.app.core.connection);
  await eventually(() => links.find(opened.id, 'customer-card'));
  return { message, case: opened };
};

/** What the bot posted in answer to `message` (replies to it, where it was written). */
export const answersTo = (calls: readonly ConnectorCall[], message: TeamsMessage) =>
  calls.filter(
    (c) =>
      c.method === 'POST' &&
      c.status === 200 &&
      c.conversationId === message.conversation.id &&
      c.activityId === message.id,
  );

interface CardAction {
  readonly type: string;
  readonly title: string;
  readonly verb: string;
  readonly data: Record<string, unknown>;
}
interface PostedCard {
  readonly body: { type: string; text?: string }[];
  readonly actions?: CardAction[];
}

/** Card text is escaped for Teams markdown: `\-` shows as `-`. */
export const unescapeCard = (text: string): string => text.replace(/\\(.)/g, '$1');

/** The notice a reply carries: its first TextBlock as shown, and its buttons. */
export const noticeOf = (call: ConnectorCall) => {
  const attachments = call.body.attachments as { content?: PostedCard }[] | undefined;
  const card = attachments?.[0]?.content;
  const first = card?.body.find((b) => b.type === 'TextBlock');
  return {
    text: first?.text === undefined ? undefined : unescapeCard(first.text),
    actions: (card?.actions ?? []).filter((a) => a.type === 'Action.Execute'),
  };
};
