import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createHttpServer,
  RequestError,
  sendJson,
  type Handler,
  type RequestFailure,
} from '../../../src/http/server.js';

const failures: RequestFailure[] = [];
let server: Server;
let base = '';

// A routing error as bolt throws it: the whole request and response ride along.
class RoutingError extends Error {
  constructor(
    readonly req: unknown,
    readonly res: unknown,
  ) {
    super('Unhandled HTTP request');
  }
}

const handlers: Record<string, Handler> = {
  '/throws': (req, res) => {
    throw new RoutingError(req, res);
  },
  '/rejects': async () => {
    await Promise.resolve();
    throw new Error('the database went away');
  },
  '/refuses': async () => {
    throw new RequestError(422, 'a view_submission needs a view');
  },
  // A body reader's refusal (raw-body's shape): the client's fault, whatever the message.
  '/too-large-inside': async () => {
    throw Object.assign(new Error('request entity too large'), { status: 413, expose: true });
  },
  '/fails-mid-answer': async (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('half an answer');
    throw new Error('broke while answering');
  },
  '/fails-after-answering': async (_req, res) => {
    sendJson(res, 202, { accepted: true });
    throw new Error('broke after answering');
  },
  '/echo': async (req, res) => {
    let size = 0;
    for await (const chunk of req) size += (chunk as Buffer).length;
    sendJson(res, 200, { size });
  },
};

beforeAll(async () => {
  server = createHttpServer(
    {
      ...handlers,
      ...Object.fromEntries(
        (['/echo', '/rejects'] as const).map((path) => [
          path,
          { methods: ['POST'], handler: handlers[path]!, maxBodyBytes: 1000 },
        ]),
      ),
    },
    (failure) => failures.push(failure),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  failures.length = 0;
});

const post = (path: string, body = '{}') => fetch(`${base}${path}`, { method: 'POST', body });

test('a handler that throws is answered 500 with a correlation id, and only the error summary is reported', async () => {
  const response = await fetch(`${base}/throws`);
  expect(response.status).toBe(500);
  const body = (await response.json()) as { error: string; correlationId: string };
  expect(body.error).toBe('internal error');
  expect(response.headers.get('x-correlation-id')).toBe(body.correlationId);
  expect(failures).toEqual([
    {
      correlationId: body.correlationId,
      method: 'GET',
      path: '/throws',
      status: 500,
      error: { type: 'Error', message: 'Unhandled HTTP request', stack: expect.any(String) },
    },
  ]);
  expect(JSON.stringify(failures)).not.toMatch(/headers|socket|rawHeaders/);
});

test('a handler that rejects is answered 500', async () => {
  expect((await post('/rejects')).status).toBe(500);
  expect(failures.map((f) => [f.status, f.error.message])).toEqual([
    [500, 'the database went away'],
  ]);
});

test("a refusal for the client's fault is answered with its own 4xx status and message", async () => {
  const response = await post('/refuses');
  expect(response.status).toBe(422);
  expect(await response.json()).toMatchObject({ error: 'a view_submission needs a view' });
  expect(failures.map((f) => f.status)).toEqual([422]);
});

test("a body reader's 413 stays a 413", async () => {
  expect((await post('/too-large-inside')).status).toBe(413);
});

test('a failure after the answer began cuts the connection instead of ending it as if complete', async () => {
  const read = fetch(`${base}/fails-mid-answer`).then((response) => response.text());
  await expect(read).rejects.toThrow();
  expect(failures.map((f) => f.status)).toEqual([0]);
});

test('a failure after a complete answer leaves the answer and the connection alone', async () => {
  const response = await fetch(`${base}/fails-after-answering`);
  expect([response.status, await response.json()]).toEqual([202, { accepted: true }]);
  expect(failures.map((f) => [f.status, f.error.message])).toEqual([
    [202, 'broke after answering'],
  ]);
  // The kept-alive connection still serves the next request.
  expect((await fetch(`${base}/nope`)).status).toBe(404);
});

test('any other method on a POST route is 405 with an allow header, before the handler runs', async () => {
  for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
    const response = await fetch(`${base}/echo`, { method });
    expect([method, response.status, response.headers.get('allow')]).toEqual([method, 405, 'POST']);
  }
  expect((await fetch(`${base}/rejects`)).status).toBe(405);
  expect(failures).toEqual([]);
});

test('a body declared larger than the route takes is 413 before the handler reads it', async () => {
  expect(await (await post('/echo', 'x'.repeat(1000))).json()).toEqual({ size: 1000 });
  const response = await post('/echo', 'x'.repeat(1001));
  expect(response.status).toBe(413);
});

test('an unknown path is 404', async () => {
  expect((await fetch(`${base}/nope`)).status).toBe(404);
});
