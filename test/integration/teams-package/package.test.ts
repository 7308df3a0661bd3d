import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { packageTeamsApp } from '../../../scripts/teams-package.js';

describe('npm run teams:package', () => {
  it('writes a zip with the manifest (stamped with the app id) and both icons at its root', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'teams-zip-')), 'caseline.zip');
    const appId = '0b9e8d7c-6a5b-4c3d-9e2f-1a0b9c8d7e6f';
    await packageTeamsApp({ out, appId });
    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')) as {
      id: string;
      bots: { botId: string }[];
    };
    expect(manifest.id).toBe(appId);
    expect(manifest.bots[0]?.botId).toBe(appId);
    expect(Buffer.from(files['color.png']!)).toEqual(readFileSync('manifest/teams/color.png'));
  });

  it('refuses to package an invalid manifest', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'teams-zip-')), 'caseline.zip');
    await expect(packageTeamsApp({ out, appId: 'nope' })).rejects.toThrow(/GUID/);
  });
});
