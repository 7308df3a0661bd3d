import { openAs, startCoreFixture, type CoreFixture } from '../../support/core-fixture.js';

describe('a stored resolution', () => {
  let fx: CoreFixture;
  beforeAll(async () => {
    fx = await startCoreFixture('resolution');
  });
  afterAll(() => fx.close());

  it('reads back when the form left the doc link empty', async () => {
    const opened = await openAs(fx);
    const ana = await fx.agent();
    await fx.core.useCases.claimCase({ ref: { caseId: opened.id }, actor: ana });
    const solved = await fx.core.useCases.resolveCase({
      ref: { caseId: opened.id },
      actor: ana,
      resolution: { type: 'fixed', text: 'Unlocked the period.', docLink: undefined },
    });
    expect(solved.ok).toBe(true);
    expect((await fx.core.cases.findById(opened.id))?.resolution).toEqual({
      type: 'fixed',
      text: 'Unlocked the period.',
    });
  });

  it('reads back a doc link stored as null by an older write', async () => {
    const opened = await openAs(fx);
    await fx.connection
      .collection('cases')
      .updateOne(
        { _id: opened.id as never },
        { $set: { resolution: { type: 'fixed', text: 'Old write', docLink: null } } },
      );
    expect((await fx.core.cases.findById(opened.id))?.resolution).toEqual({
      type: 'fixed',
      text: 'Old write',
    });
  });
});
