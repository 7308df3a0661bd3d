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
 * One port for everything: health probes, the Slack and Teams endpoints, the playground.
 * Routes match on the path only (a key ending in `/*` matches everything under it, for
 * the playground's Direct Line emulation); each handler checks its own method.
 */
const prefixHandler = (
  routes: Readonly<Record<string, Handler>>,
  path: string,
): Handler | undefined => {
  const key = Object.keys(routes).find(
    (route) => route.endsWith('/*') && path.startsWith(route.slice(0, -1)),
  );
  return key ? routes[key] : undefined;
};

export const createHttpServer = (
  routes: Readonly<Record<string, Handler>>,
  onError: (error: unknown) => void,
): Server =>
  createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const handler = routes[path] ?? prefixHandler(routes, path);
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
