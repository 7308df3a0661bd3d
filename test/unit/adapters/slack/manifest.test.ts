import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  BOT_EVENTS,
  OPTIONS,
  SHORTCUTS,
  SLASH_COMMANDS,
} from '../../../../adapters/slack/registry.js';

// The registry is what the app registers listeners from; the manifest is what Slack sends.
// They must name the same commands, shortcuts and events, and the manifest must ask for
// exactly the scopes those listeners and the Web API calls behind them need.

const MANIFEST_FILE = new URL('../../../../manifest/slack/manifest.yaml', import.meta.url);
const ENDPOINT = '/slack/events';

// Limits from Slack's published manifest schema (slackapi/manifest-schema,
// schemas/manifest.schema.1.0.0.json). Stricter than Slack in one way: unknown keys fail,
// so a misspelt setting cannot be silently ignored.
const url = z
  .string()
  .regex(/^https?:\/\//)
  .max(3000);
const text = (max: number) => z.string().min(1).max(max);
const manifestSchema = z.strictObject({
  _metadata: z.strictObject({ major_version: z.literal(1), minor_version: z.number().int() }),
  display_information: z.strictObject({
    name: text(35),
    description: text(140),
    long_description: z.string().min(175).max(4000).optional(),
    background_color: z.string().regex(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/),
  }),
  features: z.strictObject({
    app_home: z.strictObject({
      home_tab_enabled: z.boolean(),
      messages_tab_enabled: z.boolean(),
      messages_tab_read_only_enabled: z.boolean(),
    }),
    bot_user: z.strictObject({
      display_name: text(80).regex(/^[a-z0-9._-]+$/),
      always_online: z.boolean(),
    }),
    slash_commands: z
      .array(
        z.strictObject({
          command: z.string().min(2).max(32).regex(/^\//),
          url,
          description: text(2000),
          usage_hint: text(1000),
          should_escape: z.boolean(),
        }),
      )
      .min(1)
      .max(50),
    shortcuts: z
      .array(
        z.strictObject({
          name: text(24),
          type: z.enum(['global', 'message']),
          callback_id: text(255),
          description: text(150),
        }),
      )
      .min(1)
      .max(10),
  }),
  oauth_config: z.strictObject({
    redirect_urls: z.array(z.string().max(2500)).max(1000),
    scopes: z.strictObject({ bot: z.array(z.string().max(50)).max(255) }),
  }),
  settings: z.strictObject({
    event_subscriptions: z.strictObject({
      request_url: url,
      bot_events: z.array(z.string().max(50)).max(100),
    }),
    interactivity: z.strictObject({
      is_enabled: z.boolean(),
      request_url: url,
      message_menu_options_url: url.optional(),
    }),
    org_deploy_enabled: z.boolean(),
    socket_mode_enabled: z.boolean(),
    token_rotation_enabled: z.boolean(),
  }),
});
type Manifest = z.infer<typeof manifestSchema>;

/** Scope each bot event needs, from Slack's event reference; `null`: none. */
const EVENT_SCOPES: Readonly<Record<string, string | null>> = {
  'message.channels': 'channels:history',
  'message.groups': 'groups:history',
  'message.im': 'im:history',
  'message.mpim': 'mpim:history',
  reaction_added: 'reactions:read',
  app_home_opened: null,
};

/** Every bot scope the manifest may ask for, and what needs it. Nothing else is allowed. */
const SCOPE_NEEDED_BY: Readonly<Record<string, string>> = {
  commands: 'the /support command and the global and message shortcuts',
  'chat:write': 'chat.postMessage, chat.update, chat.postEphemeral (cards, replies, escalations)',
  'channels:history': 'the message.channels event (public support channels)',
  'groups:history': 'the message.groups event (private support and triage channels)',
  'im:history': 'the message.im event (DMs to the bot)',
  'mpim:history': 'the message.mpim event (group DMs with the bot)',
  'reactions:read': 'the reaction_added event',
  'channels:read': 'conversations.info on public channels (Slack Connect detection)',
  'groups:read': 'conversations.info on private channels (Slack Connect detection)',
  'im:write': 'conversations.open for SLA warnings and reminders by DM',
  'users:read': 'users.info (name, time zone, team of an unknown writer)',
  'users:read.email': 'users.info profile.email (match a Slack user to a contact or agent)',
  'files:read': 'files.info for files in case threads (Slack Connect sends only file ids)',
  'files:write': "files.getUploadURLExternal and completeUploadExternal (the digest's charts)",
};

const SHORTCUT_TYPES: Readonly<Record<string, 'global' | 'message'>> = {
  [SHORTCUTS.newCase]: 'global',
  [SHORTCUTS.caseFromMessage]: 'message',
};

const missing = (what: string, where: string, values: readonly string[], from: readonly string[]) =>
  values
    .filter((value) => !from.includes(value))
    .map((value) => `${what} ${value}: not in ${where}`);

const sameSet = (what: string, inManifest: readonly string[], inRegistry: readonly string[]) => [
  ...missing(what, 'registry.ts', inManifest, inRegistry),
  ...missing(what, 'the manifest', inRegistry, inManifest),
];

const duplicates = (what: string, values: readonly string[]) =>
  values
    .filter((value, index) => values.indexOf(value) !== index)
    .map((value) => `${what} ${value}: twice`);

const registryProblems = (manifest: Manifest): string[] => {
  const { shortcuts } = manifest.features;
  const commands = manifest.features.slash_commands.map((command) => command.command);
  const shortcutIds = shortcuts.map((shortcut) => shortcut.callback_id);
  const events = manifest.settings.event_subscriptions.bot_events;
  const wrongType = shortcuts.filter((s) => (SHORTCUT_TYPES[s.callback_id] ?? s.type) !== s.type);
  return [
    ...sameSet('command', commands, Object.values(SLASH_COMMANDS)),
    ...sameSet('shortcut', shortcutIds, Object.values(SHORTCUTS)),
    ...wrongType.map((shortcut) => `shortcut ${shortcut.callback_id}: type ${shortcut.type}`),
    ...sameSet('bot event', events, BOT_EVENTS),
    ...duplicates('bot event', events),
  ];
};

const urlProblems = (manifest: Manifest): string[] => {
  const { event_subscriptions: events, interactivity } = manifest.settings;
  const urls: [string, string | undefined][] = [
    ['event request_url', events.request_url],
    ['interactivity request_url', interactivity.request_url],
    ...manifest.features.slash_commands.map((c): [string, string] => [`${c.command} url`, c.url]),
  ];
  if (Object.keys(OPTIONS).length > 0) {
    urls.push(['message_menu_options_url', interactivity.message_menu_options_url]);
  }
  return urls
    .filter(([, value]) => !value?.endsWith(ENDPOINT))
    .map(([name, value]) => `${name} ${value ?? '(unset)'}: must end with ${ENDPOINT}`);
};

const isScope = (scope: string | null | undefined): scope is string => typeof scope === 'string';

const scopeProblems = (manifest: Manifest): string[] => {
  const scopes = manifest.oauth_config.scopes.bot;
  const events = manifest.settings.event_subscriptions.bot_events;
  const eventScopes = events.map((event) => EVENT_SCOPES[event]);
  return [
    ...events
      .filter((event) => EVENT_SCOPES[event] === undefined)
      .map((event) => `bot event ${event}: add its scope to EVENT_SCOPES`),
    ...missing('scope', 'the manifest (an event needs it)', eventScopes.filter(isScope), scopes),
    ...missing('scope', 'SCOPE_NEEDED_BY (nothing needs it)', scopes, Object.keys(SCOPE_NEEDED_BY)),
    ...missing('scope', 'the manifest', Object.keys(SCOPE_NEEDED_BY), scopes),
    ...duplicates('scope', scopes),
  ];
};

const problemsOf = (manifest: Manifest): string[] => [
  ...registryProblems(manifest),
  ...urlProblems(manifest),
  ...scopeProblems(manifest),
];

const raw: unknown = parse(readFileSync(MANIFEST_FILE, 'utf8'));
const parsed = manifestSchema.safeParse(raw);
// The schema test below reports why; the other tests only need a manifest to work on.
const manifest = parsed.success ? parsed.data : (raw as Manifest);

describe('Slack app manifest', () => {
  it('follows the limits of Slack’s manifest schema', () => {
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(manifest.display_information.name).toBe('Caseline');
    expect(manifest.features.bot_user).toEqual({ display_name: 'caseline', always_online: true });
  });

  it('rejects what Slack would reject', () => {
    const broken = structuredClone(manifest);
    broken.features.shortcuts[1]!.name = 'Open a case from this message'; // 29 > 24
    broken.features.slash_commands[0]!.command = 'support';
    const paths = manifestSchema.safeParse(broken).error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['features.slash_commands.0.command', 'features.shortcuts.1.name']);
  });

  it('agrees with registry.ts, points every URL at /slack/events and asks for the least scopes', () => {
    expect(problemsOf(manifest)).toEqual([]);
  });

  it('reports each kind of disagreement', () => {
    const broken = structuredClone(manifest);
    broken.features.slash_commands[0]!.command = '/help-me';
    broken.features.shortcuts[0]!.type = 'message';
    broken.settings.event_subscriptions.bot_events = ['message.channels', 'member_joined_channel'];
    broken.settings.interactivity.message_menu_options_url = undefined;
    broken.oauth_config.scopes.bot = ['commands', 'chat:write', 'chat:write.public'];
    const problems = problemsOf(broken).join('\n');
    for (const expected of [
      'command /help-me: not in registry.ts',
      'command /support: not in the manifest',
      `shortcut ${SHORTCUTS.newCase}: type message`,
      'bot event member_joined_channel: not in registry.ts',
      'bot event message.im: not in the manifest',
      'bot event member_joined_channel: add its scope to EVENT_SCOPES',
      'scope channels:history: not in the manifest (an event needs it)',
      'message_menu_options_url (unset): must end with /slack/events',
      'scope chat:write.public: not in SCOPE_NEEDED_BY (nothing needs it)',
      'scope files:read: not in the manifest',
    ]) {
      expect(problems).toContain(expected);
    }
  });

  it('lets users open the App Home and write to the bot there', () => {
    expect(manifest.features.app_home).toEqual({
      home_tab_enabled: BOT_EVENTS.includes('app_home_opened'),
      messages_tab_enabled: BOT_EVENTS.includes('message.im'),
      messages_tab_read_only_enabled: false,
    });
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('is delivered over HTTP, with Bolt’s OAuth callback for multi-workspace installs', () => {
    expect(manifest.settings).toMatchObject({
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    });
    expect(manifest.oauth_config.redirect_urls).toEqual([
      'https://caseline.example.com/slack/oauth_redirect',
    ]);
  });
});
