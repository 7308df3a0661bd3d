import { MongoClient } from 'mongodb';
import { EXIT_CODES, StartupError } from '../startup-error.js';
import { mongoAddress } from './address.js';

/**
 * How long the first contact with MONGODB_URI may take before start-up gives up. Later
 * operations keep the connection's own, longer server selection (an outage is waited
 * out); at start a person is waiting, and a wrong address should be told within 10 s.
 */
export const FIRST_CONNECT_TIMEOUT_MS = 6_000;

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Throws a StartupError naming host and port (never the password) unless the database
 * at `uri` answers a ping within `timeoutMs`.
 */
export const reachDatabase = async (
  uri: string,
  source: string,
  timeoutMs = FIRST_CONNECT_TIMEOUT_MS,
): Promise<void> => {
  const address = mongoAddress(uri);
  let client: MongoClient;
  try {
    client = new MongoClient(uri, {
      serverSelectionTimeoutMS: timeoutMs,
      connectTimeoutMS: timeoutMs,
    });
  } catch (error) {
    // The driver's parser is stricter than the config's prefix check.
    throw new StartupError(
      EXIT_CODES.invalidConfig,
      `${source} is not a valid connection string: ${oneLine(String((error as Error).message))}`,
    );
  }
  try {
    await client.db('admin').command({ ping: 1 });
  } catch (error) {
    const reason = oneLine(error instanceof Error ? error.message : String(error)).replaceAll(
      uri,
      address.display,
    );
    const refused = (error as { code?: unknown }).code === 18;
    throw new StartupError(
      EXIT_CODES.databaseUnavailable,
      refused
        ? `the database at ${address.hosts} (${source}) refused the credentials: ${reason}`
        : `cannot reach the database at ${address.hosts} (${source}): ${reason}. Is it running, and is ${source} right?`,
    );
  } finally {
    await client.close().catch(() => undefined);
  }
};
