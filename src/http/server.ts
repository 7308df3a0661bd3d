import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
};

/**
 * One port for everything: health probes now, the Slack and Teams endpoints later.
 * Routes match on the path only; each handler checks its own method.
 */
export const createHttpServer = (
  routes: Readonly<Record<string, Handler>>,
  onError: (error: unknown) => void,
): Server =>
  createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const handler = routes[path];
    if (!handler) return sendJson(res, 404, { error: 'not found' });
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        onError(error);
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.end();
      });
  });

export const healthRoutes = (ready: () => Promise<boolean>): Record<string, Handler> => ({
  '/healthz': (_req, res) => sendJson(res, 200, { status: 'ok' }),
  '/readyz': async (_req, res) => {
    const ok = await ready();
    sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'database unreachable' });
  },
});
