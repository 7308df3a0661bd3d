/**
 * The chat channels of the server process, built from the core: each adapter gets the use
 * cases and lookups it calls (its deps list), its own stores behind their ports, and
 * nothing else of the core. main.ts mounts and starts whatever comes back.
 */
import type { Connection } from 'mongoose';
import type { Core } from './composition.js';
import { composeConversation } from './compose-conversation.js';
import { composeChatCsat } from './compose-csat.js';
import type { ChatChannel } from './http/chat-channel.js';
import type { ChatDeskReports } from '../adapters/shared/desk.js';
import type { Logger } from './infra/logger.js';
import type { InboundDeliveries } from './ports/inbox.js';
import { createMongoChatInstallations } from './store/chat-installations/mongo-chat-installations.js';
import { MongoChatLinks } from './store/chat-links/mongo-chat-links.js';
import { createMongoContactList } from './store/directory/mongo-contact-list.js';
import { createMongoTeamsMemory } from './store/teams/mongo-teams-memory.js';
import { makeRegisterChatContact } from './use-cases/register-chat-contact.js';
import { createPlayground, type Playground } from '../adapters/playground/index.js';
import {
  CHAT_KB_USE_CASES,
  CHAT_USE_CASES,
  DIRECTORY_LOOKUPS,
  pick,
  type ChatKb,
  type KbUseCases,
  type SlaLookups,
} from '../adapters/shared/deps.js';
import { createSlackAdapter } from '../adapters/slack/app.js';
import type { SlackDeps } from '../adapters/slack/deps.js';
import { slackSettingsFrom } from '../adapters/slack/settings.js';
import { createTeamsAdapter } from '../adapters/teams/app.js';
import type { TeamsDeps } from '../adapters/teams/deps.js';
import { teamsSettingsFrom } from '../adapters/teams/settings.js';

export interface ChatOptions {
  readonly core: Core;
  readonly connection: Connection;
  readonly log: Logger;
  /** Every delivery is stored here before it is acknowledged. */
  readonly inbound: InboundDeliveries;
  /** Report cards and desk sign-in links for leads, in both chats. */
  readonly desk?: ChatDeskReports | undefined;
}

const slaLookups = (core: Core): SlaLookups | undefined => {
  const sla = core.sla;
  if (!sla) return undefined;
  return {
    describe: sla.describe,
    ofCase: async (caseId) => {
      const state = await core.cases.findById(caseId);
      return state ? sla.describe(state) : undefined;
    },
  };
};

export const composeChatChannels = async (options: ChatOptions): Promise<ChatChannel[]> => {
  const { core, connection, log, inbound } = options;
  const { config } = core;
  const chatLinks = new MongoChatLinks(connection);
  const conversation = composeConversation(core, chatLinks);
  const directory = pick(core.directory, DIRECTORY_LOOKUPS);
  const kbOf = <K extends keyof KbUseCases>(keys: readonly K[]): ChatKb<K> => ({
    useCases: pick(core.kb.useCases, keys),
    onKbSuggestions: (handler) =>
      core.effects.on('kb-suggestions', (delivery) => handler(delivery.case)),
  });
  const channels: ChatChannel[] = [];
  const csatFor = composeChatCsat(core);

  const slackSettings = slackSettingsFrom(config.env);
  if (slackSettings) {
    const slackDeps: SlackDeps = {
      useCases: pick(core.useCases, CHAT_USE_CASES),
      kb: kbOf(CHAT_KB_USE_CASES),
      csat: csatFor('slack'),
      directory,
      clock: core.clock,
      desk: options.desk,
    };
    channels.push(
      await createSlackAdapter({
        settings: slackSettings,
        core: slackDeps,
        conversation,
        config,
        chatLinks,
        installations: createMongoChatInstallations(connection),
        log,
        inbound,
      }),
    );
  }

  // Without Slack, Teams runs even without an app id (unauthenticated) for local use.
  const teamsSettings = teamsSettingsFrom(config.env, { localUse: !slackSettings });
  if (!teamsSettings) return channels;
  // No chat platform at all: serve the playground page on the same port.
  const playground =
    !teamsSettings.appId && config.env.CASELINE_PLAYGROUND === 'auto'
      ? createPlayground({
          people: {
            listAgents: directory.listAgents,
            listContacts: createMongoContactList(connection).listContacts,
          },
          log,
        })
      : undefined;
  const teamsDeps: TeamsDeps = {
    useCases: pick(core.useCases, CHAT_USE_CASES),
    kb: kbOf(CHAT_KB_USE_CASES),
    csat: csatFor('teams'),
    directory,
    registerContact: makeRegisterChatContact({ directory: core.directory }),
    sla: slaLookups(core),
    clock: core.clock,
    desk: options.desk,
  };
  const teams = createTeamsAdapter({
    settings: teamsSettings,
    core: teamsDeps,
    conversation,
    config,
    chatLinks,
    memory: createMongoTeamsMemory(connection),
    log,
    inbound,
    staffConversation: playground?.deskConversation,
  });
  channels.push(playground ? withPlayground(teams, playground, log) : teams);
  return channels;
};

/** The playground is a Teams client on the same server: Teams' channel, plus its page. */
const withPlayground = (teams: ChatChannel, playground: Playground, log: Logger): ChatChannel => ({
  name: 'teams (playground)',
  routes: { ...teams.routes, ...playground.routes },
  notifier: teams.notifier,
  postsToThisServer: true,
  start: async (listening) => {
    await teams.start(listening);
    await playground.start(listening.port);
    log.info(
      `Playground: open http://localhost:${listening.port}/ (no Slack or Teams credentials set)`,
    );
  },
  stop: () => teams.stop(),
});
