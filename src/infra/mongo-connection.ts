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

export const pingMongo = async (connection: Connection): Promise<boolean> => {
  try {
    await connection.db?.admin().command({ ping: 1 });
    return connection.readyState === 1;
  } catch {
    return false;
  }
};

/** A write refused by a unique index (E11000): the key was taken first. */
export const isDuplicateKey = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
