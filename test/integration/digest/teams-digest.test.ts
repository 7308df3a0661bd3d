/**
 * A weekly digest posted in Teams through the loopback fake connector: one Adaptive Card
 * with the figures and each chart as an Image whose `data:` URI holds the PNG drawn.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type mongoose from 'mongoose';
import pino from 'pino';
import type { CardBuilder } from '../../../adapters/teams/cards.js';
import { createTeamsConversationStore } from '../../../adapters/teams/conversation-store.js';
import { createTeamsNotifier } from '../../../adapters/teams/notifier.js';
import type { DirectoryLookups } from '../../../adapters/shared/deps.js';
import { SIMPLE_WORKFLOW } from '../../../src/domain/workflow/preset-simple.js';
import type { ChatLinkRepository } from '../../../src/ports/chat-links.js';
import type { DigestImage, Notifier } from '../../../src/ports/notifier.js';
import { createMongoTeamsMemory } from '../../../src/store/teams/mongo-teams-memory.js';
import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';
import { sampleDigestImages, sampleDigestReport } from '../../support/digest-report.js';
import { decodePng } from '../../support/png.js';
import { startFakeConnector, type FakeConnector } from '../../support/teams/fake-connector.js';

const LEADS = '19:leads@thread.tacv2';
let connection: mongoose.Connection;
let connector: FakeConnector;
let notifier: Notifier;
let images: DigestImage[];

beforeAll(async () => {
  connection = await connectTestDatabase('teams_digest');
  connector = await startFakeConnector();
  images = await sampleDigestImages();
  const store = createTeamsConversationStore(createMongoTeamsMemory(connection));
  await store.saveReference({
    serviceUrl: connector.url,
    channelId: 'msteams',
    bot: { id: '28:bot', name: 'Caseline' },
    conversation: { id: LEADS, conversationType: 'channel', isGroup: true, name: 'Leads' },
  });
  notifier = createTeamsNotifier({
    adapter: new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})),
    appId: '',
    store,
    // The digest path uses none of these: fakes that fail loudly if they are reached.
    chatLinks: {} as ChatLinkRepository,
    directory: {} as DirectoryLookups,
    cards: {} as CardBuilder,
    config: { workflow: SIMPLE_WORKFLOW },
    log: pino({ level: 'silent' }),
  });
});
afterAll(async () => {
  await connector?.close();
  await closeTestDatabase(connection);
});

type Card = { body: { type: string; url?: string; altText?: string; facts?: unknown }[] };

describe('weekly digest in Teams', () => {
  it('posts one card to the channel with the figures and both charts as images', async () => {
    const posted = await notifier.postDigest!({
      id: 'digest:queue-billing:2026-W48',
      channel: `teams:${LEADS}`,
      report: sampleDigestReport(),
      images,
    });
    expect(posted).toBe(true);
    const [call, ...more] = connector.writes((c) => c.method === 'POST');
    expect(more).toHaveLength(0);
    expect(call?.conversationId).toBe(LEADS);
    const attachments = call?.body.attachments as { contentType: string; content: Card }[];
    expect(attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const card = attachments[0]!.content;
    const facts = card.body.flatMap((e) => (e.facts ?? []) as { title: string; value: string }[]);
    // Values are escaped for the card's markdown: parentheses and dots carry a backslash.
    expect(facts.find((f) => f.title === 'First response')?.value).toMatch(/^92% \\\(46 of 50 met/);
    const shown = card.body.filter((e) => e.type === 'Image');
    expect(shown.map((e) => e.altText)).toEqual(images.map((i) => i.alt));
    for (const [i, element] of shown.entries()) {
      const [prefix, data] = String(element.url).split(',');
      expect(prefix).toBe('data:image/png;base64');
      const png = Buffer.from(data ?? '', 'base64');
      expect(png.equals(Buffer.from(images[i]!.png))).toBe(true);
      expect(decodePng(png).width).toBe(images[i]!.width);
    }
  });

  it('leaves a Slack channel, and a Teams one it has no reference for, alone', async () => {
    const before = connector.calls.length;
    const digest = { id: 'x', report: sampleDigestReport(), images };
    expect(await notifier.postDigest!({ ...digest, channel: 'slack:C0LEADS01' })).toBe(false);
    expect(await notifier.postDigest!({ ...digest, channel: 'teams:19:other@thread.tacv2' })).toBe(
      false,
    );
    expect(connector.calls.length).toBe(before);
  });
});
