import type { App } from '@slack/bolt';
import type { SlackContext } from '../../../../adapters/slack/context.js';
import { registerSlackListeners } from '../../../../adapters/slack/listeners/index.js';
import {
  ACTIONS,
  BOT_EVENTS,
  OPTIONS,
  SHORTCUTS,
  SLASH_COMMANDS,
  VIEWS,
} from '../../../../adapters/slack/registry.js';

/** Records what the listeners register, without starting bolt. */
const recordRegistrations = () => {
  const seen = {
    event: [] as string[],
    command: [] as string[],
    shortcut: [] as string[],
    action: [] as string[],
    view: [] as string[],
    options: [] as string[],
  };
  const record = (kind: keyof typeof seen) => (id: unknown) => void seen[kind].push(String(id));
  const app = {
    event: record('event'),
    command: record('command'),
    shortcut: record('shortcut'),
    action: record('action'),
    view: record('view'),
    options: record('options'),
  } as unknown as App;
  registerSlackListeners(app, { core: { useCases: {} } } as unknown as SlackContext);
  return seen;
};

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

describe('the Slack listeners', () => {
  const seen = recordRegistrations();

  it('register every registry entry, and nothing the registry does not name', () => {
    expect(sorted(seen.command)).toEqual(sorted(Object.values(SLASH_COMMANDS)));
    expect(sorted(seen.shortcut)).toEqual(sorted(Object.values(SHORTCUTS)));
    expect(sorted(seen.action)).toEqual(sorted(Object.values(ACTIONS)));
    expect(sorted(seen.view)).toEqual(sorted(Object.values(VIEWS)));
    expect(sorted(seen.options)).toEqual(sorted(Object.values(OPTIONS)));
  });

  it('listen to exactly the subscribed bot events', () => {
    // The manifest subscribes to message.channels/groups/im; bolt listens to them as `message`.
    const subscribed = BOT_EVENTS.map((event) =>
      event.startsWith('message.') ? 'message' : event,
    );
    expect(sorted(seen.event)).toEqual(sorted(subscribed));
  });

  it('register each entry once', () => {
    for (const ids of Object.values(seen)) expect(ids.length).toBe(new Set(ids).size);
  });
});

describe('the OAuth install scopes', () => {
  it('are the manifest’s bot scopes', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const { BOT_SCOPES } = await import('../../../../adapters/slack/registry.js');
    const manifest = parse(readFileSync('manifest/slack/manifest.yaml', 'utf8')) as {
      oauth_config: { scopes: { bot: string[] } };
    };
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });
});
