import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Logger } from 'pino';
import type { Config } from '../../src/config.js';
import type { ChatChannel } from '../../src/http/chat-channel.js';
import type { ChatLinkRepository } from '../../src/ports/chat-links.js';
import type { InboundDeliveries } from '../../src/ports/inbox.js';
import type { TeamsMemory } from '../../src/ports/teams-memory.js';
import type { ConversationUseCases } from '../shared/deps.js';
import { CaselineTeamsBot } from './bot.js';
import { makeCardBuilder } from './cards.js';
import { createTeamsConversationStore } from './conversation-store.js';
import type { TeamsDeps } from './deps.js';
import { InboxCloudAdapter, messagesEndpoint, TEAMS_MAX_BODY } from './http.js';
import { createTeamsCsat } from './csat.js';
import { createTeamsKb } from './kb.js';
import { createTeamsNotifier } from './notifier.js';
import { makeWithConversations } from './proactive.js';
import { botFrameworkConfiguration, isUnauthenticated, type TeamsSettings } from './settings.js';

export type TeamsAdapter = ChatChannel;

export interface TeamsAdapterDeps {
  readonly settings: TeamsSettings;
  /** The use cases and lookups Teams calls. */
  readonly core: TeamsDeps;
  readonly conversation: ConversationUseCases;
  readonly config: Config;
  readonly chatLinks: ChatLinkRepository;
  /** References, Teams users and KB offers. */
  readonly memory: TeamsMemory;
  readonly log: Logger;
  /** Every activity is stored here before it is acknowledged. */
  readonly inbound: InboundDeliveries;
  /** The playground's desk: every agent card goes there. */
  readonly staffConversation?: string | undefined;
}

// Handled-activity ids and stale KB offers would otherwise pile up for good (FerretDB has
// no TTL indexes); every replica prunes, which is harmless twice.
const PRUNE_EVERY_MS = 6 * 60 * 60 * 1000;

/** The Teams side of Caseline: a CloudAdapter at /api/messages and the Teams notifier. */
export const createTeamsAdapter = (deps: TeamsAdapterDeps): TeamsAdapter => {
  const { core, config, log } = deps;
  const auth = new ConfigurationBotFrameworkAuthentication(
    botFrameworkConfiguration(deps.settings),
  );
  const adapter = new InboxCloudAdapter(auth);
  // A failed turn fails its delivery: the inbox retries it (a database blip), and an
  // invoke's presser is told it was not saved.
  adapter.onTurnError = async (context, error) => {
    log.warn({ err: error, activity: context.activity.id }, 'teams turn failed');
    throw error;
  };
  const store = createTeamsConversationStore(deps.memory);
  const cards = makeCardBuilder({ core, config, store });
  const withConversations = makeWithConversations(adapter, deps.settings.appId ?? '');
  const kb = createTeamsKb({ core, store, withConversations, log });
  core.kb.onKbSuggestions(kb.offer);
  const csat = createTeamsCsat({ core, store, withConversations, log });
  core.csat?.onSurvey(csat.post);
  const bot = new CaselineTeamsBot({
    core,
    config,
    store,
    cards,
    log,
    kb,
    csat,
    registerContact: core.registerContact,
    conversation: deps.conversation,
    deskConversation: deps.staffConversation,
  });
  const notifier = createTeamsNotifier({
    adapter,
    appId: deps.settings.appId ?? '',
    store,
    chatLinks: deps.chatLinks,
    directory: core.directory,
    cards,
    config,
    log,
    staffConversation: deps.staffConversation,
  });
  const endpoint = messagesEndpoint({
    adapter,
    auth,
    logic: (context) => bot.run(context),
    inbound: deps.inbound,
    log,
    authenticated: !isUnauthenticated(deps.settings),
  });
  const prune = () =>
    store
      .prune(new Date())
      .then((pruned) => pruned > 0 && log.info({ pruned }, 'teams: old records pruned'))
      .catch((error: unknown) => log.warn({ err: error }, 'teams: pruning failed'));
  let pruning: ReturnType<typeof setInterval> | undefined;
  return {
    name: 'teams',
    routes: {
      '/api/messages': { methods: ['POST'], maxBodyBytes: TEAMS_MAX_BODY, handler: endpoint },
    },
    notifier,
    start: async () => {
      pruning = setInterval(() => void prune(), PRUNE_EVERY_MS);
      pruning.unref();
      void prune();
    },
    stop: async () => clearInterval(pruning),
  };
};
