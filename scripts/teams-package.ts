/**
 * `npm run teams:package`: validates manifest/teams/manifest.json against Microsoft's
 * schema (shipped offline in @microsoft/app-manifest), puts the bot's app id in it when
 * MICROSOFT_APP_ID is set, and writes dist/teams/caseline-teams.zip for upload to Teams.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { zipSync } from 'fflate';
import { z } from 'zod';

export const MANIFEST_DIR = 'manifest/teams';

const guid = z.guid('MICROSOFT_APP_ID must be the bot app registration GUID');

/** The JSON schema named by the manifest's `manifestVersion`, read from the package. */
export const schemaFor = (manifestVersion: string): object => {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = join(
    root,
    'build',
    'json-schemas',
    'teams',
    `v${manifestVersion}`,
    'MicrosoftTeams.schema.json',
  );
  return JSON.parse(readFileSync(file, 'utf8')) as object;
};

type Manifest = { manifestVersion: string; id: string; bots?: { botId: string }[] } & Record<
  string,
  unknown
>;

export const readManifest = (dir = MANIFEST_DIR): Manifest =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

/**
 * Schema problems as readable lines; empty when the manifest is valid. Microsoft's schemas
 * are draft-04, checked with the same validator and formats the package's own util uses.
 */
export const validateManifest = async (manifest: Manifest): Promise<string[]> => {
  // CommonJS modules: their class and plugin are the `default` export under NodeNext.
  const ajv = new ajvDraft04.default({ allErrors: true, strictTypes: false });
  ajvFormats.default(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schemaFor(manifest.manifestVersion));
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
  );
};

/** The manifest for one bot registration: its app id is the app's id and the bot's id. */
export const withAppId = (manifest: Manifest, appId: string | undefined): Manifest => {
  if (!appId) return manifest;
  const id = guid.parse(appId);
  return { ...manifest, id, bots: (manifest.bots ?? []).map((bot) => ({ ...bot, botId: id })) };
};

export const packageTeamsApp = async (options: {
  readonly dir?: string;
  readonly out: string;
  readonly appId?: string | undefined;
}): Promise<string> => {
  const dir = options.dir ?? MANIFEST_DIR;
  const manifest = withAppId(readManifest(dir), options.appId);
  const problems = await validateManifest(manifest);
  if (problems.length > 0)
    throw new Error(`manifest.json is not valid:\n  ${problems.join('\n  ')}`);
  const icons = manifest.icons as { color: string; outline: string };
  const zip = zipSync({
    'manifest.json': Buffer.from(JSON.stringify(manifest, null, 2)),
    [icons.color]: readFileSync(join(dir, icons.color)),
    [icons.outline]: readFileSync(join(dir, icons.outline)),
  });
  mkdirSync(dirname(resolve(options.out)), { recursive: true });
  writeFileSync(options.out, zip);
  return options.out;
};

if (process.argv[1]?.endsWith('teams-package.ts')) {
  const out = process.argv[2] ?? 'dist/teams/caseline-teams.zip';
  packageTeamsApp({ out, appId: process.env.MICROSOFT_APP_ID })
    .then((file) => console.log(`wrote ${file}`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
