/**
 * The database server of bench:slack and bench:teams, started from a process of its own:
 * `startDatabase` spawns an embedded throwaway server (or takes MONGODB_URI) and stops it
 * when this process stops, so the server goes down with the benchmark even when the
 * benchmark itself is killed (this process then sees its IPC channel close).
 */
import { startDatabase, type DatabaseHandle } from '../src/infra/database/index.js';
import { serveParent } from './ipc.js';
import { START_DATABASE } from './protocol.js';

let database: DatabaseHandle | undefined;
serveParent(
  (rpc) =>
    rpc.handle(START_DATABASE, async ({ mongodbUri }) => {
      database = await startDatabase({
        mongodbUri,
        ephemeral: true,
        log: (message) => console.log(message),
      });
      return { uri: database.uri, kind: database.kind };
    }),
  async () => database?.stop(),
);
