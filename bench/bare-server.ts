/**
 * The baseline of bench:slack and bench:teams, in a process of its own: what an ack is and
 * nothing more. It reads the whole body and answers 200 with an empty body, on any path.
 * Alone in its process, it pauses only for its own work, as the app's HTTP server would if
 * nothing else ran beside it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveParent } from './ipc.js';
import { START_BARE } from './protocol.js';

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-length': 0 }).end());
});

serveParent(
  (rpc) =>
    rpc.handle(START_BARE, async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
    }),
  async () => {
    if (!server.listening) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  },
);
