/**
 * The Web API methods the fake answers, over a small in-memory workspace. Answers follow
 * the response examples on Slack's method pages; where Slack would refuse a call (no text,
 * unknown message or view, stale hash, unknown user) the fake refuses it the same way, so
 * tests catch the app's mistakes instead of hiding them.
 */
import { conversationsHistory, conversationsReplies } from './fake-slack-conversations.js';
import { SLACK_HOME, nextSlackTs, nextViewId } from './payloads.js';
import { FILE_UPLOAD_METHODS, type FakeUpload } from './fake-slack-files.js';

export type SlackArgs = Record<string, unknown>;
export type SlackAnswer = { ok: boolean; error?: string } & Record<string, unknown>;

/** A users.info entry; omitted fields get plausible defaults. */
export interface FakeSlackUser {
  team_id?: string;
  name?: string;
  real_name?: string;
  email?: string;
  is_bot?: boolean;
  deleted?: boolean;
  tz?: string;
}
/** A conversations.info entry. */
export interface FakeSlackChannel {
  name?: string;
  is_ext_shared?: boolean;
  is_im?: boolean;
  is_private?: boolean;
  is_archived?: boolean;
  /** The other party of an IM. */
  user?: string;
}

type Stored = Record<string, unknown>;

/** What the fake remembers between calls; tables are replaced by the setters. */
export class FakeWorkspace {
  users = new Map<string, FakeSlackUser>();
  channels = new Map<string, FakeSlackChannel>();
  files = new Map<string, Stored>();
  /** Messages this bot posted, by `channel:ts`: only those can be updated. */
  messages = new Map<string, Stored>();
  /** People's messages a test says exist (they reach the app as events, not posts). */
  history = new Map<string, Stored>();
  views = new Map<string, Stored>();
  homeViews = new Map<string, string>();
  reactions = new Set<string>();
  /** Files of the external upload flow, by id; `uploadBase` is where their bytes go. */
  uploads = new Map<string, FakeUpload>();
  uploadBase = '';
}

const fail = (error: string): SlackAnswer => ({ ok: false, error });
const str = (args: SlackArgs, key: string): string | undefined => {
  const value = args[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
};
const asObject = (value: unknown): Stored | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Stored)
    : undefined;

/** Slack refuses block lists that are not arrays of typed objects, or too long. */
const blocksValid = (blocks: unknown, max: number): boolean =>
  blocks === undefined ||
  (Array.isArray(blocks) &&
    blocks.length <= max &&
    blocks.every((b) => typeof asObject(b)?.type === 'string'));

const botMessage = (args: SlackArgs, ts: string): Stored => {
  const thread = str(args, 'thread_ts');
  return {
    ...{ type: 'message', user: SLACK_HOME.botUserId, bot_id: SLACK_HOME.botId },
    ...{ app_id: SLACK_HOME.appId, text: str(args, 'text') ?? '', ts, team: SLACK_HOME.teamId },
    ...(args.blocks === undefined ? {} : { blocks: args.blocks }),
    ...(args.attachments === undefined ? {} : { attachments: args.attachments }),
    ...(args.metadata === undefined ? {} : { metadata: args.metadata }),
    ...(thread ? { thread_ts: thread } : {}),
  };
};

/** Event metadata as chat.postMessage takes it: a string type and an object payload. */
const metadataValid = (metadata: unknown): boolean => {
  if (metadata === undefined) return true;
  const m = asObject(metadata);
  return typeof m?.event_type === 'string' && m.event_type !== '' && !!asObject(m.event_payload);
};

const postMessage = (args: SlackArgs, ws: FakeWorkspace): SlackAnswer => {
  const channel = str(args, 'channel');
  if (!channel) return fail('channel_not_found');
  if (!str(args, 'text') && args.blocks === undefined && args.attachments === undefined)
    return fail('no_text');
  if (!blocksValid(args.blocks, 50)) return fail('invalid_blocks');
  if (!metadataValid(args.metadata)) return fail('invalid_metadata_format');
  const ts = nextSlackTs();
  const message = botMessage(args, ts);
  ws.messages.set(`${channel}:${ts}`, { ...message, channel });
  return { ok: true, channel, ts, message };
};

const update = (args: SlackArgs, ws: FakeWorkspace): SlackAnswer => {
  const channel = str(args, 'channel');
  const ts = str(args, 'ts');
  const stored = ws.messages.get(`${channel}:${ts}`);
  if (!channel || !ts || !stored) return fail('message_not_found');
  if (!blocksValid(args.blocks, 50)) return fail('invalid_blocks');
  if (!metadataValid(args.metadata)) return fail('invalid_metadata_format');
  const changes = Object.fromEntries(
    ['text', 'blocks', 'attachments', 'metadata'].flatMap((k) => (k in args ? [[k, args[k]]] : [])),
  );
  const edited = { user: SLACK_HOME.botUserId, ts: nextSlackTs() };
  const message: Stored = { ...stored, ...changes, edited };
  ws.messages.set(`${channel}:${ts}`, message);
  const { channel: _channel, ...body } = message;
  return { ok: true, channel, ts, text: message.text, message: body };
};

const postEphemeral = (args: SlackArgs): SlackAnswer => {
  if (!str(args, 'channel')) return fail('channel_not_found');
  if (!str(args, 'user')) return fail('invalid_arguments');
  if (!str(args, 'text') && args.blocks === undefined) return fail('no_text');
  return { ok: true, message_ts: nextSlackTs() };
};

const permalink = (args: SlackArgs, ws: FakeWorkspace): SlackAnswer => {
  const channel = str(args, 'channel');
  const ts = str(args, 'message_ts');
  if (!channel || !ts) return fail('invalid_arguments');
  const thread = str(ws.messages.get(`${channel}:${ts}`) ?? {}, 'thread_ts');
  const query = thread && thread !== ts ? `?thread_ts=${thread}&cid=${channel}` : '';
  const base = `https://${SLACK_HOME.teamDomain}.slack.com/archives/${channel}`;
  return { ok: true, channel, permalink: `${base}/p${ts.replace('.', '')}${query}` };
};

const react = (args: SlackArgs, ws: FakeWorkspace): SlackAnswer => {
  const [channel, ts, name] = [str(args, 'channel'), str(args, 'timestamp'), str(args, 'name')];
  if (!channel || !ts) return fail('no_item_specified');
  if (!name) return fail('invalid_name');
  const key = `${channel}:${ts}:${name}`;
  if (ws.reactions.has(key)) return fail('already_reacted');
  ws.reactions.add(key);
  return { ok: true };
};

/** Stores and returns a view in the shape views.* answer with. */
const saveView = (ws: FakeWorkspace, input: Stored, id: string, previous?: Stored): Stored => {
  const hash = `${Math.floor(Date.now() / 1000)}.${nextSlackTs().replace('.', '')}`;
  const view = {
    ...{ id, team_id: SLACK_HOME.teamId, type: input.type, blocks: input.blocks ?? [] },
    ...{ private_metadata: input.private_metadata ?? '', callback_id: input.callback_id ?? '' },
    ...{ state: { values: {} }, hash, title: input.title, close: input.close ?? null },
    ...{ submit: input.submit ?? null, clear_on_close: Boolean(input.clear_on_close) },
    ...{ notify_on_close: Boolean(input.notify_on_close), external_id: input.external_id ?? '' },
    ...{ root_view_id: previous?.root_view_id ?? id, previous_view_id: previous?.id ?? null },
    ...{ app_id: SLACK_HOME.appId, app_installed_team_id: SLACK_HOME.teamId },
    bot_id: SLACK_HOME.botId,
  };
  ws.views.set(id, view);
  return view;
};

/** Checks a views.* `view` argument; returns it, or the error Slack would give. */
const viewArg = (args: SlackArgs, type: 'modal' | 'home'): Stored | string => {
  const view = asObject(args.view);
  if (!view || view.type !== type) return 'invalid_arguments';
  if (!blocksValid(view.blocks ?? [], 100)) return 'invalid_arguments';
  return view;
};

const openView = (args: SlackArgs, ws: FakeWorkspace, push: boolean): SlackAnswer => {
  if (!str(args, 'trigger_id')) return fail('invalid_arguments');
  const view = viewArg(args, 'modal');
  if (typeof view === 'string') return fail(view);
  // A pushed view stacks on the newest modal (enough for one user per test).
  const previous = push
    ? [...ws.views.values()].filter((v) => v.type === 'modal').at(-1)
    : undefined;
  return { ok: true, view: saveView(ws, view, nextViewId(), previous) };
};

const updateView = (args: SlackArgs, ws: FakeWorkspace): SlackAnswer => {
  const externalId = str(args, 'external_id');
  const found = str(args, 'view_id')
    ? ws.views.get(str(args, 'view_id') ?? '')
    : [...ws.views.values()].find((v) => externalId && v.external_id === externalId);
  if (!found) return fail('not_found');
  if (str(args, 'hash') && args.hash !== found.hash) return fail('hash_conflict');
  const view = viewArg(args, found.type === 'home' ? 'home' : 'modal');
  if (typeof view === 'string') return fail(view);
  const previous = found.previous_view_id
    ? ws.views.get(String(found.previous_view_id))
    : undefined;
  return { ok: true, view: saveView(ws, view, String(found.id), previous) };
};

const publish = (args: SlackArgs, ws: FakeWorkspace): SlackAnswer => {
  const user = str(args, 'user_id');
  if (!user) return fail('invalid_arguments');
  const view = viewArg(args, 'home');
  if (typeof view === 'string') return fail(view);
  const id = ws.homeViews.get(user) ?? nextViewId();
  ws.homeViews.set(user, id);
  return { ok: true, view: saveView(ws, view, id) };
};

const userInfo = (args: SlackArgs, ws: FakeWorkspace): SlackAnswer => {
  const id = str(args, 'user') ?? '';
  const u = id === SLACK_HOME.botUserId ? { name: 'caseline', is_bot: true } : ws.users.get(id);
  if (!u) return fail('user_not_found');
  const name = u.name ?? id.toLowerCase();
  const realName = u.real_name ?? name;
  const team = u.team_id ?? SLACK_HOME.teamId;
  const profile = { real_name: realName, display_name: name, email: u.email, team };
  return {
    ok: true,
    user: {
      ...{ id, team_id: team, name, deleted: u.deleted ?? false, real_name: realName },
      ...{ tz: u.tz ?? 'Europe/Berlin', is_bot: u.is_bot ?? false, is_app_user: false },
      ...{ is_restricted: false, is_ultra_restricted: false, profile },
    },
  };
};

const channelInfo = (args: SlackArgs, ws: FakeWorkspace): SlackAnswer => {
  const id = str(args, 'channel') ?? '';
  const c = ws.channels.get(id);
  if (!c) return fail('channel_not_found');
  const im = c.is_im ?? false;
  const kind = { is_channel: !im && !c.is_private, is_group: !im && Boolean(c.is_private) };
  return {
    ok: true,
    channel: {
      ...{ id, ...(im ? { user: c.user } : { name: c.name ?? id.toLowerCase() }), ...kind },
      ...{ is_im: im, is_mpim: false, is_private: Boolean(c.is_private || im) },
      ...{ is_archived: c.is_archived ?? false, is_shared: c.is_ext_shared ?? false },
      ...{ is_ext_shared: c.is_ext_shared ?? false, is_org_shared: false, is_member: true },
      ...{ context_team_id: SLACK_HOME.teamId, created: 1700000000 },
    },
  };
};

const fileInfo = (args: SlackArgs, ws: FakeWorkspace): SlackAnswer => {
  const file = ws.files.get(str(args, 'file') ?? '');
  if (!file) return fail('file_not_found');
  return { ok: true, file, comments: [], response_metadata: { next_cursor: '' } };
};

const authTest = (): SlackAnswer => ({
  ...{ ok: true, url: `https://${SLACK_HOME.teamDomain}.slack.com/`, team: SLACK_HOME.teamName },
  ...{ user: 'caseline', team_id: SLACK_HOME.teamId, user_id: SLACK_HOME.botUserId },
  ...{ bot_id: SLACK_HOME.botId, app_id: SLACK_HOME.appId, is_enterprise_install: false },
});

export const SLACK_METHODS: Record<string, (args: SlackArgs, ws: FakeWorkspace) => SlackAnswer> = {
  'auth.test': authTest,
  'chat.postMessage': postMessage,
  'chat.update': update,
  'chat.postEphemeral': postEphemeral,
  'chat.getPermalink': permalink,
  'reactions.add': react,
  'views.open': (args, ws) => openView(args, ws, false),
  'views.push': (args, ws) => openView(args, ws, true),
  'views.update': updateView,
  'views.publish': publish,
  'users.info': userInfo,
  'conversations.info': channelInfo,
  'files.info': fileInfo,
  'conversations.history': conversationsHistory,
  'conversations.replies': conversationsReplies,
  ...FILE_UPLOAD_METHODS,
};
