import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  helpFor,
  slashUsageHint,
  SUPPORT_COMMANDS,
} from '../../../src/presentation/support-commands.js';

// Help, Slack's typing hint and the commands each chat takes come from SUPPORT_COMMANDS:
// a command offered in one chat is offered in the other, and the hint names them all.

const slackManifest = parse(
  readFileSync(new URL('../../../manifest/slack/manifest.yaml', import.meta.url), 'utf8'),
) as { features: { slash_commands: { command: string; usage_hint: string }[] } };

describe('help from one source', () => {
  it('offers every command that can be typed after /support as a message in Teams too', () => {
    const kinds = (form: 'slash' | 'message') =>
      new Set(SUPPORT_COMMANDS.filter((c) => c[form]).map((c) => c.kind));
    expect([...kinds('slash')].filter((kind) => !kinds('message').has(kind))).toEqual([]);
  });

  it('names in Slack’s typing hint every command the help lists after /support', () => {
    const hint = slackManifest.features.slash_commands.find((c) => c.command === '/support');
    expect(hint?.usage_hint).toBe(slashUsageHint());
    for (const line of helpFor('slash', 'staff')) expect(slashUsageHint()).toContain(line.usage);
  });

  it('gives customers the same help in both chats, each as it is typed there', () => {
    expect(helpFor('message', 'customer').map((l) => l.usage)).toEqual([
      'help',
      'new case',
      'list [mine | all | STATUS]',
      'my cases',
      'show CASE-1042',
      'kb QUESTION',
    ]);
    const descriptions = (form: 'slash' | 'message') =>
      new Set(helpFor(form, 'customer').map((l) => l.description));
    for (const said of descriptions('slash')) expect(descriptions('message')).toContain(said);
  });
});
