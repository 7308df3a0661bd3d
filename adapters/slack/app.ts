import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Core } from '../../src/composition.js';
import type { Config } from '../../src/config.js';
import type { ChatLinkRepository } from '../../src/ports/chat-links.js';
import type { Notifier } from '../../src/ports/notifier.js';
import { makeReceiveChatMessage } from '../../src/use-cases/receive-chat-message.js';
import { makeSlackContext } from './context.js';
import { BOT_SCOPES } from './registry.js';
import { registerSlackListeners } from './listeners/index.js';
import { boltLogger } from './logger.js';
import { createSlackNotifier } from './notifier.js';
import { installedTokens, singleTokenMode } from './bot-tokens.js';
import { createMongoInstallationStore } from './installation-store.js';
import { isOAuth, type SlackSettings } from './settings.js';
import type { Connection } from 'mongoose';

export interface SlackAdapter {
  /** HTTP routes to mount on the app's server (none in Socket Mode). */
  readonly routes: Readonly<Record<string, (req: IncomingMessage, res: ServerResponse) => void>>;
  readonly notifier: Notifier;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface SlackAdapterDeps {
  readonly settings: SlackSettings;
  readonly core: Core;
  readonly config: Config;
  readonly chatLinks: ChatLinkRepository;
  readonly log: Logger;
  /** Where OAuth installations are kept. */
  readonly connection: Connection;
}

// Posts go through the outbox, which owns retries: the client itself must not sit on a
// rate limit for minutes (its default policy spans ~30 minutes), it must report it.
const clientOptions = (settings: SlackSettings) => ({
  ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
  retryConfig: { retries: 0 },
  rejectRateLimitedCalls: true,
});

/** The Slack side of Caseline: bolt in HTTP mode on our server, or Socket Mode. */
export const createSlackAdapter = async (deps: SlackAdapterDeps): Promise<SlackAdapter> => {
  const { settings, log } = deps;
  const logger = boltLogger(log);
  const oauth = isOAuth(settings)
    ? {
        clientId: settings.clientId,
        clientSecret: settings.clientSecret,
        stateSecret: settings.stateSecret,
        scopes: BOT_SCOPES,
        installationStore: createMongoInstallationStore(deps.connection),
        // A receiver we build ourselves makes its own installer: give it the API URL too.
        installerOptions: { directInstall: true, clientOptions: clientOptions(settings) },
      }
    : undefined;
  const http = settings.appToken
    ? undefined
    : new HTTPReceiver({
        signingSecret: settings.signingSecret,
        endpoints: '/slack/events',
        logger,
        ...oauth,
      });
  // Socket Mode asks `apps.connections.open` for its WebSocket URL: same API URL as the rest.
  const receiver =
    http ??
    new SocketModeReceiver({
      appToken: settings.appToken!,
      logger,
      ...oauth,
      installerOptions: { ...oauth?.installerOptions, clientOptions: clientOptions(settings) },
    });
  const app = new App({
    ...(oauth ? {} : { token: settings.botToken }),
    receiver,
    logger,
    clientOptions: clientOptions(settings),
    deferInitialization: true,
  });
  await app.init();
  app.error(async (error) => log.error({ err: error }, 'slack listener failed'));
  const ctx = makeSlackContext({
    client: app.client,
    core: deps.core,
    config: deps.config,
    chatLinks: deps.chatLinks,
    log,
    receiveMessage: makeReceiveChatMessage({
      chatLinks: deps.chatLinks,
      clock: deps.core.clock,
      groupingWindowMs: deps.config.intake.groupingWindowSeconds * 1000,
      openCase: deps.core.useCases.openCase,
      replyToCustomer: deps.core.useCases.replyToCustomer,
      addInternalNote: deps.core.useCases.addInternalNote,
      caseOfIntake: (intakeKey) => deps.core.cases.findByIntakeClaim(intakeKey),
    }),
  });
  registerSlackListeners(app, ctx);
  const notifier = createSlackNotifier({
    client: app.client,
    chatLinks: deps.chatLinks,
    directory: deps.core.directory,
    config: deps.config,
    tokenFor: oauth ? installedTokens(oauth.installationStore, deps.connection) : singleTokenMode,
  });
  const routes = http
    ? Object.fromEntries(
        ['/slack/events', ...(oauth ? ['/slack/install', '/slack/oauth_redirect'] : [])].map(
          (path) => [path, http.requestListener],
        ),
      )
    : {};
  return {
    routes,
    notifier,
    start: async () => {
      if (!http) await app.start();
    },
    stop: async () => {
      if (!http) await app.stop();
    },
  };
};
