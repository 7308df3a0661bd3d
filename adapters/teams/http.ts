import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { readBody } from '../shared/http-body.js';
import { sendJson } from '../../src/http/server.js';

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
type Logic = (context: TurnContext) => Promise<void>;

const MAX_BODY = 1024 * 1024;

// The fields we route on; botbuilder validates the full activity itself.
const activityShape = z.looseObject({
  type: z.string().min(1),
  id: z.string().optional(),
  conversation: z.looseObject({ id: z.string() }).optional(),
});

/** botbuilder's Response shape over Node's ServerResponse (or a sink after an early ack). */
const responseFor = (res: ServerResponse | undefined) => {
  let status = 200;
  let body: unknown;
  return {
    socket: res?.socket ?? {},
    status: (code: number) => (status = code),
    header: (name: string, value: unknown) => res?.setHeader(name, String(value)),
    send: (value: unknown) => (body = value),
    end: () => {
      if (!res || res.headersSent) return;
      const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    },
  };
};

const send = (res: ServerResponse, status: number, message: string) =>
  sendJson(res, status, { error: message });

/**
 * Turns that run after their ack: a few at a time, so a burst of activities is acknowledged
 * before it is handled, and one conversation's turns strictly in arrival order, so a
 * customer's second message sees the case their first one opened.
 */
const backgroundQueue = (limit: number) => {
  const waiting: (() => void)[] = [];
  const tails = new Map<string, Promise<void>>();
  let running = 0;
  const slot = () =>
    new Promise<void>((resolve) => {
      if (running < limit) {
        running += 1;
        resolve();
      } else waiting.push(resolve);
    });
  const release = () => {
    const next = waiting.shift();
    if (next) setImmediate(next);
    else running -= 1;
  };
  return (key: string, job: () => Promise<void>) => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(async () => {
      await slot();
      // Acks first: a turn starts only after the event loop has taken in the requests
      // already waiting on their sockets. Started straight from the ack's own callback,
      // its synchronous start (botbuilder's auth and connector set-up, about a
      // millisecond) ran ahead of every request behind it (bench:teams: app ack p50 3.5×
      // a bare server's without this, about 1× with it).
      await new Promise((resolve) => setImmediate(resolve));
      try {
        await job();
      } finally {
        release();
      }
    });
    tails.set(key, run);
    void run.finally(() => {
      if (tails.get(key) === run) tails.delete(key);
    });
  };
};

/**
 * `/api/messages` on our own HTTP server. Invokes are answered with the turn's result (the
 * refreshed card); everything else is acknowledged first and handled after, so a slow
 * database never makes Teams wait or retry.
 */
export const messagesEndpoint = (
  adapter: CloudAdapter,
  logic: Logic,
  onError: (error: unknown) => void,
  options: { readonly authenticated: boolean },
): Handler => {
  const later = backgroundQueue(8);
  return async (req, res) => {
    if (req.method !== 'POST') return send(res, 405, 'POST only');
    // The token itself is checked in the turn; a request without one is refused before the ack.
    if (options.authenticated && !req.headers.authorization)
      return send(res, 401, 'a Bot Framework token is required');
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readBody(req, MAX_BODY));
    } catch {
      return send(res, 400, 'body must be a JSON activity');
    }
    const shape = activityShape.safeParse(parsed);
    if (!shape.success) return send(res, 400, 'body must be a Bot Framework activity');
    const request = { method: 'POST', headers: req.headers, body: shape.data };
    if (shape.data.type === 'invoke') {
      await adapter.process(request, responseFor(res), logic);
      return;
    }
    res.writeHead(200, { 'content-length': 0 });
    res.end();
    // The ack is out; authentication and the turn still run, and failures are logged.
    const conversation = shape.data.conversation?.id ?? '';
    later(conversation, () =>
      adapter.process(request, responseFor(undefined), logic).catch(onError),
    );
  };
};
