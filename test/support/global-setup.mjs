// Jest loads global setup outside its module mapper, so the TypeScript bootstrap is
// loaded through tsx here. One real server serves the whole integration run.
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { startDatabase } = await tsImport('../../src/infra/database/index.ts', import.meta.url);
  const handle = await startDatabase({
    mongodbUri: process.env.MONGODB_URI,
    ephemeral: true,
    root: process.cwd(),
  });
  globalThis.caselineTestDatabase = handle;
  process.env.MONGODB_URI = handle.uri;
  process.env.CASELINE_TEST_DATABASE_KIND = handle.kind;
}
