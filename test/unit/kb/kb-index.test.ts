import type { ArticleDraft } from '../../../src/domain/kb/article.js';
import { KbIndex } from '../../../src/kb/kb-index.js';

const article = (overrides: Partial<ArticleDraft> & Pick<ArticleDraft, 'slug'>): ArticleDraft => ({
  title: 'Untitled',
  problem: 'Something happens.',
  solution: 'Do something.',
  keywords: [],
  products: [],
  docLinks: [],
  visibility: 'public',
  status: 'published',
  ...overrides,
});

const ARTICLES: ArticleDraft[] = [
  article({
    slug: 'invoice-export-timeout',
    title: 'Invoice export times out at month-end',
    problem: 'Exporting all invoices of the month to CSV stops with "Request timed out".',
    solution: 'Schedule the export as a background job.',
    keywords: ['csv', 'month-end'],
    products: [{ product: 'ledgerline-erp', versions: [] }],
  }),
  article({
    slug: 'receipt-printer-offline',
    title: 'Receipt printer shows as offline at the checkout',
    problem: 'The till cannot print receipts.',
    solution: 'Reinstall the printer driver and run a test print.',
    products: [{ product: 'ledgerline-pos', versions: ['8.0'] }],
  }),
  article({
    slug: 'account-locked',
    title: 'Account locked after failed sign-in attempts',
    problem: 'A user sees "Your account has been locked".',
    solution: 'An administrator unlocks the account.',
  }),
  article({
    slug: 'period-locked-internal',
    title: 'Reopening a locked fiscal period',
    problem: 'Posting fails because the period is locked.',
    solution: 'A controller reopens the period.',
    visibility: 'internal',
  }),
  article({
    slug: 'draft-sso',
    title: 'Single sign-on loops back to the login page',
    problem: 'Users are redirected in a loop.',
    status: 'draft',
  }),
];

const build = (articles = ARTICLES): KbIndex => {
  const index = new KbIndex();
  index.upsert(articles);
  return index;
};

const slugs = (index: KbIndex, query: string, options: Parameters<KbIndex['search']>[1]) =>
  index.search(query, options).map((hit) => hit.slug);

describe('KbIndex', () => {
  it('finds an article from a customer paraphrase with typos and stems', () => {
    expect(slugs(build(), 'exporting invoces keeps timing out', { audience: 'customer' })[0]).toBe(
      'invoice-export-timeout',
    );
  });

  it('corrects a swapped-letter typo that is two Levenshtein edits away', () => {
    expect(slugs(build(), 'reciept prnter', { audience: 'customer' })[0]).toBe(
      'receipt-printer-offline',
    );
  });

  it('completes the word being typed', () => {
    expect(slugs(build(), 'invoice expo', { audience: 'customer' })[0]).toBe(
      'invoice-export-timeout',
    );
  });

  it('with a quoted phrase returns only articles containing it word for word', () => {
    const index = build();
    expect(slugs(index, '"has been locked"', { audience: 'staff' })).toEqual(['account-locked']);
    expect(slugs(index, 'locked', { audience: 'staff' }).sort()).toEqual([
      'account-locked',
      'period-locked-internal',
    ]);
    expect(slugs(index, '"been has locked"', { audience: 'staff' })).toEqual([]);
  });

  it('shows customers published public articles only, staff internal ones too, nobody drafts', () => {
    const index = build();
    expect(slugs(index, 'locked period', { audience: 'customer' })).not.toContain(
      'period-locked-internal',
    );
    expect(slugs(index, 'locked period', { audience: 'staff' })[0]).toBe('period-locked-internal');
    expect(slugs(index, 'single sign-on redirected loop', { audience: 'staff' })).not.toContain(
      'draft-sso',
    );
  });

  it('filters by product, keeping articles that name no product', () => {
    const found = slugs(build(), 'printer locked export', {
      audience: 'staff',
      products: ['Ledgerline-POS'],
    });
    expect(found).toContain('receipt-printer-offline');
    expect(found).toContain('account-locked');
    expect(found).not.toContain('invoice-export-timeout');
  });

  it('replaces an article on upsert and forgets a removed one', () => {
    const index = build();
    index.upsert([
      article({ slug: 'account-locked', title: 'Password expired', problem: 'Expired password.' }),
    ]);
    expect(slugs(index, 'failed sign-in attempts', { audience: 'staff' })).not.toContain(
      'account-locked',
    );
    expect(slugs(index, 'password expired', { audience: 'staff' })).toEqual(['account-locked']);
    index.remove('account-locked');
    expect(slugs(index, 'password expired', { audience: 'staff' })).toEqual([]);
    expect(index.has('account-locked')).toBe(false);
  });

  it('honours limit and minConfidence', () => {
    const index = build();
    expect(index.search('locked printer invoice', { audience: 'staff', limit: 1 })).toHaveLength(1);
    const hits = index.search('locked printer invoice', { audience: 'staff' });
    expect(hits.length).toBeGreaterThan(1);
    const best = Math.max(...hits.map((hit) => hit.confidence));
    const above = index.search('locked printer invoice', {
      audience: 'staff',
      minConfidence: best,
    });
    expect(above.length).toBeGreaterThan(0);
    expect(above.every((hit) => hit.confidence >= best)).toBe(true);
    expect(
      index.search('locked printer invoice', { audience: 'staff', minConfidence: best + 1e-9 }),
    ).toEqual([]);
  });

  it('returns nothing for a query of stop words only', () => {
    expect(build().search('how do I get it to be there', { audience: 'staff' })).toEqual([]);
  });

  it('in a large index, lets the rare words of a query decide over words in most articles', () => {
    const filler = Array.from({ length: 2_500 }, (_, i) =>
      article({
        slug: `filler-${i}`,
        title: `Invoice question ${i}`,
        problem: `Invoice number ${i} needs attention.`,
      }),
    );
    const index = build([
      ...filler,
      article({
        slug: 'invoice-dunning',
        title: 'Invoice dunning letters',
        problem: 'No dunning letters for the invoice.',
      }),
    ]);
    expect(slugs(index, 'invoice dunning', { audience: 'staff' })[0]).toBe('invoice-dunning');
    // A query made only of common words still answers (from its rarest word).
    expect(index.search('invoice', { audience: 'staff' }).length).toBeGreaterThan(0);
  });
});
