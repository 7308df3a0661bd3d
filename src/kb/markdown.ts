import { parseDocument, stringify } from 'yaml';
import { z } from 'zod';
import { articleDraftSchema, type ArticleDraft } from '../domain/kb/article.js';

/**
 * An article as a Markdown file: YAML front matter (title, keywords, products, docLinks,
 * sourceCase, visibility, status) and two sections, `## Problem` and `## Solution`. The
 * file name without `.md` is the slug. Export writes the same shape, so a folder
 * round-trips.
 */

export type ParsedArticleFile =
  | { readonly ok: true; readonly article: ArticleDraft }
  | { readonly ok: false; readonly problems: readonly string[] };

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;
const SECTION = /^##[ \t]+(.+?)[ \t]*$/gm;

const frontMatterSchema = articleDraftSchema.omit({ slug: true, problem: true, solution: true });

export const parseArticleFile = (slug: string, text: string): ParsedArticleFile => {
  const match = FRONT_MATTER.exec(text.replace(/^\uFEFF/, ''));
  if (!match) return { ok: false, problems: ['missing front matter (--- ... --- at the top)'] };
  const yaml = parseDocument(match[1] ?? '');
  if (yaml.errors.length > 0)
    return { ok: false, problems: yaml.errors.map((error) => `front matter: ${error.message}`) };
  const front: unknown = yaml.toJS();
  const sections = splitSections(match[2] ?? '');
  const candidate = {
    ...(typeof front === 'object' && front !== null ? front : {}),
    slug,
    problem: sections.get('problem') ?? '',
    solution: sections.get('solution') ?? '',
  };
  const unknownKeys = frontMatterSchema.strict().safeParse(front ?? {});
  const parsed = articleDraftSchema.safeParse(candidate);
  const problems = [
    ...(parsed.success ? [] : describe(parsed.error)),
    ...(unknownKeys.success
      ? []
      : unknownKeys.error.issues
          .filter((issue) => issue.code === 'unrecognized_keys')
          .map((issue) => `front matter: ${issue.message}`)),
  ];
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, article: parsed.data };
};

export const formatArticleFile = (article: ArticleDraft): string => {
  const front = {
    title: article.title,
    keywords: article.keywords,
    products: article.products,
    docLinks: article.docLinks,
    ...(article.sourceCase ? { sourceCase: article.sourceCase } : {}),
    visibility: article.visibility,
    status: article.status,
  };
  return `---\n${stringify(front).trimEnd()}\n---\n\n## Problem\n\n${article.problem}\n\n## Solution\n\n${article.solution}\n`;
};

const splitSections = (body: string): Map<string, string> => {
  const sections = new Map<string, string>();
  const heads = [...body.matchAll(SECTION)];
  heads.forEach((head, i) => {
    const start = (head.index ?? 0) + head[0].length;
    const end = heads[i + 1]?.index ?? body.length;
    sections.set((head[1] ?? '').trim().toLowerCase(), body.slice(start, end).trim());
  });
  return sections;
};

const describe = (error: z.ZodError): string[] =>
  error.issues.map((issue) => `${issue.path.join('.') || 'article'}: ${issue.message}`);
