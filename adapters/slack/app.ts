import { App, ErrorCode, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Config } from '../../src/config.js';
import type { ChatChannel } from '../../src/http/chat-channel.js';
import type { ChatInstallations } from '../../src/ports/chat-installations.js';
import type { ChatLinkRepository } from '../../src/ports/chat-links.js';
import type { ConversationUseCases } from '../shared/deps.js';
import { makeSlackContext } from './context.js';
import type { SlackDeps } from './deps.js';
import { BOT_SCOPES } from './registry.js';
import { registerSlackListeners } from './listeners/index.js';
import { boltLogger } from './logger.js';
import { createSlackNotifier } from './notifier.js';
import { installedTokens, singleTokenMode } from './bot-tokens.js';
import { postCsatSurvey } from './listeners/csat.js';
import { createSlackInstallationStore } from './installation-store.js';
import { isOAuth, type SlackSettings } from './settings.js';
import { InboxUnavailable, type InboundDeliveries } from '../../src/ports/inbox.js';
import { guardSlackEvents, SLACK_MAX_BODY } from './http-guard.js';
import { InboxReceiver, type TellPerson } from './inbox-receiver.js';

/** Slack as a chat channel: HTTP routes on the app's server (none in Socket Mode). */
export type SlackAdapter = ChatChannel;

export interface SlackAdapterDeps {
  readonly settings: SlackSettings;
  /** The use cases and lookups Slack calls. */
  readonly core: SlackDeps;
  readonly conversation: ConversationUseCases;
  readonly config: Config;
  readonly chatLinks: ChatLinkRepository;
  readonly log: Logger;
  /** Where OAuth installations are kept. */
  readonly installations: ChatInstallations;
  /** Every delivery is stored here before it is acknowledged. */
  readonly inbound: InboundDeliveries;
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
        installationStore: createSlackInstallationStore(deps.installations),
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
        bodyLimit: SLACK_MAX_BODY,
        // An event the inbox could not store is not acknowledged: Slack sends it again.
        processEventErrorHandler: async ({ error, response }) => {
          if (!response.headersSent) {
            response.writeHead(error instanceof InboxUnavailable ? 503 : 500);
            response.end();
          }
          if (!(error instanceof InboxUnavailable))
            log.error({ err: error }, 'slack: delivery failed');
          return false;
        },
        ...oauth,
      });
  // Socket Mode asks `apps.connections.open` for its WebSocket URL: same API URL as the rest.
  const inner =
    http ??
    new SocketModeReceiver({
      appToken: settings.appToken!,
      logger,
      ...oauth,
      installerOptions: { ...oauth?.installerOptions, clientOptions: clientOptions(settings) },
    });
  const tokenFor = oauth
    ? installedTokens(oauth.installationStore, deps.installations)
    : singleTokenMode;
  const late: { tell?: TellPerson } = {};
  const receiver = new InboxReceiver(inner, {
    inbound: deps.inbound,
    log,
    tell: (who) => late.tell?.(who) ?? Promise.resolve(),
  });
  const app = new App({
    ...(oauth ? {} : { token: settings.botToken }),
    receiver,
    logger,
    clientOptions: clientOptions(settings),
    deferInitialization: true,
  });
  await app.init();
  // A listener's failure fails the delivery, so the inbox retries it; a workspace we are
  // not installed in will not change on a retry.
  app.error(async (error) => {
    if (error.code === ErrorCode.AuthorizationError) {
      log.warn({ err: error }, 'slack: delivery from a workspace without an installation');
      return;
    }
    throw error;
  });
  late.tell = async ({ user, channel, team, text }) => {
    const token = await tokenFor(team);
    const auth = token ? { token } : {};
    if (channel) await app.client.chat.postEphemeral({ ...auth, channel, user, text });
    else await app.client.chat.postMessage({ ...auth, channel: user, text });
  };
  const ctx = makeSlackContext({
    client: app.client,
    core: deps.core,
    config: deps.config,
    chatLinks: deps.chatLinks,
    log,
    conversation: deps.conversation,
  });
  registerSlackListeners(app, ctx);
  // The `csat-survey` effect, carried out from the outbox for cases opened in Slack.
  deps.core.csat?.onSurvey(postCsatSurvey(app, ctx, tokenFor));
  const notifier = createSlackNotifier({
    client: app.client,
    chatLinks: deps.chatLinks,
    directory: deps.core.directory,
    config: deps.config,
    tokenFor,
    clock: deps.core.clock,
  });
  const routes: SlackAdapter['routes'] = http
    ? {
        '/slack/events': {
          methods: ['POST'],
          maxBodyBytes: SLACK_MAX_BODY,
          handler: guardSlackEvents(http.requestListener, log),
        },
        ...(oauth
          ? {
              '/slack/install': { methods: ['GET'], handler: http.requestListener },
              '/slack/oauth_redirect': { methods: ['GET'], handler: http.requestListener },
            }
          : {}),
      }
    : {};
  return {
    name: 'slack',
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
