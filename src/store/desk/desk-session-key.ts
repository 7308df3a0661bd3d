import { randomBytes } from 'node:crypto';
import type { Collection, Connection } from 'mongoose';
import { z } from 'zod';

interface KeyDoc {
  _id: string;
  key: string;
  createdAt: Date;
}

const storedKey = z.object({ key: z.string().min(43) });

const ID = 'desk-session';

/**
 * The key desk session cookies are signed with, made once per database and shared by
 * every replica (a cookie signed by one is good on all). Deleting the `deskKeys` document
 * signs everyone out at the next start.
 */
export const deskSessionKey = async (connection: Connection): Promise<Buffer> => {
  const keys = connection.collection<KeyDoc>('deskKeys') as unknown as Collection<KeyDoc>;
  // Two replicas starting at once both upsert; only one insert wins, both read its key.
  await keys
    .updateOne(
      { _id: ID },
      { $setOnInsert: { key: randomBytes(32).toString('base64url'), createdAt: new Date() } },
      { upsert: true },
    )
    .catch((error: unknown) => {
      // The other replica's upsert won the race: its key is the one read below.
      if ((error as { code?: unknown }).code !== 11000) throw error;
    });
  const doc = storedKey.parse(await keys.findOne({ _id: ID }));
  return Buffer.from(doc.key, 'base64url');
};
