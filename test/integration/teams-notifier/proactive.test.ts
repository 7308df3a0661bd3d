/**
 * The Teams notifier's proactive posts (continueConversationAsync with stored references)
 * against a loopback fake connector: SLA alerts to agents' personal chats, channels and
 * the case's staff thread; announcements; throttling answers become deferrals.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import pino from 'pino';
import type mongoose from 'mongoose';
import type { CaseEvent, OutboxEntry } from '../../../src/domain/case/types.js';
import type { DirectoryRepository } from '../../../src/ports/directory-repository.js';
import { DeliveryDeferred, type Notifier } from '../../../src/ports/notifier.js';
import { MongoChatLinks } from '../../../src/store/chat-links/mongo-chat-links.js';
import { SIMPLE_WORKFLOW } from '../../../src/domain/workflow/preset-simple.js';
import type { CardBuilder } from '../../../adapters/teams/cards.js';
import { createTeamsConversationStore } from '../../../adapters/teams/conversation-store.js';
import { createMongoTeamsMemory } from '../../../src/store/teams/mongo-teams-memory.js';
import { createTeamsNotifier } from '../../../adapters/teams/notifier.js';
import { buildCase } from '../../support/build-case.js';
import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';
import { startFakeConnector, type FakeConnector } from '../../support/teams/fake-connector.js';

const DESK = '19:desk@thread.tacv2';
const ESCALATIONS = '19:escalations@thread.tacv2';
const ANA_CHAT = 'a:ana-personal';

let connection: mongoose.Connection;
let connector: FakeConnector;
let notifier: Notifier;

const entry = (topic: OutboxEntry['topic']): OutboxEntry => ({
  id: `entry-${Math.random()}`,
  topic,
  audience: 'staff',
  eventId: 'e-alert',
  createdAt: new Date(),
  state: 'pending',
  attempts: 0,
  nextAttemptAt: new Date(),
});

const breach: CaseEvent = {
  id: 'e-alert',
  type: 'sla-breached',
  at: new Date(),
  actor: { kind: 'system', id: 'system', name: 'SLA', role: 'system' },
  visibility: 'internal',
  text: 'First response breached <at>all</at>',
  data: { agentIds: 'agent-ana', channels: `teams:${ESCALATIONS},slack:C0SLACK1` },
};

beforeAll(async () => {
  connection = await connectTestDatabase('teams_notifier');
  connector = await startFakeConnector();
  const store = createTeamsConversationStore(createMongoTeamsMemory(connection));
  const reference = (id: string, conversationType: string) => ({
    serviceUrl: connector.url,
    channelId: 'msteams',
    bot: { id: '28:bot', name: 'Caseline' },
    conversation: { id, conversationType, isGroup: conversationType === 'channel', name: id },
  });
  await store.saveReference(reference(DESK, 'channel'));
  await store.saveReference(reference(ESCALATIONS, 'channel'));
  await store.saveReference(reference(ANA_CHAT, 'personal'));
  await store.rememberAgentUser('agent-ana', '29:ana', ANA_CHAT);
  const chatLinks = new MongoChatLinks(connection);
  await chatLinks.save({
    caseId: 'case-1',
    role: 'staff-card',
    address: `teams:${DESK}`,
    messageId: 'root-1',
    threadId: 'root-1',
  });
  notifier = createTeamsNotifier({
    adapter: new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})),
    appId: '',
    store,
    chatLinks,
    // The alert paths use neither: fakes that fail loudly if they are reached.
    directory: {} as DirectoryRepository,
    cards: {} as CardBuilder,
    config: { workflow: SIMPLE_WORKFLOW },
    log: pino({ level: 'silent' }),
  });
});

afterAll(async () => {
  await connector.close();
  await closeTestDatabase(connection);
});

const { outbox: _outbox, ...staffCase } = buildCase();

describe('Teams notifier: proactive posts', () => {
  it("an SLA alert goes to the agent's personal chat, the Teams channel named, and the case thread", async () => {
    await notifier.deliver({
      audience: 'staff',
      entry: entry('sla-alert'),
      case: staffCase,
      event: breach,
    });
    const posted = connector.writes((c) => c.method === 'POST');
    const where = posted.map((c) => c.conversationId).sort();
    expect(where).toEqual([ANA_CHAT, `${DESK};messageid=root-1`, ESCALATIONS].sort());
    for (const call of posted) {
      expect(String(call.body.text)).toContain('CASE-1001');
      expect(String(call.body.text)).toContain('&lt;at&gt;all&lt;/at&gt;');
    }
  });

  it('an announcement reaches agents and channels', async () => {
    const before = connector.calls.length;
    await notifier.announce!({
      id: 'a1',
      kind: 'contract-expiring',
      text: 'Northwind contract ends in 30 days',
      recipients: [
        { kind: 'agent', id: 'agent-ana', name: 'Ana', as: 'account owner' },
        { kind: 'channel', address: `teams:${ESCALATIONS}`, as: 'escalations' },
      ],
    });
    const posted = connector.calls.slice(before).filter((c) => c.status === 200);
    expect(posted.map((c) => c.conversationId).sort()).toEqual([ANA_CHAT, ESCALATIONS].sort());
  });

  it('a 412 from the connector becomes a deferral for the outbox, and nothing is posted', async () => {
    connector.failNext(1, 412);
    const before = connector.writes().length;
    await expect(
      notifier.deliver({
        audience: 'staff',
        entry: entry('internal-message'),
        case: staffCase,
        event: { ...breach, type: 'note', text: 'check logs' },
      }),
    ).rejects.toBeInstanceOf(DeliveryDeferred);
    expect(connector.writes().length).toBe(before);
  });
});
