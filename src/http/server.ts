import { randomUUID } from 'node:crypto';
import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { summarizeError, type ErrorSummary } from '../infra/error-summary.js';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A route that takes only some methods, and (when it reads one) a body of bounded size. */
export interface Route {
  readonly methods: readonly string[];
  readonly handler: Handler;
  /** A declared `content-length` above this is refused with 413 before the handler runs. */
  readonly maxBodyBytes?: number;
}

/** A request a handler refuses as the client's fault: answered with `status` and `message`. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** What the server reports about a handler that failed: never the request itself. */
export interface RequestFailure {
  readonly correlationId: string;
  readonly method: string;
  readonly path: string;
  /** What the client was answered (0: the answer had begun, and the connection was cut). */
  readonly status: number;
  readonly error: ErrorSummary;
}

export const sendJson = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
};

const asRoute = (route: Handler | Route): Route =>
  typeof route === 'function' ? { methods: [], handler: route } : route;

/**
 * Routes match on the path only (a key ending in `/*` matches everything under it, for
 * the playground's Direct Line emulation).
 */
const findRoute = (
  routes: Readonly<Record<string, Handler | Route>>,
  path: string,
): Handler | Route | undefined => {
  const exact = routes[path];
  if (exact) return exact;
  const key = Object.keys(routes).find(
    (route) => route.endsWith('/*') && path.startsWith(route.slice(0, -1)),
  );
  return key ? routes[key] : undefined;
};

/** 4xx from a refusal a handler threw (ours, or a body reader's `status`), else 500. */
const statusOf = (error: unknown): { status: number; message?: string } => {
  if (error instanceof RequestError && error.status >= 400 && error.status < 500)
    return { status: error.status, message: error.message };
  const { status, statusCode } = (typeof error === 'object' && error !== null ? error : {}) as {
    status?: unknown;
    statusCode?: unknown;
  };
  const declared = status ?? statusCode;
  if (typeof declared === 'number' && declared >= 400 && declared < 500)
    return { status: declared };
  return { status: 500 };
};

// Answering while the client is still sending, then closing, resets the connection: the
// client sees a broken pipe instead of our 413. So what it sends is read and dropped first
// (up to this much; past it the connection is cut), and then it is answered.
const DISCARD_BYTES = 16 * 1024 * 1024;

const afterDiscarding = (req: IncomingMessage, answer: () => void): void => {
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DISCARD_BYTES) req.socket.destroy();
  });
  req.once('end', answer);
};

/** Checks what the route declares before its handler sees the request. */
const refusal = (
  route: Route,
  req: IncomingMessage,
): ((res: ServerResponse) => void) | undefined => {
  const method = req.method ?? 'GET';
  if (route.methods.length > 0 && !route.methods.includes(method))
    return (res) =>
      sendJson(res, 405, { error: 'method not allowed' }, { allow: route.methods.join(', ') });
  const length = Number(req.headers['content-length'] ?? 0);
  if (route.maxBodyBytes !== undefined && length > route.maxBodyBytes)
    return (res) =>
      afterDiscarding(req, () =>
        sendJson(res, 413, { error: `body over ${route.maxBodyBytes} bytes` }),
      );
  return undefined;
};

/**
 * One port for everything: health probes, the Slack and Teams endpoints, the playground.
 * Whatever a handler throws or rejects with is answered here (4xx for the client's fault,
 * 500 for ours, with a correlation id to find the log line) and reported to `onError`.
 */
export const createHttpServer = (
  routes: Readonly<Record<string, Handler | Route>>,
  onError: (failure: RequestFailure) => void,
): Server =>
  createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const found = findRoute(routes, path);
    if (!found) return sendJson(res, 404, { error: 'not found' });
    const route = asRoute(found);
    const refuse = refusal(route, req);
    if (refuse) return refuse(res);
    Promise.resolve()
      .then(() => route.handler(req, res))
      .catch((error: unknown) => {
        const correlationId = randomUUID();
        const { status, message } = statusOf(error);
        // A complete answer stands (the client has it: cutting the connection now would
        // only break its next request); a half-written one is cut off.
        const answered = res.writableEnded ? res.statusCode : res.headersSent ? 0 : status;
        onError({
          correlationId,
          method: req.method ?? '',
          path,
          status: answered,
          error: summarizeError(error),
        });
        if (res.writableEnded) return;
        if (res.headersSent) {
          res.destroy();
          return;
        }
        const text = message ?? (status < 500 ? STATUS_CODES[status] : 'internal error');
        sendJson(
          res,
          status,
          { error: text, correlationId },
          { 'x-correlation-id': correlationId },
        );
      });
  });

export const healthRoutes = (ready: () => Promise<boolean>): Record<string, Route> => ({
  // Liveness only: the process answers. Whether it can do its work is /readyz.
  '/healthz': {
    methods: ['GET', 'HEAD'],
    handler: (_req, res) => sendJson(res, 200, { status: 'ok' }),
  },
  '/readyz': {
    methods: ['GET', 'HEAD'],
    handler: async (_req, res) => {
      const ok = await ready();
      sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'database unreachable' });
    },
  },
});
