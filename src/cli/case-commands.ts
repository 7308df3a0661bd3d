import type { Command } from 'commander';
import { PRIORITIES } from '../domain/priority.js';
import { formatCase, formatCaseList } from './format.js';
import { CLI_ACTOR, fail, withCore } from './with-core.js';

interface ListOptions {
  status?: string;
  queue?: string;
  org?: string;
  assignee?: string;
  json?: boolean;
}

const print = (value: unknown, json: boolean | undefined, text: () => string): void => {
  process.stdout.write(`${json ? JSON.stringify(value, null, 2) : text()}\n`);
};

export const registerCaseCommands = (program: Command): void => {
  program
    .command('cases')
    .description('list cases')
    .command('list')
    .option('--status <status>', 'a status id, e.g. on-hand')
    .option('--queue <queue>', 'a queue key')
    .option('--org <organization>', 'an organization key')
    .option('--assignee <email>', "an agent's email")
    .option('--json', 'print JSON')
    .action((opts: ListOptions) =>
      withCore(async (core) => {
        const agent = opts.assignee
          ? await core.directory.findAgentByEmail(opts.assignee)
          : undefined;
        if (opts.assignee && !agent) fail(`No agent ${opts.assignee}.`);
        const result = await core.useCases.listCases({
          actor: CLI_ACTOR,
          ...(opts.status ? { status: opts.status } : {}),
          ...(opts.queue ? { queueKey: opts.queue } : {}),
          ...(opts.org ? { organizationKey: opts.org } : {}),
          ...(agent ? { assigneeId: agent.id } : {}),
        });
        if (!result.ok) fail(result.message);
        else print(result.value, opts.json, () => formatCaseList(result.value));
      }),
    );

  const caseCommand = program.command('case').description('show or open one case');
  caseCommand
    .command('show')
    .argument('<number>', 'e.g. CASE-1042')
    .option('--json', 'print JSON')
    .action((number: string, opts: { json?: boolean }) =>
      withCore(async (core) => {
        const result = await core.useCases.getCase({
          ref: { caseNumber: number },
          actor: CLI_ACTOR,
        });
        if (!result.ok) return fail(result.message);
        const installationId = result.value.case.installationId;
        const access = installationId
          ? await core.useCases.getAccessNotes({ actor: CLI_ACTOR, installationId })
          : undefined;
        const notes = access?.ok ? access.value.notes : undefined;
        print(result.value.case, opts.json, () =>
          [
            formatCase(result.value),
            ...(notes ? ['', `Access notes (agents only): ${notes}`] : []),
          ].join('\n'),
        );
      }),
    );
  caseCommand
    .command('open')
    .description('open a case on behalf of a contact who phoned or emailed')
    .requiredOption('--contact <email>', "the requester's email")
    .requiredOption('--title <title>')
    .option('--description <text>', '', '')
    .option('--priority <priority>', PRIORITIES.join(' | '))
    .option('--support-key <key>')
    .option('--product <key>')
    .option('--product-version <version>')
    .option('--module <module>')
    .option('--channel <channel>', 'phone | email | cli', 'cli')
    .action((opts: Record<string, string | undefined>) =>
      withCore(async (core) => {
        const contact = await core.directory.findContactByEmail(opts.contact ?? '');
        if (!contact) return fail(`No contact ${opts.contact}; import contacts first.`);
        const result = await core.useCases.openCase({
          actor: CLI_ACTOR,
          contactId: contact.id,
          title: opts.title,
          description: opts.description,
          priority: opts.priority,
          supportKey: opts.supportKey,
          productKey: opts.product,
          productVersion: opts.productVersion,
          module: opts.module,
          origin: { channel: opts.channel },
        });
        if (!result.ok) fail(result.message);
        else
          process.stdout.write(
            `Opened ${result.value.case.number} in queue ${result.value.case.queueKey}\n`,
          );
      }),
    );
};
