/**
 * Case lists on the real database: the page and the total that matches the filter, and a
 * status word read as a status, a status name or a category of the configured workflow.
 */
import { openAs } from '../../support/core-fixture.js';
import { startMemoryFixture, type MemoryFixture } from '../../support/in-memory/core.js';

describe('listCases (real database)', () => {
  let fx: MemoryFixture;
  let claimed: string;
  beforeAll(async () => {
    fx = await startMemoryFixture();
    const cases = [];
    for (const title of ['Ledger export fails', 'Payroll run late', 'Login slow'])
      cases.push(await openAs(fx, { title }));
    claimed = cases[0]!.number;
    const claim = await fx.core.useCases.claimCase({
      ref: { caseId: cases[0]!.id },
      actor: await fx.agent(),
    });
    if (!claim.ok) throw new Error(claim.message);
  });
  afterAll(() => fx.close());

  const list = async (filter: Record<string, unknown>) => {
    const result = await fx.core.useCases.listCases({ actor: await fx.agent(), ...filter });
    if (!result.ok) throw new Error(result.message);
    return { numbers: result.value.cases.map((c) => c.number), total: result.value.total };
  };

  it('returns one page and how many match in all', async () => {
    const page = await list({ limit: 2 });
    expect(page.numbers).toHaveLength(2);
    expect(page.total).toBe(3);
  });

  it('counts only what the filter matches', async () => {
    expect(await list({ status: 'new', limit: 1 })).toMatchObject({ total: 2 });
  });

  it('reads a category as every status in it, and a status name as its status', async () => {
    expect(await list({ status: 'open' })).toEqual({ numbers: [claimed], total: 1 });
    expect(await list({ status: 'On hand' })).toEqual({ numbers: [claimed], total: 1 });
  });

  it('refuses an unknown status with the valid ones, whoever asks', async () => {
    const result = await fx.core.useCases.listCases({
      actor: await fx.customer(),
      status: 'bogus',
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(result.ok ? '' : result.message).toContain('Statuses: new, on-hand,');
  });
});
