import type { ArticleDraft } from '../../src/domain/kb/article.js';

/** A published public article draft; tests name what matters to them. */
export const articleDraft = (
  overrides: Partial<ArticleDraft> & Pick<ArticleDraft, 'slug' | 'title'>,
): ArticleDraft => ({
  problem: 'Something fails.',
  solution: 'Do the fix.',
  keywords: [],
  products: [],
  docLinks: [],
  visibility: 'public',
  status: 'published',
  ...overrides,
});
