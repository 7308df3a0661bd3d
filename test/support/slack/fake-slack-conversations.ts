/**
 * `conversations.history` and `conversations.replies` over the fake's messages: the bot's
 * own posts and the people's messages a test added. They follow Slack's method pages:
 * `oldest`/`latest` bound the window (exclusive unless `inclusive`), history is newest
 * first and leaves out thread replies, replies start with the parent and go oldest first,
 * `limit` and `cursor` page, and a message's `metadata` is returned only with
 * `include_all_metadata`, so an app that forgets the flag finds nothing.
 */
import type { FakeWorkspace, SlackAnswer, SlackArgs } from './fake-slack-methods.js';

type Stored = Record<string, unknown>;

const str = (args: SlackArgs, key: string): string | undefined => {
  const value = args[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
};
// Form-encoded calls send booleans and numbers as strings.
const flag = (args: SlackArgs, key: string): boolean => args[key] === true || args[key] === 'true';
const int = (args: SlackArgs, key: string, fallback: number, max: number): number => {
  const value = Number(args[key]);
  return Number.isInteger(value) && value > 0 ? Math.min(value, max) : fallback;
};

const tsOf = (message: Stored): number => Number(message.ts);
const isReply = (message: Stored): boolean =>
  typeof message.thread_ts === 'string' && message.thread_ts !== message.ts;

/** Every message of a channel the fake knows, without the fake's own `channel` field. */
const messagesIn = (ws: FakeWorkspace, channel: string): Stored[] =>
  [...ws.history, ...ws.messages].flatMap(([key, message]) => {
    if (!key.startsWith(`${channel}:`)) return [];
    const { channel: _channel, ...rest } = message;
    return [rest];
  });

const withinWindow = (args: SlackArgs) => {
  const oldest = Number(str(args, 'oldest') ?? '0');
  const latest = Number(str(args, 'latest') ?? String(Number.POSITIVE_INFINITY));
  const inclusive = flag(args, 'inclusive');
  return (message: Stored): boolean => {
    const ts = tsOf(message);
    return inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest;
  };
};

const shown = (args: SlackArgs) => {
  const metadata = flag(args, 'include_all_metadata');
  return (message: Stored): Stored => {
    if (metadata) return message;
    const { metadata: _metadata, ...rest } = message;
    return rest;
  };
};

/** One page of `all` from the request's cursor (an offset the fake encodes). */
const page = (args: SlackArgs, all: readonly Stored[], limit: number) => {
  const cursor = str(args, 'cursor');
  const start = cursor ? Number(Buffer.from(cursor, 'base64').toString('utf8').slice(7)) : 0;
  const messages = all.slice(start, start + limit).map(shown(args));
  const more = start + limit < all.length;
  const next = more ? Buffer.from(`offset:${start + limit}`).toString('base64') : '';
  return { messages, has_more: more, response_metadata: { next_cursor: next } };
};

export const conversationsHistory = (args: SlackArgs, ws: FakeWorkspace): SlackAnswer => {
  const channel = str(args, 'channel');
  if (!channel) return { ok: false, error: 'channel_not_found' };
  const inWindow = withinWindow(args);
  const all = messagesIn(ws, channel)
    .filter((m) => !isReply(m) && inWindow(m))
    .sort((a, b) => tsOf(b) - tsOf(a));
  return {
    ok: true,
    ...page(args, all, int(args, 'limit', 100, 999)),
    pin_count: 0,
    channel_actions_ts: null,
    channel_actions_count: 0,
  };
};

/**
 * The fake knows a person's message only if a test added it (they reach the app as events),
 * so a thread whose parent it never saw is answered with the replies alone, as Slack
 * answers a thread that has a parent, rather than with `thread_not_found`.
 */
export const conversationsReplies = (args: SlackArgs, ws: FakeWorkspace): SlackAnswer => {
  const channel = str(args, 'channel');
  const ts = str(args, 'ts');
  if (!channel) return { ok: false, error: 'channel_not_found' };
  if (!ts) return { ok: false, error: 'invalid_arguments' };
  const inChannel = messagesIn(ws, channel);
  const parent = inChannel.find((m) => m.ts === ts);
  const inWindow = withinWindow(args);
  const replies = inChannel
    .filter((m) => m.thread_ts === ts && m.ts !== ts && inWindow(m))
    .sort((a, b) => tsOf(a) - tsOf(b));
  const thread = [...(parent ? [parent] : []), ...replies];
  return { ok: true, ...page(args, thread, int(args, 'limit', 1000, 1000)) };
};
