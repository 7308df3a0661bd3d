import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { packageTeamsApp, readManifest } from '../../../scripts/teams-package.js';

const APP_ID = '0b9e8d7c-6a5b-4c3d-9e2f-1a0b9c8d7e6f';
const outFile = () => join(mkdtempSync(join(tmpdir(), 'teams-zip-')), 'caseline.zip');

/** The repository's manifest with a real host in place of the example one. */
const realManifestDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'teams-manifest-'));
  cpSync('manifest/teams', dir, { recursive: true });
  const text = readFileSync(join(dir, 'manifest.json'), 'utf8').replaceAll(
    'caseline.example.com',
    'support.ledgerline.eu',
  );
  writeFileSync(join(dir, 'manifest.json'), text);
  return dir;
};

/** `npm run teams:package` as its script line runs it. */
const runPackage = (args: readonly string[], env: Record<string, string | undefined>) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((done, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', resolve('scripts/teams-package.ts'), ...args],
      { env: { ...process.env, MICROSOFT_APP_ID: '', ...env } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });

describe('npm run teams:package', () => {
  it('writes a zip with the manifest (stamped with the app id) and both icons at its root', async () => {
    const out = outFile();
    const { warnings } = await packageTeamsApp({ out, appId: APP_ID, dir: realManifestDir() });
    expect(warnings).toEqual([]);
    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')) as {
      id: string;
      bots: { botId: string }[];
      webApplicationInfo: { id: string };
    };
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]?.botId).toBe(APP_ID);
    expect(manifest.webApplicationInfo.id).toBe(APP_ID);
    expect(Buffer.from(files['color.png']!)).toEqual(readFileSync('manifest/teams/color.png'));
  });

  it('refuses a malformed app id', async () => {
    await expect(packageTeamsApp({ out: outFile(), appId: 'nope' })).rejects.toThrow(/GUID/);
  });

  it('without MICROSOFT_APP_ID and with example URLs it refuses in one line, exits non-zero and writes nothing', async () => {
    const out = outFile();
    const run = await runPackage([out], {});
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^teams:package: refusing a package with placeholders: no app id/);
    expect(lines[0]).toContain('example URLs in /developer/websiteUrl');
    expect(lines[0]).toContain('--dev');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses the all-zero GUID as an app id', async () => {
    const run = await runPackage([outFile()], {
      MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000000',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no app id');
  });

  it('with --dev writes the development package and warns what it still holds', async () => {
    const out = outFile();
    const run = await runPackage(['--dev', out], {});
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^warning: development package, not for upload to a real tenant: /);
    expect(run.stderr).toContain('no app id');
    expect(run.stdout.trim()).toBe(`wrote ${out}`);
    const manifest = JSON.parse(
      Buffer.from(unzipSync(readFileSync(out))['manifest.json']!).toString('utf8'),
    ) as { id: string };
    expect(manifest.id).toBe(readManifest().id);
  });

  it('with an app id it still refuses the example URLs', async () => {
    const run = await runPackage([outFile()], { MICROSOFT_APP_ID: APP_ID });
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('no app id');
    expect(run.stderr).toContain('example URLs');
  });
});
