/**
 * The satisfaction survey on the real database: written by the close into the outbox,
 * held there for the delay, recorded and posted once per case however often the close or
 * its delivery repeats; the answer recorded once.
 */
import { composeChatCsat } from '../../../src/compose-csat.js';
import type { CsatSurveyTarget } from '../../../src/use-cases/send-csat-survey.js';
import { openAs, startCoreFixture, type CoreFixture } from '../../support/core-fixture.js';

const HOUR = 60 * 60_000;

describe('the satisfaction survey, stored', () => {
  let fx: CoreFixture;
  const posted: CsatSurveyTarget[] = [];
  const drain = async () => {
    while (await fx.core.deliverOutbox());
  };
  beforeAll(async () => {
    fx = await startCoreFixture('csat_survey', {
      csat: { send: 'every', delayMinutes: 60, lowScoreAtMost: 2 },
    });
    composeChatCsat(fx.core)('slack').onSurvey(async (target) => void posted.push(target));
  });
  afterAll(() => fx.close());

  const closedCase = async () => {
    const opened = await openAs(fx);
    const ref = { caseId: opened.id };
    const ana = await fx.agent();
    await fx.core.useCases.claimCase({ ref, actor: ana });
    await fx.core.useCases.resolveCase({
      ref,
      actor: ana,
      resolution: { type: 'fixed', text: 'Unlocked the period.' },
    });
    await drain();
    const carol = await fx.customer();
    const first = await fx.core.useCases.closeCase({ ref, actor: carol });
    if (!first.ok) throw new Error(first.message);
    // A double press of Close: no second close, no second survey.
    await fx.core.useCases.closeCase({ ref, actor: carol });
    return first.value.case;
  };

  const csatEvents = async (caseId: string) =>
    (await fx.core.cases.findById(caseId))!.events.filter((e) => e.type.startsWith('csat-'));

  it('goes out once, after the delay, however often the close is pressed or delivered', async () => {
    const closed = await closedCase();
    await drain();
    expect(posted.filter((p) => p.caseId === closed.id)).toHaveLength(0);
    fx.clock.advance(HOUR);
    await drain();
    const state = (await fx.core.cases.findById(closed.id))!;
    const entries = state.outbox.filter((e) => e.topic === 'csat-survey');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ state: 'delivered' });
    // The same entry delivered again (a crash before it was marked, another replica).
    const again = await Promise.all([
      fx.core.useCases.sendCsatSurvey(closed.id, entries[0]!.id),
      fx.core.useCases.sendCsatSurvey(closed.id, entries[0]!.id),
    ]);
    expect(again.map((t) => t?.caseId)).toEqual([closed.id, closed.id]);
    expect((await csatEvents(closed.id)).map((e) => e.type)).toEqual(['csat-sent']);
    expect(posted.filter((p) => p.caseId === closed.id)).toHaveLength(1);
  });

  it('is not sent again when the case is reopened and closed again', async () => {
    const closed = await closedCase();
    fx.clock.advance(HOUR);
    await drain();
    const ref = { caseId: closed.id };
    const carol = await fx.customer();
    expect((await fx.core.useCases.reopenCase({ ref, actor: carol })).ok).toBe(true);
    const ana = await fx.agent();
    await fx.core.useCases.resolveCase({
      ref,
      actor: ana,
      resolution: { type: 'fixed', text: 'Unlocked it again.' },
    });
    await drain();
    expect((await fx.core.useCases.closeCase({ ref, actor: carol })).ok).toBe(true);
    fx.clock.advance(HOUR);
    await drain();
    expect(posted.filter((p) => p.caseId === closed.id)).toHaveLength(1);
  });

  it('records one answer however often it is pressed', async () => {
    const closed = await closedCase();
    const carol = await fx.customer();
    const ref = { caseId: closed.id };
    const early = await fx.core.useCases.answerCsat({ ref, actor: carol, score: 3 });
    expect(early).toMatchObject({ ok: false, code: 'not-found' });
    fx.clock.advance(HOUR);
    await drain();
    const answers = await Promise.all(
      [4, 4, 1].map((score) => fx.core.useCases.answerCsat({ ref, actor: carol, score })),
    );
    expect(answers.filter((a) => a.ok && a.value.changed)).toHaveLength(1);
    const recorded = (await csatEvents(closed.id)).filter((e) => e.type === 'csat-answered');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.data).toMatchObject({ agentNames: 'Ana' });
  });
});
