import type { MongoClient } from 'mongodb';
import mongoose, { type Connection } from 'mongoose';

// Our own database name unless the URI names one (mongodb://host/dbname).
const dbNameOf = (uri: string): string | undefined =>
  /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri)?.[1] ? undefined : 'caseline';

export const connectMongo = async (uri: string, dbName = dbNameOf(uri)): Promise<Connection> => {
  const connection = mongoose.createConnection(uri, {
    ...(dbName ? { dbName } : {}),
    autoIndex: false,
    // An optional field left undefined is not stored at all (the driver's default is null).
    ignoreUndefined: true,
    serverSelectionTimeoutMS: 15_000,
  });
  await connection.asPromise();
  return connection;
};

// Server types that take writes; anything else (Unknown, a secondary) cannot store a delivery.
const WRITABLE = new Set(['Standalone', 'RSPrimary', 'Mongos', 'LoadBalancer']);

interface Reachability {
  writable: boolean;
  ping?: Promise<boolean> | undefined;
}
const watched = new WeakMap<MongoClient, Reachability>();

/** Follows the driver's own view of the servers, which it keeps with its heartbeats. */
const reachabilityOf = (client: MongoClient): Reachability => {
  const known = watched.get(client);
  if (known) return known;
  const state: Reachability = { writable: true };
  client.on('topologyDescriptionChanged', (event) => {
    const servers = [...event.newDescription.servers.values()];
    state.writable = servers.some((server) => WRITABLE.has(server.type));
  });
  watched.set(client, state);
  return state;
};

/**
 * True when the database can take writes and answers a ping within `timeoutMs`; a
 * readiness probe must answer while the database is away. Once the driver has marked the
 * server unreachable, a ping would wait out server selection (15 s, whatever `timeoutMS`
 * says: measured under load), so the answer is then false at once. One ping stays in
 * flight meanwhile: a waiting selection makes the driver re-check the server every 500 ms
 * instead of every 10 s, which is how readiness sees the database come back. A timer of
 * our own bounds the answer when the server looks fine but does not reply.
 */
export const pingMongo = async (connection: Connection, timeoutMs = 900): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined;
  try {
    const client = connection.getClient();
    const state = reachabilityOf(client);
    state.ping ??= client
      .db('admin')
      .command({ ping: 1 }, { timeoutMS: timeoutMs })
      .then(
        () => true,
        () => false,
      )
      .finally(() => (state.ping = undefined));
    if (!state.writable) return false;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(resolve, timeoutMs, false);
    });
    // Mongoose queues model operations while it is not connected: then we are not ready.
    const answered = state.ping.then((ok) => ok && connection.readyState === 1);
    return await Promise.race([answered, late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
};

/** A write refused by a unique index (E11000): the key was taken first. */
export const isDuplicateKey = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
