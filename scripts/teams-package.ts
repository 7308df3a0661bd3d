/**
 * `npm run teams:package [-- --dev] [out.zip]`: validates manifest/teams/manifest.json
 * against Microsoft's schema (shipped offline in @microsoft/app-manifest), puts the bot's
 * app id (MICROSOFT_APP_ID) in it, and writes dist/teams/caseline-teams.zip for upload to
 * Teams. A package still holding placeholders (no app id, the all-zero GUID, example
 * URLs) is refused: Teams would install an app that can never reach the bot. `--dev`
 * writes it anyway, with a warning, for local trials.
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

type Manifest = {
  manifestVersion: string;
  id: string;
  bots?: { botId: string }[];
  webApplicationInfo?: { id: string; resource?: string };
} & Record<string, unknown>;

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
  return {
    ...manifest,
    id,
    bots: (manifest.bots ?? []).map((bot) => ({ ...bot, botId: id })),
    // Resource-specific consent is granted to this registration: the same id again.
    ...(manifest.webApplicationInfo
      ? { webApplicationInfo: { ...manifest.webApplicationInfo, id } }
      : {}),
  };
};

const ZERO_GUID = '00000000-0000-0000-0000-000000000000';
// Names reserved for examples and tests (RFC 2606, RFC 6761): no real app lives there.
const RESERVED_HOST = /(^|\.)(example(\.(com|net|org))?|test|invalid|localhost)$/i;

/** Every URL-valued string of the manifest, with where it is. */
const urlsOf = (value: unknown, path = ''): [string, string][] => {
  if (typeof value === 'string') return /^https?:\/\//i.test(value) ? [[path, value]] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => urlsOf(v, `${path}/${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) =>
      k === '$schema' ? [] : urlsOf(v, `${path}/${k}`),
    );
  return [];
};

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
};

/** What still stands in for the real app: one readable phrase each; empty when none. */
export const placeholderProblems = (manifest: Manifest): string[] => {
  const problems: string[] = [];
  if (manifest.id === ZERO_GUID || (manifest.bots ?? []).some((b) => b.botId === ZERO_GUID))
    problems.push('no app id (set MICROSOFT_APP_ID to the bot registration id)');
  const examples = urlsOf(manifest).filter(([, url]) => RESERVED_HOST.test(hostOf(url)));
  if (examples.length > 0)
    problems.push(
      `example URLs in ${examples.map(([path]) => path).join(', ')} (edit ${MANIFEST_DIR}/manifest.json)`,
    );
  const domains = Array.isArray(manifest.validDomains) ? manifest.validDomains : [];
  const reserved = domains.filter(
    (d): d is string => typeof d === 'string' && RESERVED_HOST.test(d),
  );
  if (reserved.length > 0) problems.push(`example validDomains ${reserved.join(', ')}`);
  return problems;
};

export const packageTeamsApp = async (options: {
  readonly dir?: string;
  readonly out: string;
  readonly appId?: string | undefined;
  /** Write a package that still holds placeholders; they are returned as warnings. */
  readonly dev?: boolean;
}): Promise<{ readonly file: string; readonly warnings: readonly string[] }> => {
  const dir = options.dir ?? MANIFEST_DIR;
  const manifest = withAppId(readManifest(dir), options.appId);
  const problems = await validateManifest(manifest);
  if (problems.length > 0)
    throw new Error(`manifest.json is not valid:\n  ${problems.join('\n  ')}`);
  const placeholders = placeholderProblems(manifest);
  if (placeholders.length > 0 && !options.dev)
    throw new Error(
      `teams:package: refusing a package with placeholders: ${placeholders.join('; ')}. For a development package, pass --dev.`,
    );
  const icons = manifest.icons as { color: string; outline: string };
  const zip = zipSync({
    'manifest.json': Buffer.from(JSON.stringify(manifest, null, 2)),
    [icons.color]: readFileSync(join(dir, icons.color)),
    [icons.outline]: readFileSync(join(dir, icons.outline)),
  });
  mkdirSync(dirname(resolve(options.out)), { recursive: true });
  writeFileSync(options.out, zip);
  return { file: options.out, warnings: placeholders };
};

if (process.argv[1]?.endsWith('teams-package.ts')) {
  const args = process.argv.slice(2);
  const dev = args.includes('--dev');
  const out = args.find((a) => !a.startsWith('--')) ?? 'dist/teams/caseline-teams.zip';
  packageTeamsApp({ out, appId: process.env.MICROSOFT_APP_ID || undefined, dev })
    .then(({ file, warnings }) => {
      if (warnings.length > 0)
        console.warn(
          `warning: development package, not for upload to a real tenant: ${warnings.join('; ')}`,
        );
      console.log(`wrote ${file}`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
