import { SingleBar, Presets } from 'cli-progress';
import { Option, type Command } from 'commander';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import type { Core } from '../composition.js';
import { readArticleFolder, writeArticleFolder } from '../kb/article-folder.js';
import { reasonText } from '../domain/kb/matches.js';
import type { KbHit } from '../ports/knowledge-base.js';
import { CLI_ACTOR, fail, withCore } from './with-core.js';

const progress = (total: number) => {
  if (!process.stderr.isTTY || total === 0) return undefined;
  const bar = new SingleBar(
    { stream: process.stderr, clearOnComplete: false },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
};

interface SearchOptions {
  product?: string[];
  json?: boolean;
  limit: string;
  asCustomer?: boolean;
}

/** `caseline kb import|export|search`: articles as Markdown files, and search from the shell. */
export const registerKbCommands = (program: Command): void => {
  const kb = program
    .command('kb')
    .description('knowledge base: import, export and search articles');

  kb.command('import')
    .description('import every <slug>.md of a folder (front matter + ## Problem / ## Solution)')
    .argument('<folder>')
    .action(async (folder: string) => {
      const read = await readArticleFolder(resolve(folder));
      if (read.problems.length > 0)
        fail(`Nothing imported; ${read.problems.length} problem(s):\n${read.problems.join('\n')}`);
      const counts = await withCore(async (core) => {
        const tally = { created: 0, updated: 0, unchanged: 0 };
        const bar = progress(read.articles.length);
        for (const article of read.articles) {
          const saved = await core.kb.useCases.saveKbArticle({ actor: CLI_ACTOR, article });
          if (!saved.ok) fail(`${article.slug}: ${saved.message}`);
          else tally[saved.value.change] += 1;
          bar?.increment();
        }
        bar?.stop();
        return tally;
      });
      process.stdout.write(
        `${read.articles.length} article(s): ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged\n`,
      );
    });

  kb.command('export')
    .description('write every article, drafts and internal ones included, as <slug>.md')
    .argument('<folder>')
    .action(async (folder: string) => {
      const written = await withCore(async (core) => {
        const listed = await core.kb.useCases.listKbArticles({ actor: CLI_ACTOR });
        if (!listed.ok) return fail(listed.message);
        const bar = progress(listed.value.length);
        const files = await writeArticleFolder(resolve(folder), listed.value, (done) =>
          bar?.update(done),
        );
        bar?.stop();
        return files;
      });
      process.stdout.write(`${written.length} article(s) written to ${resolve(folder)}\n`);
    });

  kb.command('search')
    .description(
      'rank articles for a question; "-" reads one question per line from stdin (JSON lines out)',
    )
    .argument('<query>', 'the question, or - for standard input')
    .addOption(new Option('--product <product...>', 'only articles for these products'))
    .addOption(new Option('--limit <n>', 'how many articles').default('5'))
    .addOption(new Option('--as-customer', 'search as a customer: published public articles only'))
    .addOption(new Option('--json', 'print JSON'))
    .action(async (query: string, options: SearchOptions) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 50)
        fail(`--limit takes a whole number from 1 to 50, not "${shorten(options.limit)}".`);
      await withCore(async (core) => {
        await core.kb.follower.load();
        const search = (text: string) => searchOnce(core, text, { ...options, limit });
        if (query !== '-') {
          const found = await search(query);
          if (!found.ok) return fail(`"${shorten(query)}": ${found.message}`);
          const hits = found.value;
          process.stdout.write(options.json ? `${JSON.stringify(hits)}\n` : formatHits(hits));
          return;
        }
        process.exitCode = (await searchBatch(search)) > 0 ? 1 : 0;
      });
    });
};

type Searched = { ok: true; value: KbHit[] } | { ok: false; code: string; message: string };

/**
 * One JSON line out for every line in, in order, so answers line up with questions: a line
 * that cannot be searched (empty, too long) gets an error line and the batch goes on.
 * Returns how many lines failed (the command then exits 1, after the whole batch).
 */
const searchBatch = async (search: (text: string) => Promise<Searched>): Promise<number> => {
  let line = 0;
  let failed = 0;
  for await (const text of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    line += 1;
    const found = await search(text);
    const out = found.ok
      ? { line, query: text, articles: found.value }
      : { line, query: shorten(text), error: { code: found.code, message: found.message } };
    if (!found.ok) failed += 1;
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
  if (failed > 0) process.stderr.write(`caseline: ${failed} of ${line} line(s) not searched\n`);
  return failed;
};

/** What an error says of a query: its start, not a 5,000-character echo. */
const QUOTE_MAX = 60;
const shorten = (text: string): string =>
  text.length <= QUOTE_MAX ? text : `${text.slice(0, QUOTE_MAX)}… (${text.length} characters)`;

const searchOnce = async (
  core: Core,
  query: string,
  options: Omit<SearchOptions, 'limit'> & { readonly limit: number },
): Promise<Searched> => {
  const result = await core.kb.useCases.searchKb({
    actor: options.asCustomer
      ? { kind: 'customer', contactId: 'cli', organizationId: 'cli', name: 'CLI customer view' }
      : CLI_ACTOR,
    query,
    limit: options.limit,
    ...(options.product ? { products: options.product } : {}),
  });
  if (!result.ok) return { ok: false, code: result.code, message: result.message };
  return {
    ok: true,
    value: result.value.map((hit) => ({
      ...hit,
      score: Math.round(hit.score * 100) / 100,
      confidence: Math.round(hit.confidence * 1000) / 1000,
    })),
  };
};

/** "; matched: sepa, bank; solved 3 similar questions", as the agent card says it. */
const reasonOf = (hit: KbHit): string => {
  const reason = reasonText(hit.why);
  return reason ? `; ${reason}` : '';
};

const formatHits = (hits: readonly KbHit[]): string =>
  hits.length === 0
    ? 'No article matches.\n'
    : hits
        .map(
          (hit, i) =>
            `${i + 1}. ${hit.slug}  ${hit.title}  (confidence ${Math.round(hit.confidence * 100)}%${reasonOf(hit)})\n`,
        )
        .join('');
