import { filesOf } from '../../../../adapters/teams/files.js';
import { WORKFLOW_PRESETS } from '../../../../src/domain/workflow/index.js';
import {
  parseSupportCommand,
  SUPPORT_COMMANDS,
  type SupportCommand,
} from '../../../../src/presentation/support-commands.js';
import { readManifest } from '../../../../scripts/teams-package.js';

// The manifest's command list is what Teams offers in its command menu; the grammar in
// src/presentation is what the bot answers. They must name the same commands, say the same
// thing about them, and each title, picked from the menu (and completed where it takes an
// argument), must be the command it claims to be.

type Manifest = Omit<ReturnType<typeof readManifest>, 'bots'> & {
  bots: {
    scopes: string[];
    supportsFiles: boolean;
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
  id: string;
  webApplicationInfo?: { id: string };
  authorization?: { permissions?: { resourceSpecific?: { name: string; type: string }[] } };
};

const workflow = WORKFLOW_PRESETS.simple;

/** What a person types after picking each title from the menu. */
const TYPED: Readonly<Record<string, { text: string; is: SupportCommand }>> = {
  help: { text: 'help', is: { kind: 'help' } },
  'new case': { text: 'new case', is: { kind: 'new' } },
  'new case for': {
    text: 'new case for ana@harborfoods.example',
    is: { kind: 'new', forEmail: 'ana@harborfoods.example' },
  },
  list: {
    text: 'list',
    is: { kind: 'list', request: { mine: false, all: false, unknown: [] } },
  },
  'my cases': {
    text: 'my cases',
    is: { kind: 'list', request: { mine: true, all: false, unknown: [] } },
  },
  show: { text: 'show CASE-1042', is: { kind: 'show', caseNumber: 'CASE-1042' } },
  kb: { text: 'kb printer offline', is: { kind: 'kb', question: 'printer offline' } },
  away: { text: 'away until monday', is: { kind: 'away', until: 'monday' } },
  back: { text: 'back', is: { kind: 'back' } },
  rota: { text: 'rota', is: { kind: 'rota' } },
};

const commandProblems = (manifest: Manifest): string[] => {
  const listed = manifest.bots.flatMap((bot) => bot.commandLists.flatMap((l) => l.commands));
  const offered = SUPPORT_COMMANDS.flatMap((c) =>
    c.message && c.message.inMenu !== false
      ? [{ title: c.message.title, description: c.description, kind: c.kind }]
      : [],
  );
  const problems: string[] = [];
  for (const command of listed) {
    const known = offered.find((o) => o.title === command.title);
    if (!known) problems.push(`${command.title}: the bot does not answer it`);
    else if (known.description !== command.description)
      problems.push(`${command.title}: its description differs from the bot's help`);
    const typed = TYPED[command.title];
    if (!typed) problems.push(`${command.title}: add what is typed for it to TYPED`);
    else {
      const parsed = parseSupportCommand(typed.text, 'message', workflow);
      if (JSON.stringify(parsed) !== JSON.stringify(typed.is))
        problems.push(`${command.title}: "${typed.text}" is ${JSON.stringify(parsed)}`);
      if (known && parsed?.kind !== known.kind)
        problems.push(`${command.title}: typed, it is not a ${known.kind} command`);
    }
  }
  for (const o of offered)
    if (!listed.some((c) => c.title === o.title)) problems.push(`${o.title}: not in the manifest`);
  return problems;
};

const manifest = readManifest() as unknown as Manifest;
const bot = manifest.bots[0]!;

describe('Teams manifest and the commands the bot answers', () => {
  it('lists exactly the commands the bot answers, described as its help describes them', () => {
    expect(commandProblems(manifest)).toEqual([]);
    expect(bot.commandLists.map((l) => [...l.scopes].sort())).toEqual([[...bot.scopes].sort()]);
  });

  it('reports each kind of disagreement', () => {
    const broken = structuredClone(manifest);
    const commands = broken.bots[0]!.commandLists[0]!.commands;
    commands.splice(
      commands.findIndex((c) => c.title === 'my cases'),
      1,
    );
    commands.push({ title: 'status', description: 'What is the status' });
    commands[0]!.description = 'Something else';
    expect(commandProblems(broken)).toEqual([
      "help: its description differs from the bot's help",
      'status: the bot does not answer it',
      'status: add what is typed for it to TYPED',
      'my cases: not in the manifest',
    ]);
  });

  it('asks for resource-specific consent to hear channel and group chat messages without an @mention', () => {
    expect(manifest.authorization?.permissions?.resourceSpecific).toEqual([
      { name: 'ChannelMessage.Read.Group', type: 'Application' },
      { name: 'ChatMessage.Read.Chat', type: 'Application' },
    ]);
    // RSC is granted to the app registration named here: the bot's own id.
    expect(manifest.webApplicationInfo?.id).toBe(manifest.id);
  });

  it('takes files in personal chats exactly when the bot keeps them', () => {
    const upload = {
      contentType: 'application/vnd.microsoft.teams.file.download.info',
      contentUrl: 'https://harborfoods-my.sharepoint.com/personal/grace/Documents/log.txt',
      name: 'log.txt',
    };
    expect(bot.supportsFiles).toBe(filesOf([upload]).length === 1);
  });
});
