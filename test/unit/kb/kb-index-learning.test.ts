import type { ArticleDraft } from '../../../src/domain/kb/article.js';
import type { EvidenceKind, EvidenceRecord } from '../../../src/domain/kb/evidence.js';
import { KbIndex } from '../../../src/kb/kb-index.js';

const NOW = new Date('2026-12-02T09:00:00Z');

const article = (slug: string, title: string, problem: string): ArticleDraft => ({
  slug,
  title,
  problem,
  solution: 'Follow the steps in the settings.',
  keywords: [],
  products: [],
  docLinks: [],
  visibility: 'public',
  status: 'published',
});

const ARTICLES = [
  article('hold-order', 'Put a sales order on hold', 'Stop an order from being delivered for now.'),
  article('cancel-order', 'Cancel a sales order', 'Remove an order the customer no longer wants.'),
  article('printer-offline', 'Receipt printer offline', 'The till cannot print receipts.'),
  article('export-timeout', 'Invoice export times out', 'The CSV export stops at month end.'),
];

let counter = 0;
const record = (slug: string, text: string, kind: EvidenceKind = 'solved'): EvidenceRecord => {
  counter += 1;
  return { key: `case-${counter}|${slug}|${kind}`, slug, text, kind, at: NOW };
};

const build = (): KbIndex => {
  const index = new KbIndex({}, ARTICLES.length);
  index.upsert(ARTICLES);
  return index;
};

const QUESTION = 'can we pause shipping until the customer pays';

describe('KbIndex with evidence learned from use', () => {
  it('finds an article by the words customers it solved used, and says so', () => {
    const index = build();
    const slugs = () => index.search(QUESTION, { audience: 'customer' }).map((hit) => hit.slug);
    expect(slugs()).not.toContain('hold-order');
    index.learn(
      [
        record('hold-order', 'pause shipping of an order until paid'),
        record('hold-order', 'customer has not paid yet, pause the shipping'),
      ],
      NOW,
    );
    const [first] = index.search(QUESTION, { audience: 'customer' });
    expect(first?.slug).toBe('hold-order');
    expect(first?.why?.matched).toEqual(expect.arrayContaining(['pause', 'shipping']));
    expect(first?.why?.solvedSimilar).toBe(2);
  });

  it('raises the confidence of the article customers confirmed', () => {
    const index = build();
    const question = 'sales order should not go out yet';
    const before = index.search(question, { audience: 'customer' });
    const hold = (hits: typeof before) => hits.find((hit) => hit.slug === 'hold-order');
    index.learn([record('hold-order', 'sales order must not go out yet, stop it')], NOW);
    const after = index.search(question, { audience: 'customer' });
    expect(after[0]?.slug).toBe('hold-order');
    expect(hold(after)!.confidence).toBeGreaterThan(hold(before)?.confidence ?? 0);
  });

  it('"Still need help" counts against an article for those words', () => {
    const index = build();
    const question = 'stop the sales order';
    const rankOf = () =>
      index
        .search(question, { audience: 'customer' })
        .findIndex((hit) => hit.slug === 'cancel-order');
    const before = rankOf();
    expect(before).toBeGreaterThanOrEqual(0);
    const scoreOf = () =>
      index.search(question, { audience: 'customer' }).find((hit) => hit.slug === 'cancel-order')
        ?.score ?? 0;
    const scoreBefore = scoreOf();
    index.learn(
      [1, 2, 3].map(() => record('cancel-order', 'stop the sales order please', 'declined')),
      NOW,
    );
    expect(scoreOf()).toBeLessThan(scoreBefore);
  });

  it('counts as similar only solved questions sharing two of the words', () => {
    const index = build();
    index.learn(
      [
        record('printer-offline', 'the receipt printer says offline'),
        record('printer-offline', 'printer broken'),
      ],
      NOW,
    );
    const [first] = index.search('receipt printer offline again', { audience: 'customer' });
    expect(first?.slug).toBe('printer-offline');
    expect(first?.why?.solvedSimilar).toBe(1);
  });
});
