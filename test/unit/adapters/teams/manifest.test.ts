import { readFileSync } from 'node:fs';
import { readManifest, validateManifest, withAppId } from '../../../../scripts/teams-package.js';

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (file: string) => {
  const png = readFileSync(`manifest/teams/${file}`);
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
};

describe('Teams manifest', () => {
  const manifest = readManifest();
  const bot = (manifest.bots ?? [])[0] as unknown as {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: { title: string }[] }[];
  };

  it('is valid against Microsoft schema for its manifest version', async () => {
    expect(manifest.manifestVersion).toBe('1.24');
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('the validator reports what is wrong', async () => {
    const broken = { ...manifest, accentColor: 'blue', bots: [{ ...bot, scopes: ['everywhere'] }] };
    const problems = await validateManifest(broken);
    expect(problems.join('\n')).toMatch(/accentColor/);
    expect(problems.join('\n')).toMatch(/scopes/);
  });

  it('offers the bot in personal chats, teams and group chats, with the commands the bot answers', () => {
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const titles = bot.commandLists.flatMap((list) => list.commands.map((c) => c.title));
    expect(titles).toContain('new case');
    expect(bot.botId).toBe(manifest.id);
  });

  it('has a 192×192 colour icon and a 32×32 outline icon', () => {
    const icons = manifest.icons as { color: string; outline: string };
    expect(pngSize(icons.color)).toEqual({ width: 192, height: 192 });
    expect(pngSize(icons.outline)).toEqual({ width: 32, height: 32 });
  });

  it('takes the bot registration id for both the app and the bot, and refuses a malformed one', () => {
    const id = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
    const stamped = withAppId(manifest, id);
    expect(stamped.id).toBe(id);
    expect(stamped.bots?.[0]?.botId).toBe(id);
    expect(() => withAppId(manifest, 'not-a-guid')).toThrow(/GUID/);
  });
});
