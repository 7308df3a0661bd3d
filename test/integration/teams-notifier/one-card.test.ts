/**
 * The Teams notifier when its database dies just as the connector takes a card: the post
 * has happened, its link cannot be saved, and the outbox retries the entry. The Bot
 * Framework has no way to search a conversation for the earlier card, so the notifier's
 * memory of its own posts is what keeps the customer to one card.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Connection } from 'mongoose';
import pino from 'pino';
import type { CardBuilder, RenderedCard } from '../../../adapters/teams/cards.js';
import { createTeamsConversationStore } from '../../../adapters/teams/conversation-store.js';
import { createMongoTeamsMemory } from '../../../src/store/teams/mongo-teams-memory.js';
import { createTeamsNotifier } from '../../../adapters/teams/notifier.js';
import { viewCase } from '../../../src/domain/case/view.js';
import { SIMPLE_WORKFLOW } from '../../../src/domain/workflow/preset-simple.js';
import { connectMongo } from '../../../src/infra/mongo-connection.js';
import type { DirectoryRepository } from '../../../src/ports/directory-repository.js';
import type { Notification, Notifier } from '../../../src/ports/notifier.js';
import { MongoChatLinks } from '../../../src/store/chat-links/mongo-chat-links.js';
import { buildCase, CAROL } from '../../support/build-case.js';
import { startDatabaseProcess, type DatabaseProcess } from '../../support/database-process.js';
import { startFakeConnector, type FakeConnector } from '../../support/teams/fake-connector.js';

const CHAT = 'a:carol-personal';

/** Relays to the fake connector; `beforeAnswer` runs once the connector has answered a post. */
const startRelay = async (to: string) => {
  let hook: (() => Promise<void>) | undefined;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const answer = await fetch(new URL(req.url ?? '/', to), {
        method: req.method ?? 'GET',
        headers: { 'content-type': 'application/json' },
        ...(req.method === 'GET' ? {} : { body: Buffer.concat(chunks) }),
      });
      const body = await answer.text();
      const run = req.method === 'POST' ? hook : undefined;
      if (run) {
        hook = undefined;
        await run();
      }
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    beforeAnswer: (run: () => Promise<void>) => (hook = run),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

let db: DatabaseProcess;
let connection: Connection;
let connector: FakeConnector;
let relay: Awaited<ReturnType<typeof startRelay>>;
let links: MongoChatLinks;
let notifier: Notifier;

const card: RenderedCard = {
  summary: 'CASE-1001 Ledger export fails',
  card: {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [],
  },
};
const cards: CardBuilder = {
  customer: async () => card,
  staff: async () => card,
  forActor: async () => card,
};

beforeAll(async () => {
  db = await startDatabaseProcess('teams-one-card');
  connection = await connectMongo(db.uri);
  connector = await startFakeConnector();
  relay = await startRelay(connector.url);
  const store = createTeamsConversationStore(createMongoTeamsMemory(connection));
  await store.saveReference({
    serviceUrl: relay.url,
    channelId: 'msteams',
    bot: { id: '28:bot', name: 'Caseline' },
    conversation: { id: CHAT, conversationType: 'personal', isGroup: false, name: CHAT },
  });
  links = new MongoChatLinks(connection);
  notifier = createTeamsNotifier({
    adapter: new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})),
    appId: '',
    store,
    chatLinks: links,
    // The customer card path needs neither: a fake that fails loudly if reached.
    directory: {} as DirectoryRepository,
    cards,
    config: { workflow: SIMPLE_WORKFLOW },
    log: pino({ level: 'silent' }),
  });
});
afterAll(async () => {
  await connection?.close().catch(() => undefined);
  await relay?.close();
  await connector?.close();
  await db?.dispose();
});

const customerCard = (): Notification => {
  const state = buildCase({
    id: 'case-teams-1',
    origin: { channel: 'teams', address: `teams:${CHAT}`, messageId: 'm-carol-1' },
  });
  const view = viewCase(state, CAROL);
  if (!view.ok || view.value.audience !== 'customer') throw new Error('no customer view');
  const entry = {
    id: 'entry-card-1',
    topic: 'case-opened' as const,
    audience: 'customer' as const,
    createdAt: new Date(),
    state: 'pending' as const,
    attempts: 0,
    nextAttemptAt: new Date(),
  };
  return { audience: 'customer', entry, case: view.value.case };
};

describe('Teams notifier: one card across a database failure', () => {
  it('the database fails right after the card is posted → the retry updates that card', async () => {
    relay.beforeAnswer(() => db.kill());
    await expect(notifier.deliver(customerCard())).rejects.toThrow();
    await db.restart();

    await notifier.deliver(customerCard());

    const posts = connector.writes((c) => c.method === 'POST' && c.conversationId === CHAT);
    expect(posts).toHaveLength(1);
    const updates = connector.writes((c) => c.method === 'PUT' && c.conversationId === CHAT);
    expect(updates.map((c) => c.activityId)).toEqual([posts[0]!.postedId]);
    expect(await links.find('case-teams-1', 'customer-card')).toMatchObject({
      address: `teams:${CHAT}`,
      messageId: posts[0]!.postedId,
      threadId: 'm-carol-1',
    });
  });
});
