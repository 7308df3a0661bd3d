import type { Notifier } from '../ports/notifier.js';
import type { Handler, Route } from './server.js';

/**
 * One chat platform as the server process sees it: the routes it mounts on the one HTTP
 * server, the notifier the outbox delivers through, and its own start and stop (a socket
 * connection, a pruning timer). main.ts adds every channel the same way.
 */
export interface ChatChannel {
  readonly name: string;
  readonly routes: Readonly<Record<string, Route | Handler>>;
  readonly notifier: Notifier;
  /** Called once the server listens, with the port it took. */
  start(listening: { readonly port: number }): Promise<void>;
  stop(): Promise<void>;
  /**
   * Its notifier posts to a route on this same server (the playground's connector): the
   * server must stay up until the outbox has drained.
   */
  readonly postsToThisServer?: boolean;
}
