import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ArticleDraft } from '../domain/kb/article.js';
import { formatArticleFile, parseArticleFile } from './markdown.js';

export interface FolderRead {
  readonly articles: readonly ArticleDraft[];
  /** One line per problem, `file: field: reason`; an import with any problem imports nothing. */
  readonly problems: readonly string[];
}

/** Every `*.md` file of a folder as an article (the file name is the slug), validated. */
export const readArticleFolder = async (folder: string): Promise<FolderRead> => {
  const files = (await readdir(folder)).filter((name) => name.endsWith('.md')).sort();
  const articles: ArticleDraft[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const parsed = parseArticleFile(
      basename(file, '.md'),
      await readFile(join(folder, file), 'utf8'),
    );
    if (parsed.ok) articles.push(parsed.article);
    else problems.push(...parsed.problems.map((problem) => `${file}: ${problem}`));
  }
  if (files.length === 0) problems.push(`${folder}: no .md files`);
  return { articles, problems };
};

/** Writes one `<slug>.md` per article; returns the files written. */
export const writeArticleFolder = async (
  folder: string,
  articles: readonly ArticleDraft[],
  onWritten?: (done: number) => void,
): Promise<string[]> => {
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (const article of articles) {
    const file = join(folder, `${article.slug}.md`);
    await writeFile(file, formatArticleFile(article), 'utf8');
    written.push(file);
    onWritten?.(written.length);
  }
  return written;
};
