/**
 * A minimal Direct Line 3.0 endpoint for Web Chat (polling, no WebSocket): start a
 * conversation, post an activity, poll activities after a watermark. User activities are
 * echoed into the transcript and forwarded to the bot at /api/messages as Teams would
 * send them; card presses become `adaptiveCard/action` invokes.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { z } from 'zod';
import { forWebChat, pressOf } from './cards.js';
import { json, readJson } from './http-util.js';
import type { Person } from './people.js';
import type { Activity, Transcripts } from './transcript.js';

export const DIRECT_LINE_PATH = '/playground/directline/v3/directline';
export const DESK_CONVERSATION = 'playground-desk';
export const TENANT = 'playground';
const BOT = { id: '28:caseline-playground', name: 'Caseline' };

export interface Session {
  readonly token: string;
  readonly directLineId: string;
  /** The Teams-style conversation the bot sees. */
  readonly conversationId: string;
  readonly conversationType: 'personal' | 'channel';
  readonly person: Person;
  readonly userId: string;
}

export interface EmulatorDeps {
  readonly transcripts: Transcripts;
  readonly log: Logger;
  /** Base URL of our own server (loopback), known once it listens. */
  readonly selfUrl: () => string;
}

const userActivity = z.looseObject({
  type: z.string().min(1),
  text: z.string().max(10_000).optional(),
  value: z.unknown().optional(),
  channelData: z.unknown().optional(),
  locale: z.string().optional(),
});

export const createEmulator = (deps: EmulatorDeps) => {
  const sessions = new Map<string, Session>();
  const byDirectLineId = new Map<string, Session>();

  const open = (person: Person, pane: 'customer' | 'desk'): Session => {
    const token = randomBytes(18).toString('base64url');
    const session: Session = {
      token,
      directLineId: `dl-${randomBytes(9).toString('base64url')}`,
      conversationId: pane === 'desk' ? DESK_CONVERSATION : `playground-chat:${person.email}`,
      conversationType: pane === 'desk' ? 'channel' : 'personal',
      person,
      userId: `29:playground-${person.email}`,
    };
    sessions.set(token, session);
    byDirectLineId.set(session.directLineId, session);
    return session;
  };

  const personByUserId = (userId: string): Person | undefined =>
    [...sessions.values()].find((s) => s.userId === userId)?.person;

  /** Posts a Teams-shaped activity to the bot; returns its JSON answer (invokes have one). */
  const toBot = async (session: Session, activity: Record<string, unknown>) => {
    const res = await fetch(`${deps.selfUrl()}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channelId: 'msteams',
        serviceUrl: `${deps.selfUrl()}/playground/connector/`,
        timestamp: new Date().toISOString(),
        from: { id: session.userId, name: session.person.name },
        recipient: BOT,
        conversation: {
          id: session.conversationId,
          conversationType: session.conversationType,
          tenantId: TENANT,
        },
        channelData: { tenant: { id: TENANT } },
        ...activity,
      }),
    });
    const text = await res.text();
    return text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  };

  /** The invoke's answer replaces the pressed card, as Teams does with a refreshed card. */
  const press = async (session: Session, value: unknown) => {
    const pressed = pressOf(value);
    if (!pressed) return;
    const answer = await toBot(session, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: deps.transcripts.newId(),
      replyToId: pressed.cardActivityId,
      value: {
        action: { type: 'Action.Execute', verb: pressed.verb, data: pressed.data },
        trigger: 'manual',
      },
    });
    const body = answer as { type?: string; value?: unknown } | undefined;
    const card = deps.transcripts.find(session.conversationId, pressed.cardActivityId);
    if (body?.type === 'application/vnd.microsoft.card.adaptive' && card) {
      deps.transcripts.append(
        session.conversationId,
        forWebChat({
          ...card,
          attachments: [{ contentType: body.type, content: body.value }],
        }),
      );
    } else {
      // A message answer, or the error Teams shows on the card (e.g. "could not save").
      const text = typeof body?.value === 'string' ? body.value : errorMessageOf(body);
      if (!text) return;
      deps.transcripts.append(session.conversationId, {
        type: 'message',
        id: deps.transcripts.newId(),
        from: { ...BOT, role: 'bot' },
        text,
        timestamp: new Date().toISOString(),
      });
    }
  };

  const post = async (session: Session, req: IncomingMessage, res: ServerResponse) => {
    const parsed = userActivity.safeParse(await readJson(req));
    if (!parsed.success) return json(res, 400, { error: { code: 'BadArgument' } });
    const id = deps.transcripts.newId();
    const echoed: Activity = {
      ...parsed.data,
      id,
      from: { id: session.userId, name: session.person.name, role: 'user' },
      conversation: { id: session.directLineId },
      channelId: 'directline',
      timestamp: new Date().toISOString(),
    };
    deps.transcripts.append(session.conversationId, echoed);
    json(res, 200, { id });
    const forward = pressOf(parsed.data.value)
      ? press(session, parsed.data.value)
      : parsed.data.type === 'message' && parsed.data.text
        ? toBot(session, { type: 'message', id, text: parsed.data.text, textFormat: 'plain' })
        : Promise.resolve(undefined);
    await forward.catch((error: unknown) =>
      deps.log.warn({ err: error }, 'playground: bot call failed'),
    );
  };

  const sessionFor = (req: IncomingMessage): Session | undefined => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    return token ? sessions.get(token) : undefined;
  };

  /** `${DIRECT_LINE_PATH}/*`: conversations, activities (GET with watermark, POST), tokens. */
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const session = sessionFor(req);
    if (!session)
      return json(res, 403, { error: { code: 'BadArgument', message: 'unknown token' } });
    const url = new URL(req.url ?? '/', 'http://localhost');
    const rest = url.pathname.slice(DIRECT_LINE_PATH.length);
    const conversation = {
      conversationId: session.directLineId,
      token: session.token,
      expires_in: 3600,
    };
    if (req.method === 'POST' && (rest === '/conversations' || rest === '/tokens/refresh'))
      return json(res, rest === '/conversations' ? 201 : 200, conversation);
    const match = /^\/conversations\/([^/]+)(\/activities)?$/.exec(rest);
    if (!match || byDirectLineId.get(match[1] ?? '') !== session)
      return json(res, 404, { error: { code: 'NotFound' } });
    if (!match[2]) return json(res, 200, conversation);
    if (req.method === 'POST') return post(session, req, res);
    const watermark = Number(url.searchParams.get('watermark') ?? 0) || 0;
    const page = deps.transcripts.since(session.conversationId, watermark);
    return json(res, 200, { activities: page.activities, watermark: String(page.watermark) });
  };

  return { open, handle, personByUserId, toBot };
};

export type Emulator = ReturnType<typeof createEmulator>;

/** The message of an Action.Execute error response (`application/vnd.microsoft.error`). */
const errorMessageOf = (body: { type?: string; value?: unknown } | undefined) => {
  if (body?.type !== 'application/vnd.microsoft.error') return undefined;
  const message = (body.value as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
};
