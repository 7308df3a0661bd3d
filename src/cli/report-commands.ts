import { Option, type Command } from 'commander';
import type { RecurringGroup } from '../use-cases/report-recurring-problems.js';
import { CLI_ACTOR, fail, withCore } from './with-core.js';

/** `caseline report recurring`: cases that look alike, grouped, largest first. */
export const registerReportCommands = (program: Command): void => {
  const report = program.command('report').description('reports for leads');
  report
    .command('recurring')
    .description('groups of cases that look alike (opened in the last N days, or still open)')
    .addOption(new Option('--days <n>', 'how far back').default('7'))
    .addOption(new Option('--json', 'print JSON'))
    .action(async (options: { days: string; json?: boolean }) => {
      const groups = await withCore(async (core) => {
        await core.kb.follower.load();
        const result = await core.kb.useCases.reportRecurringProblems({
          actor: CLI_ACTOR,
          days: Number(options.days),
        });
        return result.ok ? result.value : fail(result.message);
      });
      process.stdout.write(options.json ? `${JSON.stringify(groups)}\n` : formatGroups(groups));
    });
};

const formatGroups = (groups: readonly RecurringGroup[]): string =>
  groups.length === 0
    ? 'No recurring problems.\n'
    : groups
        .map(
          (group) =>
            `${group.cases.length} cases${group.articleSlug ? ` · KB: ${group.articleSlug}` : ' · no KB article yet'}\n` +
            group.cases
              .map(
                (c) =>
                  `  ${c.number}  ${c.title}  (${c.status}, ${c.createdAt.toISOString().slice(0, 10)})\n`,
              )
              .join(''),
        )
        .join('\n');
