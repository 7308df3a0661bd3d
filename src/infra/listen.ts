import type { Server } from 'node:http';
import { EXIT_CODES, StartupError } from './startup-error.js';

const REASONS: Readonly<Record<string, string>> = {
  EADDRINUSE: 'the port is in use by another process. Stop it, or set PORT to a free port',
  EACCES: 'not permitted (ports below 1024 need privileges). Set PORT to 1024 or above',
  EADDRNOTAVAIL: 'this machine has no such address. Set HOST to one of its own, or 0.0.0.0',
};

/**
 * Listens on `host:port`. The server's 'error' event is otherwise unhandled and ends the
 * process with a stack trace; here a refusal becomes one line the person can act on.
 */
export const listen = (server: Server, port: number, host: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const reason = error.code ? REASONS[error.code] : undefined;
      reject(
        reason
          ? new StartupError(EXIT_CODES.cannotListen, `cannot listen on ${host}:${port}: ${reason}`)
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
