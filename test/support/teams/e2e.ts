import { eventually as waitFor } from '../eventually.js';
import type { RunningApp } from '../../../src/main.js';
import { MongoChatLinks } from '../../../src/store/chat-links/mongo-chat-links.js';
import {
  botAddedToChannel,
  DESK_CHANNEL,
  messageActivity,
  postActivity,
  TEAMS_AGENT,
  TEAMS_CUSTOMER,
} from './activities.js';
import { serveForTeams } from './app-under-test.js';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from './fake-connector.js';

/** Teams round trips take a few more hops (the connector, the turn): a longer guard. */
export const eventually = <T>(probe: () => Promise<T | undefined>, timeoutMs = 8000): Promise<T> =>
  waitFor(probe, timeoutMs, { everyMs: 25 });

/** The Adaptive Card a recorded post or update carried. */
export const cardOf = (
  call: ConnectorCall,
): { body: unknown[]; actions?: unknown[]; refresh?: unknown } => {
  const attachments = call.body.attachments as { content: never }[] | undefined;
  const content = attachments?.[0]?.content;
  if (!content) throw new Error('no card in this activity');
  return content;
};

/** Every `verb` anywhere in a card (top-level actions, show-cards, action sets). */
export const verbsIn = (card: unknown): string[] => {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute' && typeof record.verb === 'string')
        found.push(record.verb);
      Object.entries(record).forEach(([key, value]) => key !== 'refresh' && walk(value));
    }
  };
  walk(card);
  return found;
};

export interface TeamsE2E {
  readonly connector: FakeConnector;
  readonly app: RunningApp;
  readonly appUrl: string;
  post(activity: object): ReturnType<typeof postActivity>;
  openCase(text: string): Promise<Awaited<ReturnType<typeof openCase>>>;
}

let chats = 0;

/** A customer's message in a new personal chat, and the case once both cards are out. */
const openCase = async (e2e: Omit<TeamsE2E, 'openCase'>, text: string) => {
  const conversation = {
    id: `a:grace-chat-${(chats += 1)}`,
    conversationType: 'personal' as const,
  };
  const message = messageActivity(e2e.connector.url, { from: TEAMS_CUSTOMER, conversation, text });
  const sent = await e2e.post(message);
  if (sent.status !== 200) throw new Error(`message refused with ${sent.status}`);
  const customerCard = await e2e.connector.waitFor(
    (c) =>
      c.method === 'POST' &&
      c.status === 200 &&
      c.conversationId === conversation.id &&
      c.activityId === message.id,
  );
  const stored = await eventually(() =>
    e2e.app.core.cases.findByIntakeKey(`teams:${conversation.id}:${message.id}`),
  );
  const agentCard = await e2e.connector.waitFor(
    (c) =>
      c.method === 'POST' &&
      c.status === 200 &&
      c.conversationId === DESK_CHANNEL &&
      JSON.stringify(c.body).includes(stored.number),
  );
  const links = new MongoChatLinks(e2e.app.core.connection);
  await eventually(() => links.find(stored.id, 'staff-card'));
  await eventually(() => links.find(stored.id, 'customer-card'));
  return { message, conversation, case: stored, customerCard, agentCard };
};

/**
 * Starts the app and a fake connector for one test file; the bot is in the desk channel.
 * `env` overrides the app's (a config file of the test's own).
 */
export const useTeamsE2E = (env: Readonly<Record<string, string>> = {}): TeamsE2E => {
  let connector: FakeConnector | undefined;
  let app: RunningApp | undefined;
  beforeAll(async () => {
    connector = await startFakeConnector();
    connector.addMember(TEAMS_CUSTOMER.id, {
      email: TEAMS_CUSTOMER.email,
      name: TEAMS_CUSTOMER.name,
    });
    app = await serveForTeams(env);
    await postActivity(
      `http://127.0.0.1:${app.port}`,
      botAddedToChannel(connector.url, DESK_CHANNEL),
    );
    // The update is acknowledged before it is handled: wait until the channel is known.
    const refs = app.core.connection.collection<{ _id: string }>('teamsConversations');
    await eventually(async () => (await refs.findOne({ _id: `ref|${DESK_CHANNEL}` })) ?? undefined);
  });
  afterAll(async () => {
    await app?.shutdown('test over');
    await connector?.close();
  });
  const e2e: TeamsE2E = {
    get connector() {
      return connector!;
    },
    get app() {
      return app!;
    },
    get appUrl() {
      return `http://127.0.0.1:${app!.port}`;
    },
    post: (activity) => postActivity(`http://127.0.0.1:${app!.port}`, activity),
    openCase: (text) => openCase(e2e, text),
  };
  return e2e;
};

export { TEAMS_AGENT, TEAMS_CUSTOMER, DESK_CHANNEL };
