import type { Connection } from 'mongoose';
import { eventually } from './eventually.js';

/**
 * Waits until the app has nothing left to do: every stored delivery has ended (the inbox
 * has nothing pending) and no case owes a notification (no outbox is due). A test that
 * shows something did *not* happen asserts after this, instead of sleeping a while: what
 * would have happened has happened by then.
 */
export const settled = (
  app: { readonly core: { readonly connection: Connection } },
  timeoutMs = 30_000,
): Promise<true> =>
  eventually(
    async () => {
      const { connection } = app.core;
      const [inbox, outbox] = await Promise.all([
        connection.collection('inbox').countDocuments({ state: 'pending' }),
        connection.collection('cases').countDocuments({ outboxDue: { $ne: null } }),
      ]);
      return inbox === 0 && outbox === 0 ? true : undefined;
    },
    timeoutMs,
    { everyMs: 50, what: 'every delivery to end and every notification to go out' },
  );
