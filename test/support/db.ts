import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';

/**
 * A fresh, uniquely named database on the run's real server, on its own connection,
 * so test files never see each other's data.
 */
export const connectTestDatabase = async (
  name = 'test',
  options: { readonly exact?: boolean } = {},
): Promise<mongoose.Connection> => {
  const uri = process.env.MONGODB_URI;
  if (!uri)
    throw new Error('MONGODB_URI is not set: run integration tests through jest (global setup)');
  // `exact` opens a database another connection already uses (a second app process).
  const dbName = options.exact
    ? name
    : `caseline_${name.replace(/[^a-z0-9]/gi, '_')}_${randomUUID().slice(0, 8)}`;
  const connection = mongoose.createConnection(uri, {
    dbName,
    autoIndex: false,
    ignoreUndefined: true,
    serverSelectionTimeoutMS: 10_000,
  });
  await connection.asPromise();
  return connection;
};

export const closeTestDatabase = async (connection: mongoose.Connection): Promise<void> => {
  await connection.dropDatabase().catch(() => undefined);
  await connection.close();
};
