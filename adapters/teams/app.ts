import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Core } from '../../src/composition.js';
import type { Config } from '../../src/config.js';
import type { ChatLinkRepository } from '../../src/ports/chat-links.js';
import type { Notifier } from '../../src/ports/notifier.js';
import type { InboundDeliveries } from '../../src/ports/inbox.js';
import { composeConversation } from '../../src/compose-conversation.js';
import { makeRegisterChatContact } from '../../src/use-cases/register-chat-contact.js';
import { CaselineTeamsBot } from './bot.js';
import { makeCardBuilder } from './cards.js';
import { createTeamsConversationStore, type TeamsConversationStore } from './conversation-store.js';
import { InboxCloudAdapter, messagesEndpoint, TEAMS_MAX_BODY } from './http.js';
import type { Route } from '../../src/http/server.js';
import { createTeamsKb } from './kb.js';
import { createTeamsNotifier } from './notifier.js';
import { makeWithConversations } from './proactive.js';
import { botFrameworkConfiguration, isUnauthenticated, type TeamsSettings } from './settings.js';

export interface TeamsAdapter {
  readonly routes: Readonly<Record<string, Route>>;
  readonly notifier: Notifier;
  readonly store: TeamsConversationStore;
  readonly bot: CaselineTeamsBot;
}

export interface TeamsAdapterDeps {
  readonly settings: TeamsSettings;
  readonly core: Core;
  readonly config: Config;
  readonly chatLinks: ChatLinkRepository;
  readonly connection: Connection;
  readonly log: Logger;
  /** Every activity is stored here before it is acknowledged. */
  readonly inbound: InboundDeliveries;
  /** The playground's desk: every agent card goes there. */
  readonly staffConversation?: string | undefined;
}

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
  const store = createTeamsConversationStore(deps.connection);
  const cards = makeCardBuilder({ core, config, store });
  const withConversations = makeWithConversations(adapter, deps.settings.appId ?? '');
  const kb = createTeamsKb({ core, store, withConversations, log });
  core.kb.onCaseOpened(kb.offer);
  const bot = new CaselineTeamsBot({
    core,
    config,
    store,
    cards,
    log,
    kb,
    registerContact: makeRegisterChatContact({ directory: core.directory }),
    conversation: composeConversation(core, deps.chatLinks),
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
  return {
    routes: {
      '/api/messages': { methods: ['POST'], maxBodyBytes: TEAMS_MAX_BODY, handler: endpoint },
    },
    notifier,
    store,
    bot,
  };
};
