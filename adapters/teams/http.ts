import type { IncomingMessage, ServerResponse } from 'node:http';
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import {
  ClaimsIdentity,
  type AuthenticateRequestResult,
  type BotFrameworkAuthentication,
} from 'botframework-connector';
import type { Logger } from 'pino';
import { z } from 'zod';
import { InboxUnavailable, type InboundDeliveries } from '../../src/ports/inbox.js';
import { sendJson } from '../../src/http/server.js';
import { mediaTypeOf, readBodyOrRefuse, refuse } from '../shared/http-body.js';
import { NOT_SAVED, NOT_TAKEN_IN } from '../shared/words.js';
import { digest, PRESS_REPEAT_MS } from '../shared/press.js';

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
type Logic = (context: TurnContext) => Promise<void>;

export const TEAMS_MAX_BODY = 1024 * 1024;

/** Set on a turn whose activity the inbox had already: render, but do not act again. */
export const REPEATED_DELIVERY = Symbol('caseline.repeatedDelivery');

// The fields we route and key on; botbuilder reads the rest of the activity itself.
const activityShape = z.looseObject({
  type: z.string().min(1),
  id: z.string().min(1),
  name: z.string().optional(),
  serviceUrl: z.string().min(1),
  channelId: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1) }),
  from: z.looseObject({ id: z.string() }).optional(),
});

// Teams' Universal Actions invoke; anything else in `value` is not one.
const cardActionValue = z.looseObject({
  action: z.looseObject({
    type: z.string(),
    verb: z.string().optional(),
    data: z.unknown().optional(),
  }),
});

interface Stored {
  readonly activity: Activity;
  readonly claims: { type: string; value: string }[];
  readonly callerId?: string | undefined;
  readonly audience: string;
}

/** CloudAdapter with its protected turn runner opened for an already authenticated request. */
export class InboxCloudAdapter extends CloudAdapter {
  runAuthenticated(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: Logic,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

// Teams shows an Action.Execute error response's message on the card.
const cardError = (message: string) => ({
  statusCode: 503,
  type: 'application/vnd.microsoft.error',
  value: { code: 'ServiceUnavailable', message },
});

const parseActivity = (text: string): Activity | string => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'body must be a JSON activity';
  }
  const shape = activityShape.safeParse(parsed);
  if (!shape.success) return 'body must be a Bot Framework activity with an id';
  const activity = shape.data as unknown as Activity;
  if (isCardAction(activity) && !cardActionValue.safeParse(activity.value).success)
    return 'an adaptiveCard/action invoke needs value.action';
  return activity;
};

const isCardAction = (activity: Activity): boolean =>
  activity.type === 'invoke' && activity.name === 'adaptiveCard/action';

// Refresh invokes only read (every viewer's card asks on render): nothing to store.
const isRefresh = (activity: Activity): boolean =>
  isCardAction(activity) && cardActionValue.parse(activity.value).action.verb === 'refresh';

// A double press arrives as two invokes with ids of their own: the press is who pressed
// which action (with its inputs) on which card, as in Slack.
const pressKey = (activity: Activity): string =>
  `teams:press:${activity.from?.id ?? ''}:${digest([
    activity.conversation.id,
    activity.replyToId ?? '',
    cardActionValue.parse(activity.value).action,
  ])}`;

export interface MessagesEndpointDeps {
  readonly adapter: InboxCloudAdapter;
  readonly auth: BotFrameworkAuthentication;
  readonly logic: Logic;
  readonly inbound: InboundDeliveries;
  readonly log: Logger;
  readonly authenticated: boolean;
}

/**
 * `/api/messages` on our own HTTP server. Each activity is authenticated, then stored in
 * the inbox by its id, then acknowledged: messages are answered at once and handled after
 * (in order per conversation); invokes are answered with the turn's result (the refreshed
 * card). When the database cannot take the activity, it is not acknowledged as received.
 */
export const messagesEndpoint = (deps: MessagesEndpointDeps): Handler => {
  const { adapter, auth, inbound, log } = deps;
  // A turn failure fails the delivery, so the inbox retries it.
  const turn = (stored: Stored, repeated = false, logic = deps.logic) => {
    const identity = new ClaimsIdentity(stored.claims, true);
    const result: AuthenticateRequestResult = {
      audience: stored.audience,
      claimsIdentity: identity,
      ...(stored.callerId ? { callerId: stored.callerId } : {}),
      connectorFactory: auth.createConnectorFactory(identity),
    };
    return adapter.runAuthenticated(result, stored.activity, async (context) => {
      if (repeated) context.turnState.set(REPEATED_DELIVERY, true);
      await logic(context);
    });
  };
  inbound.handle('teams', {
    process: async (entry) => void (await turn(JSON.parse(entry.payload) as Stored)),
    givenUp: async (entry) => {
      const stored = JSON.parse(entry.payload) as Stored;
      if (stored.activity.type !== 'message') return;
      await turn(stored, false, async (context) => void (await context.sendActivity(NOT_TAKEN_IN)));
    },
  });

  const invoke = async (res: ServerResponse, key: string, stored: Stored) => {
    const press = isCardAction(stored.activity);
    let outcome;
    try {
      outcome = await inbound.accept(
        {
          key,
          source: 'teams',
          payload: JSON.stringify(stored),
          ...(press ? { repeatWindowMs: PRESS_REPEAT_MS } : {}),
        },
        { dropIfLate: true },
      );
    } catch (error) {
      if (!(error instanceof InboxUnavailable)) throw error;
      log.warn({ key, err: error.cause }, 'teams: invoke not stored');
      return press ? sendJson(res, 200, cardError(NOT_SAVED)) : refuse(res, 503, NOT_SAVED);
    }
    const answer = async (repeated: boolean) => {
      const response = await turn(stored, repeated);
      if (!response) return refuse(res, 500, 'the turn gave no answer');
      sendJson(res, response.status, response.body ?? {});
    };
    // A redelivered invoke or a double press still gets its card, from a turn that does not
    // act again.
    if (outcome === 'duplicate') return answer(true);
    await inbound.inline(key, async () => {
      try {
        await answer(false);
        return 'done';
      } catch (error) {
        log.error({ key, err: error }, 'teams: invoke failed');
        if (!res.headersSent) sendJson(res, 200, cardError(NOT_SAVED));
        return 'dropped';
      }
    });
  };

  return async (req, res) => {
    if (mediaTypeOf(req) !== 'application/json')
      return refuse(res, 415, 'content-type must be application/json');
    // The token itself is checked below; a request without one is refused at once.
    const header = req.headers.authorization ?? '';
    if (deps.authenticated && !header) return refuse(res, 401, 'a Bot Framework token is required');
    const body = await readBodyOrRefuse(req, res, TEAMS_MAX_BODY);
    if (!body) return;
    const activity = parseActivity(body.toString('utf8'));
    if (typeof activity === 'string') return refuse(res, 400, activity);
    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = await auth.authenticateRequest(activity, header);
    } catch {
      return refuse(res, 401, 'the Bot Framework token was not accepted');
    }
    // Claims, not the token: what a resumed turn needs, without a credential at rest.
    const stored: Stored = {
      activity,
      claims: authenticated.claimsIdentity.claims,
      callerId: authenticated.callerId,
      audience: authenticated.audience,
    };
    const key = `teams:${activity.conversation.id}:${activity.id}`;
    if (isRefresh(activity)) {
      const response = await turn(stored);
      return sendJson(res, response?.status ?? 500, response?.body ?? {});
    }
    if (isCardAction(activity)) return invoke(res, pressKey(activity), stored);
    if (activity.type === 'invoke') return invoke(res, key, stored);
    try {
      await inbound.accept({
        key,
        source: 'teams',
        payload: JSON.stringify(stored),
        group: activity.conversation.id,
      });
    } catch (error) {
      if (!(error instanceof InboxUnavailable)) throw error;
      log.warn({ key, err: error.cause }, 'teams: activity not stored');
      return refuse(res, 503, 'the activity could not be stored; send it again');
    }
    res.writeHead(200, { 'content-length': 0 });
    res.end();
    inbound.later(key, activity.conversation.id);
  };
};
