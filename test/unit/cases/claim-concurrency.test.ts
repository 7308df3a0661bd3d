import { openAs } from '../../support/core-fixture.js';
import { startMemoryFixture, type MemoryFixture } from '../../support/in-memory/core.js';

describe('claiming a case', () => {
  let fx: MemoryFixture;
  beforeAll(async () => {
    fx = await startMemoryFixture();
  });
  afterAll(() => fx.close());

  it('gives 20 simultaneous claims exactly one owner and 19 clear refusals', async () => {
    const opened = await openAs(fx);
    const agents = await Promise.all(
      Array.from({ length: 20 }, (_, i) => fx.agent(`agent${i}@desk.example`)),
    );
    const results = await Promise.all(
      agents.map((actor) => fx.core.useCases.claimCase({ ref: { caseId: opened.id }, actor })),
    );
    const winners = results.filter((r) => r.ok);
    const refusals = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(refusals).toHaveLength(19);
    const owner = winners[0]!.ok ? winners[0]!.value.case.assigneeName : undefined;
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({
        ok: false,
        code: 'already-claimed',
        message: `Already claimed by ${owner}.`,
      });
    }
    const stored = await fx.core.cases.findById(opened.id);
    expect(stored?.events.filter((e) => e.type === 'claimed')).toHaveLength(1);
    expect(stored?.assigneeName).toBe(owner);
  });

  it('moves a new case on to its working status and tells the customer someone is on it', async () => {
    const opened = await openAs(fx);
    const result = await fx.core.useCases.claimCase({
      ref: { caseNumber: opened.number },
      actor: await fx.agent(),
    });
    expect(result.ok && result.value.case).toMatchObject({
      status: 'on-hand',
      statusCategory: 'open',
      assigneeName: 'Ana',
    });
    const milestones = result.ok
      ? result.value.case.outbox.filter((o) => o.topic === 'milestone')
      : [];
    expect(milestones.map((m) => m.audience)).toEqual(['customer']);
  });

  it('treats a double click by the same agent as one claim', async () => {
    const opened = await openAs(fx);
    const actor = await fx.agent();
    const [first, second] = await Promise.all([
      fx.core.useCases.claimCase({ ref: { caseId: opened.id }, actor }),
      fx.core.useCases.claimCase({ ref: { caseId: opened.id }, actor }),
    ]);
    expect(first.ok && second.ok).toBe(true);
    const stored = await fx.core.cases.findById(opened.id);
    expect(stored?.events.filter((e) => e.type === 'claimed')).toHaveLength(1);
  });
});
