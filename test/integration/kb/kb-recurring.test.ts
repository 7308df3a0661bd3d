import type { ArticleDraft } from '../../../src/domain/kb/article.js';
import { startCoreFixture, type CoreFixture } from '../../support/core-fixture.js';

const SYSTEM = { kind: 'system', name: 'kb test' } as const;

const ARTICLE: ArticleDraft = {
  slug: 'sepa-rejected',
  title: 'Bank rejects the SEPA payment file',
  problem: 'The bank portal refuses the SEPA credit transfer XML with a schema error.',
  solution: 'Select the SEPA 2019 format and regenerate the file.',
  keywords: ['sepa', 'pain.001'],
  products: [],
  docLinks: [],
  visibility: 'public',
  status: 'published',
};

describe('recurring problems', () => {
  let fx: CoreFixture;
  beforeAll(async () => {
    fx = await startCoreFixture('kb_recurring');
    expect((await fx.core.kb.useCases.saveKbArticle({ actor: SYSTEM, article: ARTICLE })).ok).toBe(
      true,
    );
    await fx.core.kb.follower.load();
  });
  afterAll(async () => fx.close());

  const open = async (title: string, description = '') => {
    const result = await fx.core.useCases.openCase({
      actor: await fx.customer(),
      title,
      description,
    });
    if (!result.ok) throw new Error(result.message);
    fx.clock.advance(60_000);
    return result.value.case.number;
  };

  it('groups cases that look alike, largest first, and leaves the odd one out', async () => {
    const sepa = [
      await open('Bank rejects our SEPA file', 'schema error pain.001 when uploading'),
      await open('SEPA payment XML refused by the bank portal'),
      await open('bank refuses sepa transfer file'),
    ];
    const lockedOut = [
      await open('Users locked out after failed logins', 'account locked message'),
      await open('account locked after wrong password, users locked out'),
    ];
    const odd = await open('Gift card balance wrong at the till');

    const report = await fx.core.kb.useCases.reportRecurringProblems({ actor: SYSTEM, days: 7 });
    if (!report.ok) throw new Error(report.message);
    expect(report.value.map((group) => group.cases.map((c) => c.number).sort())).toEqual([
      [...sepa].sort(),
      [...lockedOut].sort(),
    ]);
    expect(report.value[0]!.articleSlug).toBe('sepa-rejected');
    expect(JSON.stringify(report.value)).not.toContain(odd);
  });

  it('keeps cases that are still open when they are older than the window', async () => {
    fx.clock.advance(30 * 86_400_000);
    const report = await fx.core.kb.useCases.reportRecurringProblems({ actor: SYSTEM, days: 1 });
    expect(report.ok && report.value.map((group) => group.cases.length)).toEqual([3, 2]);
  });

  it('leaves out a case solved before the window, and still lists its open look-alikes', async () => {
    const [first] = (await fx.core.cases.list({ limit: 100 })).filter((c) => /sepa/i.test(c.title));
    const solved = await fx.core.useCases.resolveCase({
      ref: { caseId: first!.id },
      actor: await fx.agent(),
      resolution: { type: 'fixed', text: 'Switched the export to SEPA 2019.' },
    });
    expect(solved.ok).toBe(true);
    fx.clock.advance(2 * 86_400_000);
    const report = await fx.core.kb.useCases.reportRecurringProblems({ actor: SYSTEM, days: 1 });
    if (!report.ok) throw new Error(report.message);
    expect(report.value.map((group) => group.cases.length)).toEqual([2, 2]);
    expect(JSON.stringify(report.value)).not.toContain(`"${first!.number}"`);
  });

  it('refuses customers', async () => {
    const report = await fx.core.kb.useCases.reportRecurringProblems({
      actor: await fx.customer(),
      days: 7,
    });
    expect(report.ok ? 'ok' : report.code).toBe('not-allowed');
  });
});
