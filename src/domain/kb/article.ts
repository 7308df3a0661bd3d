import { z } from 'zod';

/**
 * A knowledge-base article: a problem customers meet and its solution. The slug is the
 * article's identity everywhere (file name on import/export, `_id` in the store, id in
 * the index), so re-importing a folder updates instead of duplicating.
 */
export const articleSlugSchema = z
  .string()
  .min(2)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single dashes');

export const articleVisibilitySchema = z.enum(['public', 'internal']);
export const articleStatusSchema = z.enum(['draft', 'published']);

export const articleProductSchema = z.object({
  product: z.string().trim().min(1).max(80),
  versions: z.array(z.string().trim().min(1).max(40)).max(50).default([]),
});

/** What an author writes: validated on every way in (CLI import, Slack form, use cases). */
export const articleDraftSchema = z.object({
  slug: articleSlugSchema,
  title: z.string().trim().min(3).max(200),
  problem: z.string().trim().min(1).max(20_000),
  solution: z.string().trim().min(1).max(20_000),
  keywords: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  products: z.array(articleProductSchema).max(50).default([]),
  docLinks: z
    .array(z.url({ protocol: /^https?$/ }))
    .max(20)
    .default([]),
  sourceCase: z
    .string()
    .regex(/^[A-Z][A-Z0-9]*-\d+$/, 'a case number such as CASE-1042')
    .optional(),
  visibility: articleVisibilitySchema.default('internal'),
  status: articleStatusSchema.default('draft'),
});

export type ArticleDraft = z.infer<typeof articleDraftSchema>;
export type ArticleVisibility = z.infer<typeof articleVisibilitySchema>;
export type ArticleStatus = z.infer<typeof articleStatusSchema>;

/** An article as stored: the draft plus feedback counts and the time of its last change. */
export const articleSchema = articleDraftSchema.extend({
  helpful: z.number().int().min(0).default(0),
  notHelpful: z.number().int().min(0).default(0),
  updatedAt: z.date(),
});
export type Article = z.infer<typeof articleSchema>;

/** Who is searching decides which articles exist for them. */
export type KbAudience = 'customer' | 'staff';

/** Customers see published public articles only; staff see everything but drafts in search. */
export const visibleTo = (
  article: Pick<Article, 'visibility' | 'status'>,
  audience: KbAudience,
): boolean =>
  article.status === 'published' && (audience === 'staff' || article.visibility === 'public');

/** Fields whose change matters to the index (feedback counts do not). */
export const sameContent = (a: ArticleDraft, b: ArticleDraft): boolean =>
  JSON.stringify(contentOf(a)) === JSON.stringify(contentOf(b));

const contentOf = (article: ArticleDraft) => [
  article.slug,
  article.title,
  article.problem,
  article.solution,
  article.keywords,
  article.products,
  article.docLinks,
  article.sourceCase ?? null,
  article.visibility,
  article.status,
];
