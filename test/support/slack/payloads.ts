/**
 * Builders for what Slack sends to the app: Events API envelopes, slash commands and
 * interaction payloads. Each starts from a raw example in test/fixtures/slack/ (which
 * names the Slack reference page it follows in `_source`) and overrides what a test varies,
 * so the shapes stay the documented ones. Defaults follow the example data: Anna Schmidt of
 * Northwind Logistics writing in their Slack Connect channel with the vendor, Ledgerline.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type {
  BlockAction,
  BlockSuggestion,
  EnvelopedEvent,
  GlobalShortcut,
  MessageShortcut,
  SlashCommand,
  ViewOutput,
  ViewStateValue,
  ViewSubmitAction,
  types,
} from '@slack/bolt';

/** The vendor workspace the app is installed in; the fake Web API answers as this bot. */
export const SLACK_HOME = {
  teamId: 'T06LEDGER1',
  teamDomain: 'ledgerline',
  teamName: 'Ledgerline',
  appId: 'A06CASELN1',
  botUserId: 'U06CASEBOT',
  botId: 'B06CASEBOT',
  verificationToken: 'legacy-verification-token',
} as const;
/** The customer side of the shared channel (examples/contacts.csv, caseline.example.yaml). */
export const SLACK_CUSTOMER = {
  teamId: 'T04NWLOG01',
  teamDomain: 'northwind-logistics',
  userId: 'U04ASCHMI1',
  userName: 'anna.schmidt',
  channel: 'C07NWLSHARED',
  channelName: 'ext-northwind-support',
} as const;
/** A vendor agent (examples/agents.csv): the default actor of agent-side interactions. */
export const SLACK_AGENT = { userId: 'U06PRAMAN1', userName: 'priya.raman' } as const;

export type SlackFile = NonNullable<types.FileShareMessageEvent['files']>[number];
export type StateValues = ViewOutput['state']['values'];
type Envelope<E> = EnvelopedEvent<E> & { authorizations: { team_id: string | null }[] };

const fixtureText = new Map<string, string>();
/** A fresh copy of test/fixtures/slack/<name>.json without its `_source`. */
export const slackFixture = <T = Record<string, unknown>>(name: string): T => {
  const url = new URL(`../../fixtures/slack/${name}.json`, import.meta.url);
  const text = fixtureText.get(name) ?? readFileSync(url, 'utf8');
  fixtureText.set(name, text);
  const { _source: _, ...payload } = JSON.parse(text) as Record<string, unknown>;
  return payload as T;
};

// A per-process prefix keeps ids distinct between jest workers sharing one database.
const run = randomBytes(2).toString('hex').toUpperCase();
let seq = 0;
let lastMicros = 0;
const next = (): string => String((seq += 1)).padStart(6, '0');

/** A Slack message ts (`seconds.micros`), strictly increasing within the process. */
export const nextSlackTs = (): string => {
  lastMicros = Math.max(Date.now() * 1000, lastMicros + 1);
  const micros = String(lastMicros % 1_000_000).padStart(6, '0');
  return `${Math.floor(lastMicros / 1_000_000)}.${micros}`;
};
export const nextEventId = (): string => `Ev${run}${next()}`;
export const nextTriggerId = (): string =>
  `${Date.now()}${next()}.${SLACK_HOME.teamId}.${randomBytes(16).toString('hex')}`;
export const nextViewId = (): string => `V${run}${next()}`;
// Nothing listens on port 9, so a response_url left at its default fails at once rather
// than reaching hooks.slack.com. Pass `responseUrl: fake.responseUrl()` to capture it.
const defaultResponseUrl = (): string => `http://127.0.0.1:9/hooks/${run}/${next()}`;
const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

/** Who acted and where. `team` is the actor's own workspace (the customer's, in Connect). */
export interface Actor {
  user?: string;
  userName?: string;
  team?: string;
  channel?: string;
  channelName?: string;
}
/** Envelope fields; `teamId` is the installation's workspace (default: SLACK_HOME). */
export interface EnvelopeOptions {
  teamId?: string;
  eventId?: string;
  eventTime?: number;
  /** Defaults to whether the author's team differs from `teamId`. */
  isExtShared?: boolean;
}

const customer = (o: Actor) => ({
  user: o.user ?? SLACK_CUSTOMER.userId,
  userName: o.userName ?? SLACK_CUSTOMER.userName,
  team: o.team ?? SLACK_CUSTOMER.teamId,
  channel: o.channel ?? SLACK_CUSTOMER.channel,
  channelName: o.channelName ?? SLACK_CUSTOMER.channelName,
});
const agent = (o: Actor) =>
  customer({
    user: SLACK_AGENT.userId,
    userName: SLACK_AGENT.userName,
    team: SLACK_HOME.teamId,
    ...o,
  });

/** Puts `event` into the envelope of fixture `name`, with fresh ids. */
const envelope = <E>(name: string, event: E, o: EnvelopeOptions, authorTeam?: string) => {
  const base = slackFixture<Envelope<E>>(name);
  const teamId = o.teamId ?? SLACK_HOME.teamId;
  const authorizations = base.authorizations.map((a) => ({ ...a, team_id: teamId }));
  const eventTime = o.eventTime ?? Math.floor(Date.now() / 1000);
  const isExtShared = o.isExtShared ?? (authorTeam !== undefined && authorTeam !== teamId);
  return {
    ...base,
    ...{ team_id: teamId, context_team_id: teamId, event, authorizations },
    ...{ event_id: o.eventId ?? nextEventId(), event_time: eventTime },
    is_ext_shared_channel: isExtShared,
  } satisfies EnvelopedEvent<E>;
};

export interface MessageOptions extends Actor, EnvelopeOptions {
  text?: string;
  ts?: string;
  /** Makes the message a reply in the thread of this parent ts. */
  threadTs?: string;
  parentUser?: string;
  /** Attaches files; Slack then sends the `file_share` subtype. */
  files?: SlackFile[];
  channelType?: 'channel' | 'group' | 'im' | 'mpim';
}
type UserMessage = types.GenericMessageEvent | types.FileShareMessageEvent;

/** A person's message in a channel, DM (`channelType: 'im'`) or thread (`threadTs`). */
export const messageEvent = (o: MessageOptions = {}): EnvelopedEvent<UserMessage> => {
  const who = customer(o);
  const ts = o.ts ?? nextSlackTs();
  const text = o.text ?? 'Export fails at month-end';
  const thread = o.threadTs && { thread_ts: o.threadTs, parent_user_id: o.parentUser ?? who.user };
  const channelType = o.channelType ?? 'channel';
  const where = {
    channel: who.channel,
    user: who.user,
    ts,
    event_ts: ts,
    channel_type: channelType,
  };
  if (o.files) {
    const { event } = slackFixture<EnvelopedEvent<UserMessage>>('event-message-file-share');
    // A Slack Connect member's file share names their workspace as `user_team`.
    const external = o.team ? { user_team: o.team } : {};
    const fileShare = { ...event, ...where, ...thread, ...external, text, files: o.files };
    return envelope('event-message-file-share', fileShare, o, who.team);
  }
  const { event } = slackFixture<EnvelopedEvent<UserMessage>>('event-message');
  const blocks: types.RichTextBlock[] = [
    {
      type: 'rich_text',
      block_id: randomBytes(3).toString('base64url'),
      elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }],
    },
  ];
  const message = { ...event, ...where, ...thread, team: who.team, text, blocks };
  return envelope('event-message', { ...message, client_msg_id: randomUUID() }, o, who.team);
};

/** A file object as in `file_share` messages and `files.info`. */
export const slackFile = (o: Partial<SlackFile> = {}): SlackFile => {
  const [base] = slackFixture<EnvelopedEvent<{ files: SlackFile[] }>>('event-message-file-share')
    .event.files;
  const id = o.id ?? `F${run}${next()}`;
  const name = o.name ?? base?.name ?? 'file.txt';
  const url = `https://files.slack.com/files-pri/${SLACK_HOME.teamId}-${id}`;
  const links = {
    url_private: `${url}/${name}`,
    url_private_download: `${url}/download/${name}`,
    permalink: `https://${SLACK_HOME.teamDomain}.slack.com/files/${id}/${name}`,
  };
  const created = Math.floor(Date.now() / 1000);
  return { ...(base as SlackFile), id, name, title: name, created, ...links, ...o };
};

export interface ChangedOptions extends Actor, EnvelopeOptions {
  /** ts of the edited message. */
  ts: string;
  text?: string;
  previousText?: string;
}

/** An edit of an earlier message (`message_changed`, hidden). */
export const messageChangedEvent = (
  o: ChangedOptions,
): EnvelopedEvent<types.MessageChangedEvent> => {
  const who = customer(o);
  type Nested = Record<string, unknown>;
  const fixture = slackFixture<EnvelopedEvent<types.MessageChangedEvent>>('event-message-changed');
  const { event } = fixture;
  const editTs = nextSlackTs();
  const original = { user: who.user, team: who.team, ts: o.ts };
  const before = event.previous_message as unknown as Nested;
  const after = event.message as unknown as Nested;
  const edited = { user: who.user, ts: editTs };
  // @slack/types gives nested messages the fields of a top-level event (channel,
  // event_ts); Slack's nested ones lack them, so the types are asserted here.
  const message = { ...after, ...original, text: o.text ?? after.text, edited } as unknown;
  const previous = { ...before, ...original, text: o.previousText ?? before.text } as unknown;
  const changed = { ...event, channel: who.channel, ts: editTs, event_ts: editTs };
  const nested = {
    message: message as types.MessageEvent,
    previous_message: previous as types.MessageEvent,
  };
  return envelope('event-message-changed', { ...changed, ...nested }, o, who.team);
};

export interface BotMessageOptions extends EnvelopeOptions {
  channel?: string;
  text?: string;
  ts?: string;
  threadTs?: string;
  /** Defaults to this app's own bot, whose messages bolt's `ignoreSelf` drops. */
  botId?: string;
  username?: string;
}

/** A `bot_message` (integrations, incoming webhooks, legacy bots). */
export const botMessageEvent = (
  o: BotMessageOptions = {},
): EnvelopedEvent<types.BotMessageEvent> => {
  const { event } = slackFixture<EnvelopedEvent<types.BotMessageEvent>>('event-bot-message');
  const ts = o.ts ?? nextSlackTs();
  const bot = { bot_id: o.botId ?? event.bot_id, username: o.username ?? event.username };
  const thread = o.threadTs ? { thread_ts: o.threadTs } : {};
  const where = { channel: o.channel ?? event.channel, ts, event_ts: ts, ...thread };
  return envelope(
    'event-bot-message',
    { ...event, ...bot, ...where, text: o.text ?? event.text },
    o,
  );
};

export interface ReactionOptions extends Actor, EnvelopeOptions {
  reaction?: string;
  /** ts of the message reacted to. */
  ts: string;
  /** Author of the message reacted to; defaults to the app's bot. */
  itemUser?: string;
}

export const reactionAddedEvent = (
  o: ReactionOptions,
): EnvelopedEvent<types.ReactionAddedEvent> => {
  const who = customer(o);
  const { event } = slackFixture<EnvelopedEvent<types.ReactionAddedEvent>>('event-reaction-added');
  const reaction = {
    user: who.user,
    reaction: o.reaction ?? event.reaction,
    event_ts: nextSlackTs(),
  };
  const item = { ...event.item, channel: who.channel, ts: o.ts };
  const itemUser = o.itemUser ?? SLACK_HOME.botUserId;
  return envelope(
    'event-reaction-added',
    { ...event, ...reaction, item, item_user: itemUser },
    o,
    who.team,
  );
};

export interface AppHomeOptions extends EnvelopeOptions {
  user?: string;
  /** The app's DM channel with the user. */
  channel?: string;
  tab?: 'home' | 'messages';
  view?: types.View;
}

export const appHomeOpenedEvent = (
  o: AppHomeOptions = {},
): EnvelopedEvent<types.AppHomeOpenedEvent> => {
  const { event } = slackFixture<EnvelopedEvent<types.AppHomeOpenedEvent>>('event-app-home-opened');
  const user = o.user ?? SLACK_AGENT.userId;
  const opened = { user, channel: o.channel ?? `D${user.slice(1)}`, tab: o.tab ?? 'home' };
  const view = o.view ? { view: o.view } : {};
  return envelope(
    'event-app-home-opened',
    { ...event, ...opened, ...view, event_ts: nextSlackTs() },
    o,
  );
};

// ---- Slash commands (form fields) and interactions (form field `payload=<json>`) ----

export interface InteractionOptions extends Actor {
  triggerId?: string;
  responseUrl?: string;
  teamDomain?: string;
}

const interactor = (who: ReturnType<typeof customer>, o: InteractionOptions) => {
  const home = who.team === SLACK_HOME.teamId;
  const domain = o.teamDomain ?? (home ? SLACK_HOME.teamDomain : SLACK_CUSTOMER.teamDomain);
  return {
    user: { id: who.user, username: who.userName, name: who.userName, team_id: who.team },
    team: { id: who.team, domain },
    trigger_id: o.triggerId ?? nextTriggerId(),
  };
};

export interface CommandOptions extends InteractionOptions {
  command?: string;
  text?: string;
}

/** A slash command's form fields (all strings, as Slack posts them); by the customer. */
export const slashCommand = (o: CommandOptions = {}): SlashCommand & Record<string, string> => {
  const who = customer(o);
  const { team, trigger_id } = interactor(who, o);
  const base = slackFixture<SlashCommand & Record<string, string>>('command');
  return {
    ...base,
    ...{ team_id: who.team, team_domain: team.domain, user_id: who.user, user_name: who.userName },
    ...{ channel_id: who.channel, channel_name: who.channelName, trigger_id },
    ...{ command: o.command ?? base.command, text: o.text ?? base.text },
    response_url: o.responseUrl ?? defaultResponseUrl(),
  };
};

/** A modal as it comes back in interaction payloads (from view-submission.json). */
export const viewOutput = (o: Partial<ViewOutput> = {}): ViewOutput => {
  const base = slackFixture<ViewSubmitAction>('view-submission').view;
  const id = o.id ?? nextViewId();
  const fresh = { id, root_view_id: id, hash: `${Math.floor(Date.now() / 1000)}.${run}${next()}` };
  return { ...base, ...fresh, blocks: [], private_metadata: '', state: { values: {} }, ...o };
};

/** `state.values[blockId][actionId]` entries for the element types Caseline uses. */
export const stateValue = {
  text: (value: string | null): ViewStateValue => ({ type: 'plain_text_input', value }),
  select: (value: string, text = value): ViewStateValue => ({
    type: 'static_select',
    selected_option: { text: plain(text), value },
  }),
  external: (value: string, text = value): ViewStateValue => ({
    type: 'external_select',
    selected_option: { text: plain(text), value },
  }),
  user: (userId: string | null): ViewStateValue => ({
    type: 'users_select',
    selected_user: userId,
  }),
};

export interface BlockActionsOptions extends InteractionOptions {
  actionId?: string;
  blockId?: string;
  /** A button's value (Caseline's buttons carry the case id). */
  value?: string;
  /** Makes the action a static (or external) select with this option chosen. */
  selectedOption?: { value: string; text?: string; external?: boolean };
  /** Makes the action a users_select with this user chosen. */
  selectedUser?: string;
  /** ts of the message holding the element; ignored when `view` is given. */
  messageTs?: string;
  message?: Record<string, unknown>;
  /** The modal or Home tab holding the element: then there is no channel or message. */
  view?: ViewOutput;
  state?: StateValues;
}
type ElementAction = BlockAction['actions'][number];

const elementAction = (base: ElementAction, o: BlockActionsOptions): ElementAction => {
  const ids = { action_id: o.actionId ?? base.action_id, block_id: o.blockId ?? base.block_id };
  const common = { ...ids, action_ts: nextSlackTs() };
  if (o.selectedUser) return { ...common, type: 'users_select', selected_user: o.selectedUser };
  if (o.selectedOption) {
    const { value, text = value, external } = o.selectedOption;
    const type = external ? 'external_select' : 'static_select';
    return { ...common, type, selected_option: { text: plain(text), value } };
  }
  return { ...base, ...common, ...(o.value === undefined ? {} : { value: o.value }) };
};

/** A click or selection on a Block Kit element; by default an agent's "Claim" click. */
export const blockActions = (o: BlockActionsOptions = {}): BlockAction => {
  const who = agent(o);
  const base = slackFixture<BlockAction>('block-actions');
  const actions = [elementAction(base.actions[0] as ElementAction, o)];
  const { user, team, trigger_id } = interactor(who, o);
  const common = { ...base, user, team, trigger_id, actions, state: { values: o.state ?? {} } };
  if (o.view) {
    // Modals and the Home tab send no channel, message or response_url (which bolt's
    // type requires, hence the assertion).
    const { channel: _c, message: _m, response_url: _r, ...rest } = common;
    const container = { type: 'view', view_id: o.view.id };
    return { ...rest, container, view: o.view } as unknown as BlockAction;
  }
  const ts = o.messageTs ?? nextSlackTs();
  const message = { ...base.message, ts, ...o.message } as BlockAction['message'];
  const container = { ...base.container, message_ts: ts, channel_id: who.channel };
  const channel = { id: who.channel, name: who.channelName };
  const response_url = o.responseUrl ?? defaultResponseUrl();
  return { ...common, container, channel, message, response_url };
};

export interface ViewSubmissionOptions extends InteractionOptions {
  callbackId?: string;
  privateMetadata?: string;
  values?: StateValues;
  viewId?: string;
}

/** A submitted modal; by default an agent's. */
export const viewSubmission = (o: ViewSubmissionOptions = {}): ViewSubmitAction => {
  const who = agent(o);
  const base = slackFixture<ViewSubmitAction>('view-submission');
  const { user, team, trigger_id } = interactor(who, o);
  const view = viewOutput({
    ...(o.viewId === undefined ? {} : { id: o.viewId }),
    blocks: base.view.blocks,
    callback_id: o.callbackId ?? base.view.callback_id,
    private_metadata: o.privateMetadata ?? '',
    state: { values: o.values ?? {} },
  });
  return { ...base, user, team, trigger_id, view };
};

export interface ShortcutOptions extends InteractionOptions {
  callbackId?: string;
}

/** A global shortcut (from the composer or search: no channel, no response_url). */
export const globalShortcut = (o: ShortcutOptions = {}): GlobalShortcut => {
  const base = slackFixture<GlobalShortcut>('shortcut');
  const { user, team, trigger_id } = interactor(customer(o), o);
  const { name: _name, ...shortcutUser } = user;
  const callback_id = o.callbackId ?? base.callback_id;
  return { ...base, user: shortcutUser, team, trigger_id, callback_id, action_ts: nextSlackTs() };
};

export interface MessageShortcutOptions extends ShortcutOptions {
  /** The message the shortcut was used on; its author defaults to the customer. */
  messageTs?: string;
  text?: string;
  messageUser?: string;
  messageTeam?: string;
}

/** A message shortcut ("Open a case from this message"); by default an agent's. */
export const messageShortcut = (o: MessageShortcutOptions = {}): MessageShortcut => {
  const who = agent(o);
  const base = slackFixture<MessageShortcut>('message-action');
  const { user, team, trigger_id } = interactor(who, o);
  const ts = o.messageTs ?? nextSlackTs();
  const author = {
    user: o.messageUser ?? SLACK_CUSTOMER.userId,
    team: o.messageTeam ?? SLACK_CUSTOMER.teamId,
  };
  const message = {
    ...base.message,
    ...author,
    ts,
    text: o.text ?? base.message.text,
    client_msg_id: randomUUID(),
  };
  const where = { channel: { id: who.channel, name: who.channelName }, message_ts: ts, message };
  const response_url = o.responseUrl ?? defaultResponseUrl();
  return { ...base, user, team, trigger_id, ...where, response_url, action_ts: nextSlackTs() };
};

export interface BlockSuggestionOptions extends Actor {
  actionId?: string;
  blockId?: string;
  /** What the user has typed so far. */
  value?: string;
  view?: ViewOutput;
  teamDomain?: string;
}

/** An `external_select` asking for options (Slack's options load request). */
export const blockSuggestion = (o: BlockSuggestionOptions = {}): BlockSuggestion => {
  const base = slackFixture<BlockSuggestion>('block-suggestion');
  const { user, team } = interactor(customer(o), o);
  const view =
    o.view ?? viewOutput({ callback_id: base.view?.callback_id ?? '', team_id: team.id });
  const ids = { action_id: o.actionId ?? base.action_id, block_id: o.blockId ?? base.block_id };
  const container = { type: 'view', view_id: view.id };
  return { ...base, ...ids, user, team, container, view, value: o.value ?? base.value };
};
