import type { Collection, Connection } from 'mongoose';
import { z } from 'zod';
import type { ChatInstallations, InstallationJson } from '../../ports/chat-installations.js';

/**
 * Slack's OAuth installations, one document per key, every lookup by `_id` (FerretDB 1.x
 * only pushes `_id` filters down to its storage).
 */
interface InstallationDoc {
  _id: string;
  installation: Record<string, unknown>;
  storedAt: Date;
}

export const SLACK_INSTALLATIONS_COLLECTION = 'slackInstallations';

const storedDoc = z.object({
  _id: z.string(),
  installation: z.record(z.string(), z.unknown()),
  storedAt: z.date(),
});

/** Installations are JSON from the platform; stored without `undefined`s. */
const plain = (value: object): Record<string, unknown> =>
  JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

/** The first string after every string that starts with `prefix`. */
const pastPrefix = (prefix: string): string =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

export const createMongoChatInstallations = (
  connection: Connection,
  collection = SLACK_INSTALLATIONS_COLLECTION,
): ChatInstallations => {
  const docs = connection.collection<InstallationDoc>(
    collection,
  ) as unknown as Collection<InstallationDoc>;
  return {
    async read(key) {
      const doc = await docs.findOne({ _id: key });
      if (!doc) return undefined;
      const parsed = storedDoc.safeParse(doc);
      if (!parsed.success) throw new Error(`Stored installation ${key} is not an installation`);
      return parsed.data.installation as InstallationJson;
    },
    async write(key, installation) {
      const doc = { installation: plain(installation), storedAt: new Date() };
      await docs.replaceOne({ _id: key }, doc, { upsert: true });
    },
    async remove(key) {
      await docs.deleteOne({ _id: key });
    },
    async removeStartingWith(prefix) {
      // A range on `_id` (a scan on FerretDB 1.x, fine for a rare uninstall on a
      // collection of one document per workspace and user).
      await docs.deleteMany({ _id: { $gte: prefix, $lt: pastPrefix(prefix) } });
    },
    async latestKey() {
      // Few installations exist; a sort over them is cheap even where it scans.
      const [latest] = await docs.find({}).sort({ storedAt: -1 }).limit(1).toArray();
      return latest?._id;
    },
  };
};
