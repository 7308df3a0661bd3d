import type { Command } from 'commander';
import { z } from 'zod';
import { PRIORITIES } from '../domain/priority.js';
import { LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX } from '../use-cases/list-cases.js';
import { formatCase, formatCaseList } from './format.js';
import { CLI_ACTOR, fail, withCore } from './with-core.js';

interface ListOptions {
  status?: string;
  queue?: string;
  org?: string;
  assignee?: string;
  limit: string;
  json?: boolean;
}

const limitSchema = z
  .string()
  .regex(/^\d+$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(LIST_LIMIT_MAX));

/** `--limit` as typed; a refusal names the flag and its range rather than a schema's words. */
const parseLimit = (typed: string): number => {
  const parsed = limitSchema.safeParse(typed.trim());
  return parsed.success
    ? parsed.data
    : fail(`--limit takes a whole number from 1 to ${LIST_LIMIT_MAX}, not "${typed}".`);
};

const print = (value: unknown, json: boolean | undefined, text: () => string): void => {
  process.stdout.write(`${json ? JSON.stringify(value, null, 2) : text()}\n`);
};

export const registerCaseCommands = (program: Command): void => {
  program
    .command('cases')
    .description('list cases')
    .command('list')
    .option('--status <status>', 'a status id or name (on-hand), or a category (open)')
    .option('--queue <queue>', 'a queue key')
    .option('--org <organization>', 'an organization key')
    .option('--assignee <email>', "an agent's email")
    .option('--limit <n>', `at most this many (1 to ${LIST_LIMIT_MAX})`, String(LIST_LIMIT_DEFAULT))
    .option('--json', 'print JSON: { cases, total }')
    .action((opts: ListOptions) => {
      // Before the database: a mistyped flag should not wait for a server to start.
      const limit = parseLimit(opts.limit);
      return withCore(async (core) => {
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
          limit,
        });
        if (!result.ok) fail(result.message);
        else print(result.value, opts.json, () => formatCaseList(result.value, LIST_LIMIT_MAX));
      });
    });

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
