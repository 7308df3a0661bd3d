import { formatArticleFile, parseArticleFile } from '../../../src/kb/markdown.js';

const FILE = `---
title: "Bank rejects the SEPA payment file"
keywords: [sepa, pain.001]
products:
  - product: ledgerline-erp
    versions: ["2024.1"]
docLinks: ["https://docs.example/sepa"]
sourceCase: CASE-1042
visibility: public
status: published
---

## Problem

The bank portal refuses the XML.

## Solution

Select "SEPA 2019" and regenerate the file.
`;

describe('article Markdown files', () => {
  it('reads front matter and the Problem and Solution sections, slug from the file name', () => {
    const parsed = parseArticleFile('sepa-rejected', FILE);
    expect(parsed).toEqual({
      ok: true,
      article: {
        slug: 'sepa-rejected',
        title: 'Bank rejects the SEPA payment file',
        keywords: ['sepa', 'pain.001'],
        products: [{ product: 'ledgerline-erp', versions: ['2024.1'] }],
        docLinks: ['https://docs.example/sepa'],
        sourceCase: 'CASE-1042',
        visibility: 'public',
        status: 'published',
        problem: 'The bank portal refuses the XML.',
        solution: 'Select "SEPA 2019" and regenerate the file.',
      },
    });
  });

  it('round-trips through formatArticleFile', () => {
    const first = parseArticleFile('sepa-rejected', FILE);
    if (!first.ok) throw new Error(first.problems.join());
    const again = parseArticleFile('sepa-rejected', formatArticleFile(first.article));
    expect(again).toEqual(first);
  });

  it('defaults to an internal draft when visibility and status are not given', () => {
    const parsed = parseArticleFile(
      'minimal',
      '---\ntitle: Minimal article\n---\n## Problem\nP\n## Solution\nS\n',
    );
    expect(parsed.ok && [parsed.article.visibility, parsed.article.status]).toEqual([
      'internal',
      'draft',
    ]);
  });

  it('lists every problem of an invalid file', () => {
    const parsed = parseArticleFile(
      'Bad Slug',
      '---\ntitle: x\nvisibility: secret\ncolour: blue\n---\n## Problem\n\nOnly a problem.\n',
    );
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems.join('\n');
    expect(problems).toMatch(/slug/);
    expect(problems).toMatch(/title/);
    expect(problems).toMatch(/visibility/);
    expect(problems).toMatch(/solution/);
    expect(problems).toMatch(/colour/);
  });

  it('refuses a file without front matter or with broken YAML', () => {
    expect(parseArticleFile('a-b', '# Just a heading\n').ok).toBe(false);
    expect(parseArticleFile('a-b', '---\ntitle: [unclosed\n---\n').ok).toBe(false);
  });
});
