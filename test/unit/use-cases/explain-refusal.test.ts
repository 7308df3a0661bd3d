import { SIMPLE_WORKFLOW as workflow } from '../../../src/domain/workflow/index.js';
import { makeExplainRefusal } from '../../../src/use-cases/explain-refusal.js';
import { makeResolveCase } from '../../../src/use-cases/resolve-case.js';
import { ANA, BEN, DAVE, buildCase } from '../../support/build-case.js';
import { InMemoryCases, ManualClock, sequentialIds } from '../../support/in-memory/cases.js';

/** Two agents resolve one case, Ben first; what Ana is told afterwards. */
const race = async () => {
  const clock = new ManualClock();
  const cases = new InMemoryCases();
  const deps = { cases, clock, newId: sequentialIds(), workflow };
  await cases.insert(buildCase({ status: 'on-hand', statusCategory: 'open' }));
  const resolve = makeResolveCase(deps);
  const resolution = (text: string) => ({ type: 'fixed', text });
  const won = await resolve({ ref: { caseId: 'case-1' }, actor: BEN, resolution: resolution('B') });
  clock.advance(3 * 60_000);
  const lost = await resolve({
    ref: { caseId: 'case-1' },
    actor: ANA,
    resolution: resolution('A'),
  });
  if (!won.ok || lost.ok) throw new Error('the race went the other way');
  return { explain: makeExplainRefusal(deps), failure: lost };
};

describe('explaining a refusal from the stored case', () => {
  it('reads the case again and names the colleague who moved it, and when', async () => {
    const { explain, failure } = await race();
    const explained = await explain({
      ref: { caseId: 'case-1' },
      actor: ANA,
      action: 'resolve',
      failure: { code: failure.code, message: failure.message },
      text: 'A',
    });
    expect(explained.ok && explained.value).toMatchObject({
      happened: 'Ben resolved CASE-1001 3 minutes ago.',
      keptText: 'A',
      offerNote: true,
      formCanFix: false,
    });
  });

  it('tells someone who may not see the case nothing about it', async () => {
    const { explain, failure } = await race();
    const explained = await explain({
      ref: { caseId: 'case-1' },
      actor: DAVE,
      action: 'add-details',
      failure: { code: failure.code, message: failure.message },
    });
    expect(explained.ok && explained.value.happened).not.toContain('Ben');
  });

  it('refuses a command that is not one', async () => {
    const { explain } = await race();
    const explained = await explain({ ref: { caseId: 'case-1' }, actor: ANA, action: 'dance' });
    expect(explained.ok).toBe(false);
  });
});
